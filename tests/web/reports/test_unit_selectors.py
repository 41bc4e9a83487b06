"""The unit's records read from the database give the same figures as the pure function on
the same rows made by hand; the cached figures move on when any of those records changes."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import polars as pl
import pytest
from django.core.cache import cache
from polars.testing import assert_frame_equal

from iru.cli import main
from iru.cli.importer import read_path
from iru.data import read_source
from iru.data.synthetic import generate
from iru.figures.unit import UNIT_SCHEMAS, UnitDataset, unit_figures
from iru.figures.unit.files import unit_dataset_from_files
from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child, CinChild, CpPlan, CpPlanReview
from iru.web.disputes.models import Escalation, EscalationStage
from iru.web.imports.selectors import dataset_from_database
from iru.web.imports.services.dataset import import_dataset
from iru.web.meetings.models import Meeting, MeetingChild
from iru.web.people.models import Leave, Post, PostHolding, Staff
from iru.web.reports.selectors import unit_dataset, year_unit_figures

pytestmark = pytest.mark.django_db

YE, TODAY = date(2016, 3, 31), date(2016, 5, 3)


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def records(db) -> dict:
    """Siblings A and B at one review conference, in timescale by the census; C at a LAC
    review with a booklet returned; a cancelled ICPC; an IRO post covered by agency staff
    while its holder is on leave; an escalation through two stages."""
    a, b, c = (Child.objects.create(la_child_id=la_id) for la_id in ("A", "B", "C"))
    iro = Staff.objects.create(given_name="I", family_name="R", role="iro", fte=Decimal("0.81"))
    icc = Staff.objects.create(given_name="I", family_name="C", role="icc", fte=Decimal("1.00"))
    for child in (a, b):
        CinChild.objects.create(child=child)  # the census holds them
        plan = CpPlan.objects.create(child=child, start=d("2015-08-31"))
        CpPlanReview.objects.create(plan=plan, review_date=d("2015-11-30"))
    rcpc = Meeting.objects.create(kind="rcpc", date=d("2015-11-30"), chair=icc, attendees=["child"])
    review = Meeting.objects.create(
        kind="lac_review", date=d("2016-03-31"), chair=iro, attendees=["advocate"]
    )
    cancelled = Meeting.objects.create(
        kind="icpc", date=d("2015-06-01"), outcome="plan", cancelled_on=d("2015-05-30"),
        cancel_reason="Booked twice",
    )  # fmt: skip
    MeetingChild.objects.create(meeting=rcpc, child=a, booklet="sent")
    MeetingChild.objects.create(meeting=rcpc, child=b)
    MeetingChild.objects.create(meeting=review, child=c, participation="PN1", booklet="returned")
    MeetingChild.objects.create(meeting=cancelled, child=c)
    Allocation.objects.create(child=c, kind="lac", chair=iro, start=d("2015-01-01"))
    Allocation.objects.create(child=a, kind="cp", chair=icc, start=d("2015-08-31"))
    post = Post.objects.create(title="IRO", kind="iro", fte=Decimal("0.81"), start=d("2010-04-01"))
    held = PostHolding.objects.create(
        post=post, staff=iro, kind="substantive", start=d("2010-04-01")
    )
    agency = PostHolding.objects.create(post=post, staff=icc, kind="agency", start=d("2016-01-04"))
    Leave.objects.create(holding=held, reason="maternity", start=d("2016-01-01"))
    escalation = Escalation.objects.create(
        child=c, raised=d("2016-03-24"), stage=2, resolved=d("2016-03-29")
    )
    EscalationStage.objects.create(
        escalation=escalation, stage=1, started=d("2016-03-24"), due=d("2016-04-01")
    )
    EscalationStage.objects.create(
        escalation=escalation, stage=2, started=d("2016-03-25"), due=d("2016-04-05")
    )
    return {
        "children": (a, b, c),
        "staff": (iro, icc),
        "meetings": (rcpc, review, cancelled),
        "post": post,
        "holdings": (held, agency),
        "escalation": escalation,
    }


def by_hand(records: dict) -> UnitDataset:
    """The same rows as the `records` fixture, typed by hand."""
    iro, icc = records["staff"]
    rcpc, review, cancelled = records["meetings"]
    post, (held, agency), escalation = records["post"], records["holdings"], records["escalation"]

    def frame(table: str, *values: tuple) -> pl.DataFrame:
        return pl.DataFrame(list(values), schema=dict(UNIT_SCHEMAS[table]), orient="row")

    return UnitDataset(
        meetings=frame(
            "meetings",
            (rcpc.pk, "rcpc", d("2015-11-30"), icc.pk, None, ["child"], None),
            (review.pk, "lac_review", d("2016-03-31"), iro.pk, None, ["advocate"], None),
            (cancelled.pk, "icpc", d("2015-06-01"), None, "plan", [], d("2015-05-30")),
        ),
        meeting_children=frame(
            "meeting_children",
            (rcpc.pk, "A", None, "sent"),
            (rcpc.pk, "B", None, None),
            (review.pk, "C", "PN1", "returned"),
            (cancelled.pk, "C", None, None),
        ),
        allocations=frame(
            "allocations",
            ("C", "lac", iro.pk, d("2015-01-01"), None),
            ("A", "cp", icc.pk, d("2015-08-31"), None),
        ),
        staff=frame("staff", (iro.pk, "iro", 0.81), (icc.pk, "icc", 1.0)),
        posts=frame("posts", (post.pk, "iro", 0.81, d("2010-04-01"), None)),
        holdings=frame(
            "holdings",
            (held.pk, post.pk, iro.pk, "substantive", d("2010-04-01"), None),
            (agency.pk, post.pk, icc.pk, "agency", d("2016-01-04"), None),
        ),
        leaves=frame("leaves", (held.pk, d("2016-01-01"), None)),
        escalations=frame(
            "escalations", (escalation.pk, d("2016-03-24"), 2, d("2016-03-29"), False, None)
        ),
        escalation_stages=frame(
            "escalation_stages",
            (escalation.pk, 1, d("2016-03-24")),
            (escalation.pk, 2, d("2016-03-25")),
        ),
    )


@pytest.mark.parametrize("table", list(UNIT_SCHEMAS))
def test_the_database_reads_back_as_the_rows_made_by_hand(records, table):
    read, expected = getattr(unit_dataset(), table), getattr(by_hand(records), table)
    assert_frame_equal(read.sort(read.columns[:2]), expected.sort(expected.columns[:2]))


def test_the_year_s_unit_figures_are_the_pure_function_s_on_the_same_rows(records):
    figures = year_unit_figures(year_end=YE, today=TODAY)
    assert figures == unit_figures(by_hand(records), dataset_from_database(), YE)
    unit = figures["unit"]
    # Hand-worked: one review conference for the siblings, in timescale (31/08 + 3 months).
    assert unit["rcpc"]["conferences"]["total"] == {"held": 1, "in_timescale": 1, "unmatched": 0}
    assert unit["meetings"]["held"] == {"lac_review": 1, "icpc": 0, "rcpc": 1}
    assert unit["participation"]["booklets"]["cp_conference"]["not_recorded"] == 1
    assert unit["caseload"]["iro"]["at_year_end"] == {
        "children": 1,
        "fte": 0.81,  # the holder on leave, the agency chair covering
        "per_fte": 1.2,
        "fte_from": "posts",
    }
    assert unit["staffing"]["at_year_end"]["iro"]["agency_fte"] == 0.81
    assert unit["escalations"]["median_working_days_to_resolve"] == 1.0


def test_without_posts_the_caseload_falls_back_on_the_chairs_own_fte(records):
    Leave.objects.all().delete()
    PostHolding.objects.all().delete()
    Post.objects.all().delete()
    caseload = year_unit_figures(year_end=YE, today=TODAY)["unit"]["caseload"]
    assert caseload["iro"]["at_year_end"]["fte_from"] == "staff"
    assert caseload["icc"]["at_year_end"] == {
        "children": 1,
        "fte": 1.0,
        "per_fte": 1.0,
        "fte_from": "staff",
    }


def _cancel(meeting: Meeting) -> None:
    meeting.cancelled_on, meeting.cancel_reason = d("2016-04-01"), "Recorded in error"
    meeting.save()


def _resolve_later(escalation: Escalation) -> None:
    # Escalations keep no history: only their rows can tell the cache they changed.
    Escalation.objects.filter(pk=escalation.pk).update(resolved=None)


def _staff_fte(staff: Staff) -> None:
    Staff.objects.filter(pk=staff.pk).update(fte=Decimal("0.50"))


@pytest.mark.parametrize(
    ("change", "figure"),
    [
        (lambda r: _cancel(r["meetings"][1]), ("meetings", "held", "lac_review")),
        (lambda r: _resolve_later(r["escalation"]), ("escalations", "resolved")),
        (
            lambda r: Leave.objects.create(
                holding=r["holdings"][1], reason="sickness", start=d("2016-03-01")
            ),
            ("caseload", "iro", "at_year_end", "fte"),
        ),
        (lambda r: Post.objects.all().delete(), ("caseload", "iro", "at_year_end", "fte_from")),
    ],
    ids=["meeting cancelled", "escalation reopened", "leave recorded", "posts removed"],
)
def test_the_cached_figures_move_on_when_the_unit_s_records_change(records, change, figure):
    def value() -> object:
        node: object = year_unit_figures(year_end=YE, today=TODAY)["unit"]
        for key in figure:
            assert isinstance(node, dict)
            node = node[key]
        return node

    before = value()
    if figure[-1] == "fte_from":
        Leave.objects.all().delete()
        PostHolding.objects.all().delete()
        before = value()
    change(records)
    assert value() != before


def test_a_staff_fte_change_moves_the_fallback_caseload(records):
    Leave.objects.all().delete()
    PostHolding.objects.all().delete()
    Post.objects.all().delete()
    before = year_unit_figures(year_end=YE, today=TODAY)["unit"]["caseload"]["iro"]
    _staff_fte(records["staff"][0])
    after = year_unit_figures(year_end=YE, today=TODAY)["unit"]["caseload"]["iro"]
    assert (before["at_year_end"]["fte"], after["at_year_end"]["fte"]) == (0.81, 0.5)


def test_iru_figures_from_db_prints_the_unit_group_and_not_with_returns_only(records, capsys):
    assert main(["figures", "--from-db", "--year-end", "2016-03-31"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["unit"]["meetings"]["held"]["rcpc"] == 1
    assert main(["figures", "--from-db", "--returns-only", "--year-end", "2016-03-31"]) == 0
    assert "unit" not in json.loads(capsys.readouterr().out)


def test_the_tiny_authority_gives_the_same_unit_figures_from_files_and_database(tmp_path):
    generate(tmp_path, seed=2016, scale="tiny", today=date(2024, 6, 3))
    dataset, unit = read_path(tmp_path)
    import_dataset(dataset=dataset, unit=unit, user=None, today=date(2024, 6, 3))
    files = unit_dataset_from_files(unit)
    for year_end in (date(2016, 3, 31), date(2023, 3, 31)):
        database = year_unit_figures(year_end=year_end, today=date(2024, 6, 3))
        assert database == unit_figures(files, read_source(tmp_path), year_end), year_end
        assert database["unit"]["meetings"]["held"]["lac_review"] > 0
