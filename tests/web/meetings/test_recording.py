"""Recording a meeting: the statutory record it writes, the next due date from iru.rules, all
or nothing."""

from __future__ import annotations

from dataclasses import replace

import polars as pl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from iru.rules.timescales import (
    lac_review_due,
    rcpc_due,
)
from iru.web.audit.models import AccessEvent
from iru.web.caseloads.scope import OutOfScope
from iru.web.children.models import Child, CpPlan, CpPlanReview, LacReview, Section47
from iru.web.children.selectors import plans_to_check
from iru.web.imports.services.dataset import import_dataset
from iru.web.meetings.models import Meeting, MeetingChild
from iru.web.meetings.services.recording import meeting_record
from iru.web.people.models import Staff
from iru.web.schedule.selectors.due import next_meetings_due
from tests.web.conftest import TODAY, d
from tests.web.fixtures.chair import child_awaiting_icpc, looked_after_child, make_user

pytestmark = pytest.mark.django_db


HELD = d("2024-05-30")


def record(user, kind, children, held=HELD, **kwargs):
    defaults = {"participation": {c.pk: "PN1" for c in children}, "attendees": ["child"],
                "booklets": {c.pk: "returned" for c in children},
                "reports_shared_3_days": True, "today": TODAY}  # fmt: skip
    return meeting_record(user=user, kind=kind, held=held, children=children, **defaults | kwargs)


def test_a_lac_review_writes_the_ssda903_review_and_the_next_due_follows(chair, a1):
    meeting = record(chair, "lac_review", [a1], participation={a1.pk: "PN3"})
    assert meeting.chair == Staff.objects.get(external_id="S1")
    assert MeetingChild.objects.get(meeting=meeting).participation == "PN3"
    review = LacReview.objects.get(child=a1, review=d("2024-05-30"))
    assert review.review_code == "PN3"
    assert review.dob == a1.dob
    due = next_meetings_due(Child.objects.filter(pk=a1.pk), today=TODAY)[a1.pk]
    held = [d("2023-04-25"), d("2023-07-20"), d("2024-05-30")]
    assert due.due == lac_review_due(d("2023-04-01"), held) == d("2024-11-30")
    assert not due.overdue
    assert AccessEvent.objects.filter(action="record_meeting", child_id=a1.pk).exists()


def test_pn0_is_refused_for_a_child_aged_4_or_more(chair, a1):
    with pytest.raises(ValidationError) as raised:
        record(chair, "lac_review", [a1], participation={a1.pk: "PN0"})
    assert "under 4" in raised.value.message_dict[f"participation_{a1.pk}"][0]
    assert not Meeting.objects.filter(date=d("2024-05-30")).exists()


def test_pn0_is_accepted_for_a_child_under_4(chair, imported):
    baby = looked_after_child("BB", "2022-01-01")
    record(chair, "lac_review", [baby], participation={baby.pk: "PN0"})
    assert LacReview.objects.get(child=baby).review_code == "PN0"


def test_a_meeting_for_siblings_is_all_or_nothing(chair, a1):
    sibling = looked_after_child("A1B", "2015-01-01")
    with pytest.raises(ValidationError):
        record(chair, "lac_review", [a1, sibling], participation={a1.pk: "PN1", sibling.pk: "PN0"})
    assert not Meeting.objects.filter(date=d("2024-05-30")).exists()
    assert not MeetingChild.objects.filter(meeting__date=d("2024-05-30")).exists()
    assert not LacReview.objects.filter(review=d("2024-05-30")).exists()


def test_an_icpc_with_a_plan_dates_the_enquiry_and_starts_the_plan(other_chair):
    child = child_awaiting_icpc("P1")
    record(other_chair, "icpc", [child], outcome="plan", category="NEG", participation={})
    assert Section47.objects.get(child=child).date_of_initial_cpc == d("2024-05-30")
    plan = CpPlan.objects.get(child=child)
    assert (plan.start, plan.initial_category, plan.latest_category) == (
        d("2024-05-30"),
        "NEG",
        "NEG",
    )
    due = next_meetings_due(Child.objects.filter(pk=child.pk), today=TODAY)[child.pk]
    assert (due.kind, due.due) == ("rcpc", rcpc_due(d("2024-05-30"), []))


