from __future__ import annotations

import polars as pl
import pytest

from iru.data.dataset import Dataset
from iru.data.unit_files import UnitFileError
from iru.web.caseloads.models import Allocation
from iru.web.children.columns import CHILD_TABLES
from iru.web.children.models import Child, CpPlanReview, Episode
from iru.web.core import upsert as upsert_module
from iru.web.disputes.models import Escalation, RagRating, RagReason
from iru.web.imports.models import ImportRun
from iru.web.imports.services.dataset import import_dataset
from iru.web.meetings.models import Meeting, MeetingChild
from iru.web.oversight.models import OversightNote
from iru.web.people.models import Leave, Post, PostHolding, Staff, Team
from tests.web.conftest import TODAY, d, frame, small_dataset, small_unit

pytestmark = pytest.mark.django_db


WRITTEN = (*(t.model for t in CHILD_TABLES), Child, CpPlanReview, Allocation, Staff, Team,
           Meeting, MeetingChild, RagRating, RagReason, Escalation, OversightNote, Post,
           PostHolding, Leave)  # fmt: skip


def snapshot() -> dict[str, list]:
    """Every row of every table the import writes, to compare before and after."""
    return {model.__name__: sorted(map(repr, model._default_manager.values())) for model in WRITTEN}


def test_the_same_returns_again_from_other_file_names_change_nothing(imported, unit):
    before = snapshot()
    renamed = small_dataset(year_file="header.csv")  # as an upload names it: no folder
    renamed = Dataset(**{
        name: renamed.frame(name).with_columns(pl.col("_file").str.replace(r"^.*/", ""))
        for name in ("header", "episodes", "reviews", "cin_children", "cin_details",
                     "section47", "cp_plans", "cp_reviews")
    }, has_header=True, has_episodes=True, has_reviews=True, has_cin=True)  # fmt: skip
    again = import_dataset(dataset=renamed, unit=unit, today=TODAY)
    assert not again.changed, {k: v.as_json() for k, v in again.tables.items() if v.updated}
    assert snapshot() == before


def test_the_import_writes_every_table(imported):
    assert imported.children_added == 3
    assert imported.tables["episodes"].added == 3
    assert imported.tables["cp_reviews"].added == 2
    assert imported.tables["allocations"].added == 3
    a1 = Child.objects.get(la_child_id="A1")
    assert (a1.given_name, a1.sex, a1.in_ssda903) == ("Alfie", "1", True)
    assert not Child.objects.get(la_child_id="B2").in_ssda903
    assert MeetingChild.objects.get(child=a1).participation == "PN1"
    reasons = RagRating.objects.get().reasons.order_by("code")
    assert [(r.code, r.in_catalogue) for r in reasons] == [
        ("LAC-R-01", True),
        ("NOT-A-CODE", False),
    ]
    assert any("NOT-A-CODE" in w for w in imported.warnings)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.SUCCEEDED
    assert run.counts["children"]["added"] == 3


def test_importing_the_same_files_twice_changes_nothing(imported, dataset, unit):
    before = snapshot()
    again = import_dataset(dataset=dataset, unit=unit, today=TODAY)
    assert not again.changed
    assert snapshot() == before
    assert ImportRun.objects.filter(status=ImportRun.Status.SUCCEEDED).count() == 2


def test_a_failure_at_any_row_leaves_the_database_unchanged(imported, monkeypatch):
    before = snapshot()
    real_upsert = upsert_module.upsert

    def failing(model, rows, **kwargs):
        if model is CpPlanReview:
            raise RuntimeError("disk full at row 2")
        return real_upsert(model, rows, **kwargs)

    monkeypatch.setattr("iru.web.children.services.returns.upsert", failing)
    newer = small_dataset(year_file="2025/header.csv")
    with pytest.raises(RuntimeError):
        import_dataset(dataset=newer, unit=None, today=TODAY)
    assert snapshot() == before
    failed = ImportRun.objects.latest("pk")
    assert failed.status == ImportRun.Status.FAILED
    assert "disk full" in failed.error


def test_a_failure_on_a_fresh_database_writes_nothing(db, dataset, unit):
    bad = small_unit(
        **{
            "allocations.csv": "id,child_id,kind,chair_id,social_worker_id,team_id,"
            "start,end\nL1,A1,lac,NOBODY,,,2023-04-01,\n"
        }
    )
    with pytest.raises(UnitFileError, match=r"unit/allocations.csv, row 2, column chair_id"):
        import_dataset(dataset=dataset, unit=bad, today=TODAY)
    assert not Child.objects.exists()
    assert not Staff.objects.exists()
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED


