"""The dashboard counts the meetings recorded in the app at once, and shows what the returns
alone say beside them until a return brings them in (ADR 19)."""

from __future__ import annotations

from dataclasses import replace

import polars as pl
import pytest
import time_machine
from django.urls import reverse

from iru.figures import compute_figures
from iru.web.children.models import Child, LacReview, Section47
from iru.web.imports import selectors
from iru.web.imports.services.dataset import import_dataset
from iru.web.imports.unit_records import unit_writes
from iru.web.meetings.services.recording import meeting_cancel, meeting_record
from tests.web.conftest import TODAY, d, small_dataset
from tests.web.fixtures.chair import child_awaiting_icpc, make_user

pytestmark = pytest.mark.django_db

HELD = d("2024-05-30")


def _review(user, child):
    return meeting_record(
        user=user, kind="lac_review", held=HELD, children=[child],
        participation={child.pk: "PN1"}, booklets={child.pk: "sent"}, attendees=["child"],
        reports_shared_3_days=True, today=TODAY,
    )  # fmt: skip


def _tiles(client):
    dashboard = client.get(reverse("management:dashboard")).context["dashboard"]
    return dashboard, {t.label: t for t in dashboard.year_tiles}


def test_a_review_recorded_in_the_app_counts_at_once_beside_the_returns(head_client, users):
    _, before = _tiles(head_client)
    assert before["LAC reviews held"].value == "0"
    a1 = Child.objects.get(la_child_id="A1")
    _review(users["chair"], a1)
    dashboard, after = _tiles(head_client)
    assert (after["LAC reviews held"].value, after["LAC reviews held"].returns) == ("1", "0")
    may = next(row for row in dashboard.month_rows if row.month == d("2024-05-31"))
    assert (may.reviews_held.value, may.reviews_held.returns) == ("1", "0")
    assert after["Children who started to be looked after"].returns == ""  # the same: not shown
    page = head_client.get(reverse("management:dashboard")).content.decode()
    assert 'id="returns-differ"' in page
    assert "In the returns: 0" in page


def test_a_cancelled_meeting_counts_no_more(head_client, users):
    a1 = Child.objects.get(la_child_id="A1")
    meeting = _review(users["chair"], a1)
    meeting_cancel(user=users["chair"], meeting=meeting, reason="Recorded twice", today=TODAY)
    dashboard, tiles = _tiles(head_client)
    assert (tiles["LAC reviews held"].value, tiles["LAC reviews held"].returns) == ("0", "")
    assert not dashboard.differs


def _with_review(dataset, child, held):
    review = pl.DataFrame(
        [
            {
                "CHILD": child.la_child_id,
                "DOB": child.dob,
                "REVIEW": held,
                "REVIEW_CODE": "PN1",
                "_file": "2025/reviews.csv",
                "_row": 9,
            }
        ],
        schema=dataset.reviews.schema,
    )
    return replace(dataset, reviews=pl.concat([dataset.reviews, review]))


def test_a_return_that_brings_the_review_in_makes_the_two_agree(head_client, users):
    a1 = Child.objects.get(la_child_id="A1")
    _review(users["chair"], a1)
    summary = import_dataset(dataset=_with_review(small_dataset(), a1, HELD), unit=None,
                             today=TODAY)  # fmt: skip
    reviews = summary.tables["reviews"]
    assert (reviews.added, reviews.updated) == (0, 0)  # the same review: confirmed, not new
    review = LacReview.objects.get(child=a1, review=HELD)
    assert review.source_file == "2025/reviews.csv"
    _, tiles = _tiles(head_client)
    assert (tiles["LAC reviews held"].value, tiles["LAC reviews held"].returns) == ("1", "")
    assert selectors.year_figures(year_end=d("2025-03-31"), today=TODAY).returns is None


def test_an_initial_conference_is_the_unit_s_until_a_census_import(users):
    chair = make_user("colin", "chair", "S2")
    child = child_awaiting_icpc("P1")
    later = time_machine.travel(TODAY.isoformat() + " 13:00 +01:00", tick=False)
    with later:  # after the fixture's import, as a meeting recorded later in the day is
        meeting_record(
            user=chair, kind="icpc", held=HELD, children=[child], participation={},
            booklets={child.pk: "not_sent"}, attendees=["parent"], reports_shared_3_days=True,
            outcome="plan", category="NEG", today=TODAY,
        )  # fmt: skip
    enquiry = Section47.objects.get(child=child)
    assert enquiry.date_of_initial_cpc == HELD
    writes = unit_writes()
    assert writes.section47_dates == {enquiry.pk: None}
    year_end = d("2025-03-31")
    known = compute_figures(selectors.dataset_from_database(), year_end)
    returns = compute_figures(selectors.dataset_from_database(returns_only=writes), year_end)
    assert known["cp"]["icpc"]["held"] == returns["cp"]["icpc"]["held"] + 1
    assert returns["cp"]["icpc"]["held"] == 0
    # A census import since: the enquiry's row holds the census's word now, whatever it says.
    with time_machine.travel(TODAY.isoformat() + " 14:00 +01:00", tick=False):
        import_dataset(dataset=small_dataset(), unit=None, today=TODAY)
    assert unit_writes().section47_dates == {}


def test_the_returns_figures_are_computed_once_per_import(head_client, users, computations):
    calls = computations
    a1 = Child.objects.get(la_child_id="A1")
    _review(users["chair"], a1)
    _tiles(head_client)
    assert len(calls) == 2  # what the unit knows, and the returns alone
    meeting_record(
        user=users["chair"], kind="lac_review", held=d("2024-05-31"), children=[a1],
        participation={a1.pk: "PN1"}, booklets={a1.pk: "returned"}, attendees=[],
        reports_shared_3_days=True, today=TODAY,
    )  # fmt: skip
    _, tiles = _tiles(head_client)
    assert len(calls) == 3  # a new meeting: only what the unit knows is computed again
    assert (tiles["LAC reviews held"].value, tiles["LAC reviews held"].returns) == ("2", "0")