def test_an_icpc_without_a_plan_starts_none(other_chair):
    child = child_awaiting_icpc("P2")
    record(other_chair, "icpc", [child], outcome="no_plan", participation={})
    assert not CpPlan.objects.filter(child=child).exists()
    assert child.pk not in next_meetings_due(Child.objects.filter(pk=child.pk), today=TODAY)


def test_an_icpc_needs_an_outcome_and_a_category_for_a_plan(other_chair):
    child = child_awaiting_icpc("P3")
    with pytest.raises(ValidationError) as raised:
        record(other_chair, "icpc", [child], outcome="plan", category="", participation={})
    assert "category" in raised.value.message_dict


def test_an_rcpc_adds_the_plan_s_review(other_chair, b2):
    record(other_chair, "rcpc", [b2], participation={}, outcome="plan")
    plan = CpPlan.objects.get(child=b2, end__isnull=True)
    assert CpPlanReview.objects.filter(plan=plan, review_date=d("2024-05-30")).exists()
    due = next_meetings_due(Child.objects.filter(pk=b2.pk), today=TODAY)[b2.pk]
    assert due.due == d("2024-11-30")


def test_a_review_conference_ending_the_plan_is_the_unit_s_word_not_the_census_s(
    other_chair, b2, dataset
):
    plan = CpPlan.objects.get(child=b2)  # NEG, open in the census
    record(other_chair, "rcpc", [b2], participation={}, outcome="no_plan")
    plan.refresh_from_db()
    assert (plan.end, plan.latest_category) == (None, "NEG")  # the census as imported
    assert (plan.ended_by_conference, plan.category_by_conference) == (HELD, "")
    assert b2.pk not in next_meetings_due(Child.objects.filter(pk=b2.pk), today=TODAY)
    assert list(plans_to_check()) == [plan]
    # The next census agrees: nothing left to check.
    plans = dataset.cp_plans.with_columns(CPPendDate=pl.lit(HELD))
    import_dataset(dataset=replace(dataset, cp_plans=plans), unit=None, today=TODAY)
    plan.refresh_from_db()
    assert plan.end == HELD
    assert not plans_to_check().exists()


def test_a_meeting_in_the_future_is_refused(chair, a1):
    with pytest.raises(ValidationError) as raised:
        record(chair, "lac_review", [a1], held=d("2024-06-04"))
    assert "held" in raised.value.message_dict


def test_a_child_outside_the_caseload_is_refused(chair, b2):
    with pytest.raises(OutOfScope):
        record(chair, "rcpc", [b2], participation={})
    assert not Meeting.objects.filter(date=d("2024-05-30")).exists()


def test_only_a_chair_records_meetings(imported, a1):
    manager = make_user("tess", "team_manager", "S3")
    with pytest.raises(PermissionDenied):
        record(manager, "lac_review", [a1])


def test_each_child_s_consultation_booklet_is_kept(chair, a1):
    sibling = looked_after_child("A1B", "2015-01-01")
    meeting = record(chair, "lac_review", [a1, sibling],
                     booklets={a1.pk: "returned", sibling.pk: "not_sent"})  # fmt: skip
    kept = dict(MeetingChild.objects.filter(meeting=meeting).values_list("child_id", "booklet"))
    assert kept == {a1.pk: "returned", sibling.pk: "not_sent"}


@pytest.mark.parametrize("booklet", ["", "lost", "Returned"])
def test_every_child_needs_what_became_of_the_booklet(chair, a1, booklet):
    sibling = looked_after_child("A1B", "2015-01-01")
    with pytest.raises(ValidationError) as raised:
        record(chair, "lac_review", [a1, sibling], booklets={a1.pk: "sent", sibling.pk: booklet})
    assert raised.value.message_dict == {
        f"booklet_{sibling.pk}": ["Select what happened to the consultation booklet"]
    }
    assert not Meeting.objects.filter(date=HELD).exists()
    assert not LacReview.objects.filter(review=HELD).exists()


def test_a_conference_records_the_booklets_too(other_chair, b2):
    meeting = record(other_chair, "rcpc", [b2], participation={}, outcome="plan",
                     booklets={b2.pk: "sent"})  # fmt: skip
    assert MeetingChild.objects.get(meeting=meeting).booklet == "sent"
    with pytest.raises(ValidationError, match="consultation booklet"):
        record(other_chair, "rcpc", [b2], participation={}, outcome="plan", booklets={},
               held=d("2024-05-31"))  # fmt: skip