def test_a_second_rating_after_the_same_meeting_is_refused_naming_its_row(db, dataset):
    ratings = (
        "id,meeting_id,child_id,rating,reasons,comment,team_manager_id,sent,response_due,"
        "responded,response\n"
        "R1,M1,A1,red,LAC-R-01,,S3,2023-04-26,2023-05-03,,\n"
        "R2,M1,A1,green,,,S3,2023-04-26,,,\n"
    )
    with pytest.raises(UnitFileError, match=r"rag_ratings.csv, row 3, column meeting_id.*row 2"):
        import_dataset(
            dataset=dataset, unit=small_unit(**{"rag_ratings.csv": ratings}), today=TODAY
        )
    assert not Child.objects.exists()


def test_a_newer_year_updates_its_children_and_keeps_what_staff_added(imported):
    a1 = Child.objects.get(la_child_id="A1")
    a1.given_name = "Alfred"  # typed in by staff
    a1.save()
    b2 = Child.objects.get(la_child_id="B2")
    b2.given_name, b2.family_name = "Bea", "Birch-Smith"
    b2.save()
    by_hand = Allocation.objects.create(
        child=b2, kind="cp", chair=Staff.objects.get(external_id="S1"), start=d("2024-05-01")
    )
    header = frame(
        "header",
        [
            {
                "CHILD": "A1",
                "SEX": "1",
                "DOB": d("2012-05-01"),
                "ETHNIC": "WIRI",
                "_file": "2025/header.csv",
                "_row": 2,
            }
        ],
    )
    episodes = frame(
        "episodes",
        [
            {
                "CHILD": "A1",
                "DECOM": d("2024-09-01"),
                "RNE": "P",
                "LS": "C2",
                "PLACE": "U4",
                "_file": "2025/episodes.csv",
                "_row": 2,
            }
        ],
    )
    from iru.data.dataset import Dataset

    newer = Dataset(header=header, episodes=episodes, has_header=True, has_episodes=True)
    summary = import_dataset(dataset=newer, unit=small_unit(), today=TODAY)
    assert summary.children_updated == 1
    a1.refresh_from_db()
    assert (a1.ethnic, a1.given_name, a1.source_file) == ("WIRI", "Alfred", "2025/header.csv")
    assert a1.episodes.count() == 3
    b2.refresh_from_db()
    assert (b2.given_name, b2.family_name) == ("Bea", "Birch-Smith")
    assert Allocation.objects.filter(pk=by_hand.pk).exists()
    assert Child.objects.get(la_child_id="C3").ethnic == "MWBC"  # not in the newer files


def test_rows_without_a_natural_key_are_skipped_with_a_warning(db):
    episodes = frame("episodes", [{"CHILD": "A1", "DECOM": None, "_file": "e.csv", "_row": 7}])
    from iru.data.dataset import Dataset

    summary = import_dataset(dataset=Dataset(episodes=episodes), unit=None, today=TODAY)
    assert not Episode.objects.exists()
    assert any("e.csv, row 7" in w for w in summary.warnings)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "staff.csv",
            "id,given_name,family_name,role,team_id,fte,email\nS1,A,B,iro,,1.5,\n",
            "unit/staff.csv, row 2, column fte: must be from 0 to 1 (value '1.5')",
        ),
        (
            "meetings.csv",
            "id,kind,date,chair_id,child_ids,attendees,reports_shared_3_days,"
            "outcome,category\nM1,lac_review,25/04/2023,,A1,,,,\n",
            "unit/meetings.csv, row 2, column date: is not a date YYYY-MM-DD (value '25/04/2023')",
        ),
        (
            "teams.csv",
            "id,name\nT1,North\n",
            "unit/teams.csv, row 1, column kind: the column is missing",
        ),
        (
            "participation.csv",
            "meeting_id,child_id,code\nM1,A1,PN9\n",
            "unit/participation.csv, row 2, column code: must be one of PN0",
        ),
    ],
)
def test_a_wrong_value_in_a_unit_file_names_file_row_column_and_value(name, text, message):
    with pytest.raises(UnitFileError) as error:
        small_unit(**{name: text})
    assert str(error.value).startswith(message)
