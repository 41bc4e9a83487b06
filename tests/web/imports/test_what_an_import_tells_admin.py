"""What an import tells admin (ADR 0018): the children it leaves with overlapping episodes, and
every next due date it moves, kept on the run."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iru.data.dataset import Dataset
from iru.web.children.models import Child, LacReview
from iru.web.imports.findings import Due, DueChange, EpisodeSeen, Overlap
from iru.web.imports.models import ImportRun
from iru.web.imports.selectors import run_due_changes, run_overlaps
from iru.web.imports.services.dataset import import_dataset
from tests.web.conftest import TODAY, d, episodes_only, small_dataset

pytestmark = pytest.mark.django_db

Row = tuple[str, date, date | None]


def lac(day: str) -> Due:
    return Due("lac_review", d(day))


def test_a_decom_changed_on_a_later_import_leaves_two_open_episodes_and_says_so(db):
    import_dataset(dataset=episodes_only([("L1", d("2024-02-29"), None)]), unit=None, today=TODAY)
    corrected = episodes_only([("L1", d("2024-03-01"), None)], file="2025/episodes.csv")
    summary = import_dataset(dataset=corrected, unit=None, today=TODAY)

    child = Child.objects.get(la_child_id="L1")
    expected = Overlap(
        "L1",
        child.pk,
        (
            EpisodeSeen(d("2024-02-29"), None, "2024/episodes.csv", 2, in_import=False),
            EpisodeSeen(d("2024-03-01"), None, "2025/episodes.csv", 2, in_import=True),
        ),
    )
    assert summary.overlaps == (expected,)
    # The later of two open episodes starts the period now: the first review is due 20
    # working days after Friday 1 March 2024, over Easter, not after Thursday 29 February.
    moved = DueChange("L1", child.pk, lac("2024-03-28"), lac("2024-04-02"))
    assert summary.due_changes == (moved,)
    run = ImportRun.objects.get(pk=summary.run_id)
    assert run_overlaps(run) == [expected]
    assert run_due_changes(run) == [moved]
    assert (run.overlap_count, run.due_change_count) == (1, 1)
    # A warning for admin, not a problem in the files: the files themselves are sound.
    assert (run.problem_count, run.problems) == (0, [])


def test_two_open_episodes_in_one_file_are_both_in_the_import(db):
    both = episodes_only([("L2", d("2023-12-31"), None), ("L2", d("2024-01-01"), None)])
    summary = import_dataset(dataset=both, unit=None, today=TODAY)
    assert [(e.decom, e.row, e.in_import) for e in summary.overlaps[0].episodes] == [
        (d("2023-12-31"), 2, True),
        (d("2024-01-01"), 3, True),
    ]


def test_episodes_that_meet_do_not_overlap_and_only_the_imports_children_are_checked(db):
    # M1's episodes overlap, from a first import; the second import is of another child.
    import_dataset(
        dataset=episodes_only([("M1", d("2024-01-02"), None), ("M1", d("2024-02-01"), None)]),
        unit=None,
        today=TODAY,
    )
    meeting = [("N1", d("2023-02-28"), d("2024-02-29")), ("N1", d("2024-02-29"), None)]
    assert import_dataset(dataset=episodes_only(meeting), unit=None, today=TODAY).overlaps == ()


def test_the_first_import_lists_every_child_with_something_due(imported):
    a1, b2 = (Child.objects.get(la_child_id=c).pk for c in ("A1", "B2"))
    assert imported.due_changes == (
        DueChange("A1", a1, None, lac("2024-01-20")),
        DueChange("B2", b2, None, Due("rcpc", d("2024-11-10"))),
    )
    assert imported.overlaps == ()  # A1's episodes meet: the second began as the first ceased


def test_an_import_that_moves_due_dates_lists_each_before_and_after(imported):
    a1 = Child.objects.get(la_child_id="A1").pk
    reviews = small_dataset(year_file="2025/header.csv").reviews
    third = reviews.head(1).with_columns(
        REVIEW=pl.lit(d("2023-08-31")), REVIEW_CODE=pl.lit("PN4"), _row=pl.lit(4, pl.Int64)
    )
    later = Dataset(reviews=pl.concat([reviews, third]), has_reviews=True)
    summary = import_dataset(dataset=later, unit=None, today=TODAY)
    # A third review on 31 August 2023: the next is due six months on, on 29 February 2024.
    assert summary.due_changes == (DueChange("A1", a1, lac("2024-01-20"), lac("2024-02-29")),)

    # A1's open episode ceases on 31 May 2024: nothing is due any more.
    ceased = small_dataset().episodes.with_columns(pl.col("DEC").fill_null(d("2024-05-31")))
    summary = import_dataset(
        dataset=Dataset(episodes=ceased, has_episodes=True), unit=None, today=TODAY
    )
    assert summary.due_changes == (DueChange("A1", a1, lac("2024-02-29"), None),)


def test_identical_files_again_change_no_due_date(imported, dataset, unit):
    again = import_dataset(dataset=dataset, unit=unit, today=TODAY)
    assert again.due_changes == ()
    run = ImportRun.objects.get(pk=again.run_id)
    assert (run.due_changes, run.due_change_count) == ([], 0)


def test_a_day_passing_or_a_record_saved_since_is_not_put_down_to_the_import(db):
    # P1's episode ceases on 10 June; P2 has a review added by hand after the first import.
    rows: list[Row] = [("P1", d("2024-02-29"), d("2024-06-10")), ("P2", d("2024-02-29"), None)]
    first = import_dataset(dataset=episodes_only(rows), unit=None, today=TODAY)
    assert [c.child for c in first.due_changes] == ["P1", "P2"]
    LacReview.objects.create(child=Child.objects.get(la_child_id="P2"), review=d("2024-03-20"))
    again = import_dataset(dataset=episodes_only(rows), unit=None, today=TODAY + timedelta(days=8))
    assert again.due_changes == ()


def test_due_changes_are_soonest_first_and_those_with_nothing_due_last(db):
    rows: list[Row] = [("Q1", d("2024-01-31"), None), ("Q2", d("2023-12-01"), None),
                       ("Q3", d("2024-01-02"), None), ("Q4", d("2024-01-02"), None)]  # fmt: skip
    import_dataset(dataset=episodes_only(rows), unit=None, today=TODAY)
    # Q1 and Q2's start dates corrected to later days (each now beside its old episode), Q3's
    # episode ceased, Q4 the same.
    later: list[Row] = [("Q1", d("2024-02-29"), None), ("Q2", d("2023-12-29"), None),
                        ("Q3", d("2024-01-02"), d("2024-05-01")),
                        ("Q4", d("2024-01-02"), None)]  # fmt: skip
    summary = import_dataset(dataset=episodes_only(later, file="b.csv"), unit=None, today=TODAY)
    assert [(c.child, c.before and c.before.due, c.after and c.after.due)
            for c in summary.due_changes] == [
        ("Q2", d("2024-01-03"), d("2024-01-29")),  # 20 working days over Christmas, New Year
        ("Q1", d("2024-02-28"), d("2024-03-28")),
        ("Q3", d("2024-01-30"), None),
    ]  # fmt: skip
    assert [o.child for o in summary.overlaps] == ["Q1", "Q2"]


def test_a_failed_import_keeps_no_lists(db, monkeypatch):
    def failing(**_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("iru.web.imports.services.dataset.schedule_refresh", failing)
    one = episodes_only([("R1", d("2024-02-29"), None)])
    with pytest.raises(RuntimeError):
        import_dataset(dataset=one, unit=None, today=TODAY)
    run = ImportRun.objects.get()
    assert (run.status, run.overlaps, run.due_changes) == (ImportRun.Status.FAILED, [], [])


def _import_queries(children: int) -> int:
    """Queries of a second import that gives each of `children` children a second open
    episode, moving every one's due date."""
    first = [(f"S{i}", d("2024-02-29"), None) for i in range(children)]
    import_dataset(dataset=episodes_only(first), unit=None, today=TODAY)
    second = [(f"S{i}", d("2024-03-01"), None) for i in range(children)]
    with CaptureQueriesContext(connection) as captured:
        corrected = episodes_only(second, file="b.csv")
        summary = import_dataset(dataset=corrected, unit=None, today=TODAY)
    assert len(summary.overlaps) == len(summary.due_changes) == children
    return len(captured)


def test_the_lists_cost_no_query_per_child(db):
    few = _import_queries(3)
    Child.objects.all().delete()
    assert _import_queries(30) == few  # (more would take SQLite two inserts of episodes)
