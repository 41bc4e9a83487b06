"""Each conference outcome's effect on the child's plan and census record: a new plan, none, a
change of category kept beside the census's, a child who died (the plan ended beside the
census's), refused where it means nothing, and taken back by a cancellation."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from iru.web.children.models import Child, CpPlan, CpPlanReview, Section47
from iru.web.children.selectors import plans_to_check
from iru.web.meetings.models import Meeting
from iru.web.meetings.outcomes import outcome_effects, outcome_label
from iru.web.meetings.services.recording import meeting_cancel, meeting_record
from iru.web.schedule.selectors.due import next_meetings_due
from tests.web.conftest import TODAY, d
from tests.web.fixtures.chair import child_awaiting_icpc, child_on_a_plan_awaiting_icpc

pytestmark = pytest.mark.django_db
HELD = d("2024-05-30")


def conference(user, kind, children, outcome, category="", held=HELD):
    return meeting_record(
        user=user, kind=kind, held=held, children=children, participation={},
        booklets={c.pk: "sent" for c in children}, attendees=["parent"],
        reports_shared_3_days=True, outcome=outcome, category=category, today=TODAY,
    )  # fmt: skip


def due(child):
    return next_meetings_due(Child.objects.filter(pk=child.pk), today=TODAY).get(child.pk)


def census(plan):
    """The census's fields and the unit's, as they are now."""
    plan.refresh_from_db()
    return (plan.end, plan.latest_category, plan.ended_by_conference, plan.category_by_conference)


def test_change_of_category_at_an_initial_conference_keeps_the_new_category_beside_the_census(
    other_chair,
):
    child = child_on_a_plan_awaiting_icpc("T1")
    plan = CpPlan.objects.get(child=child)
    conference(other_chair, "icpc", [child], "change_of_category", "PHY")
    assert Section47.objects.get(child=child).date_of_initial_cpc == HELD  # the conference held
    assert CpPlan.objects.filter(child=child).count() == 1  # no new plan
    assert census(plan) == (None, "NEG", None, "PHY")
    assert list(plans_to_check()) == [plan]  # the census says NEG: for admin to settle
    assert due(child).kind == "rcpc"  # the plan goes on


def test_change_of_category_is_refused_for_a_child_on_no_plan_and_says_which(other_chair):
    on_plan = child_on_a_plan_awaiting_icpc("T1")
    no_plan = child_awaiting_icpc("P1")
    with pytest.raises(ValidationError) as raised:
        conference(other_chair, "icpc", [on_plan, no_plan], "change_of_category", "PHY")
    assert raised.value.message_dict["outcome"] == [
        "Pip P1 (P1) was not subject to a plan on 30 May 2024: change of category is only for "
        "a child already subject to a plan"
    ]
    assert not Meeting.objects.filter(date=HELD).exists()
    assert not Section47.objects.filter(date_of_initial_cpc=HELD).exists()  # nothing written
    assert CpPlan.objects.get(child=on_plan).category_by_conference == ""


@pytest.mark.parametrize(
    ("kind", "outcome", "category", "field", "message"),
    [
        ("icpc", "plan", "", "category", "Select the category of abuse"),
        ("icpc", "change_of_category", "", "category", "Select the category of abuse"),
        ("icpc", "change_of_category", "XYZ", "category", "Select the category of abuse"),
        ("icpc", "no_plan", "NEG", "category", "Only select a category of abuse for a new plan"),
        ("icpc", "child_died", "NEG", "category", "Only select a category of abuse for a new"),
        ("icpc", "", "", "outcome", "Select the outcome of the conference"),
        ("rcpc", "", "", "outcome", "Select the outcome of the conference"),
        ("rcpc", "ended", "", "outcome", "Select the outcome of the conference"),
        ("rcpc", "plan", "MUL", "category", "Only select a category of abuse for a new plan"),
        ("rcpc", "no_plan", "MUL", "category", "Only select a category of abuse for a new plan"),
        ("rcpc", "change_of_category", "", "category", "Select the category of abuse"),
    ],
)
def test_a_category_only_where_it_means_something(other_chair, kind, outcome, category, field,
                                                  message):  # fmt: skip
    child = child_on_a_plan_awaiting_icpc("T1")
    with pytest.raises(ValidationError) as raised:
        conference(other_chair, kind, [child], outcome, category)
    assert raised.value.message_dict[field][0].startswith(message)
    assert not Meeting.objects.filter(date=HELD).exists()


def test_child_died_at_an_initial_conference_starts_no_plan(other_chair):
    child = child_awaiting_icpc("P1")
    conference(other_chair, "icpc", [child], "child_died")
    assert Section47.objects.get(child=child).date_of_initial_cpc == HELD
    assert not CpPlan.objects.filter(child=child).exists()
    assert due(child) is None


def test_child_died_at_an_initial_conference_ends_the_plan_the_child_was_on(other_chair):
    child = child_on_a_plan_awaiting_icpc("T1")
    plan = CpPlan.objects.get(child=child)
    meeting = conference(other_chair, "icpc", [child], "child_died")
    assert census(plan) == (None, "NEG", HELD, "")
    assert due(child) is None
    meeting_cancel(user=other_chair, meeting=meeting, reason="Wrong child", today=TODAY)
    assert census(plan) == (None, "NEG", None, "")
    assert Section47.objects.get(child=child).date_of_initial_cpc is None
    assert due(child) is not None  # the plan is open again


def test_the_plan_continues_at_a_review_conference(other_chair, b2):
    plan = CpPlan.objects.get(child=b2)
    conference(other_chair, "rcpc", [b2], "plan")
    assert census(plan) == (None, "NEG", None, "")
    assert CpPlanReview.objects.filter(plan=plan, review_date=HELD).exists()
    assert due(b2).kind == "rcpc"


def test_change_of_category_at_a_review_conference_is_the_unit_s_word(other_chair, b2):
    plan = CpPlan.objects.get(child=b2)
    meeting = conference(other_chair, "rcpc", [b2], "change_of_category", "EMO")
    assert census(plan) == (None, "NEG", None, "EMO")
    assert CpPlanReview.objects.filter(plan=plan, review_date=HELD).exists()
    assert due(b2).kind == "rcpc"
    meeting_cancel(user=other_chair, meeting=meeting, reason="Recorded twice", today=TODAY)
    assert census(plan) == (None, "NEG", None, "")
    assert not CpPlanReview.objects.filter(plan=plan, review_date=HELD).exists()


def test_child_died_at_a_review_conference_ends_the_plan_beside_the_census(other_chair, b2):
    plan = CpPlan.objects.get(child=b2)
    meeting = conference(other_chair, "rcpc", [b2], "child_died")
    assert census(plan) == (None, "NEG", HELD, "")  # the census's end untouched
    assert due(b2) is None
    assert list(plans_to_check()) == [plan]
    meeting_cancel(user=other_chair, meeting=meeting, reason="Not this child", today=TODAY)
    assert census(plan) == (None, "NEG", None, "")
    assert due(b2).kind == "rcpc"


def test_a_category_changed_back_to_the_census_s_is_kept(other_chair, b2):
    plan = CpPlan.objects.get(child=b2)
    conference(other_chair, "rcpc", [b2], "change_of_category", "EMO", held=d("2024-05-29"))
    conference(other_chair, "rcpc", [b2], "change_of_category", "NEG")
    assert census(plan) == (None, "NEG", None, "NEG")
    assert not plans_to_check().exists()


def test_an_earlier_conference_is_not_taken_back_over_a_later_one(other_chair, b2):
    plan = CpPlan.objects.get(child=b2)
    first = conference(other_chair, "rcpc", [b2], "change_of_category", "EMO", d("2024-05-29"))
    conference(other_chair, "rcpc", [b2], "change_of_category", "PHY")
    with pytest.raises(ValidationError, match="changed by a later conference"):
        meeting_cancel(user=other_chair, meeting=first, reason="Wrong day", today=TODAY)
    assert census(plan) == (None, "NEG", None, "PHY")
    assert CpPlanReview.objects.filter(plan=plan, review_date=d("2024-05-29")).exists()


def test_a_review_conference_recorded_before_outcomes_were_kept_is_still_taken_back(
    other_chair, b2
):
    plan = CpPlan.objects.get(child=b2)
    meeting = conference(other_chair, "rcpc", [b2], "no_plan")
    link = meeting.covered.get()
    for key in ("ended", "category"):  # what an older release wrote
        del link.records[key]
    link.save(update_fields=["records"])
    meeting_cancel(user=other_chair, meeting=meeting, reason="Recorded twice", today=TODAY)
    assert census(plan) == (None, "NEG", None, "")


def test_what_each_outcome_does_in_words_for_the_check(other_chair, b2):
    on_plan = child_on_a_plan_awaiting_icpc("T1")
    no_plan = child_awaiting_icpc("P1")
    effects = outcome_effects("rcpc", "child_died", "", [b2], HELD)
    assert effects == [("Bella Birch (B2)", "Child died: the plan that started on 20 October "
                        "2023 ends")]  # fmt: skip
    assert outcome_effects("rcpc", "no_plan", "", [b2], HELD) == [
        ("Bella Birch (B2)", "The plan that started on 20 October 2023 ends")
    ]
    assert outcome_effects("icpc", "change_of_category", "PHY", [on_plan], HELD) == [
        ("Tam T1 (T1)",
         "Change of category: the plan that started on 10 January 2024 changes from NEG: "
         "Neglect to PHY: Physical abuse"),
    ]  # fmt: skip
    assert outcome_effects("rcpc", "change_of_category", "NEG", [b2], HELD) == [
        ("Bella Birch (B2)", "Change of category: the plan that started on 20 October 2023 is "
         "already under NEG: Neglect, so nothing changes"),
    ]  # fmt: skip
    assert outcome_effects("icpc", "child_died", "", [no_plan, on_plan], HELD) == [
        ("Pip P1 (P1)", "Child died: no plan starts"),
        ("Tam T1 (T1)", "Child died: the plan that started on 10 January 2024 ends"),
    ]
    for kind, outcome in (("icpc", "plan"), ("icpc", "no_plan"), ("rcpc", "plan")):
        assert outcome_effects(kind, outcome, "NEG", [b2, on_plan], HELD) == []


def test_each_outcome_in_its_kind_s_words():
    assert outcome_label("icpc", "plan") == "Child protection plan"
    assert outcome_label("rcpc", "plan") == "The plan continues"
    assert outcome_label("rcpc", "no_plan") == "The plan ends"
    assert outcome_label("icpc", "change_of_category") == "Change of category"
    assert outcome_label("rcpc", "child_died") == "Child died"
    assert outcome_label("lac_review", "") == ""
