"""What an initial conference writes into a child's record when a plan is already open, and
how it is taken back: the statutory record's own refusals, below the meeting's checks."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from iru.web.children.models import CpPlan, Section47
from iru.web.children.services.records import initial_conference_record, meeting_records_undo
from tests.web.conftest import d
from tests.web.fixtures.chair import child_awaiting_icpc, child_on_a_plan_awaiting_icpc

pytestmark = pytest.mark.django_db
HELD = d("2024-05-30")


def test_a_change_of_category_needs_a_plan_open_that_day(imported):
    child = child_awaiting_icpc("P1")
    with pytest.raises(ValidationError) as raised:
        initial_conference_record(child=child, held=HELD, makes_plan=False, category="PHY")
    assert raised.value.message_dict == {"child": ["Pip P1 (P1) was not on a plan on that date"]}
    assert Section47.objects.get(child=child).date_of_initial_cpc is None


def test_a_plan_starting_the_day_after_is_not_open_that_day(imported):
    child = child_awaiting_icpc("P1")
    CpPlan.objects.create(child=child, start=d("2024-05-31"), latest_category="NEG")
    with pytest.raises(ValidationError, match="was not on a plan on that date"):
        initial_conference_record(child=child, held=HELD, makes_plan=False, category="PHY")


def test_what_a_child_s_death_wrote_is_kept_and_taken_back(imported):
    child = child_on_a_plan_awaiting_icpc("T1")
    plan = CpPlan.objects.get(child=child)
    written = initial_conference_record(
        child=child, held=HELD, makes_plan=False, category="", ends_plan=True
    )
    enquiry = Section47.objects.get(child=child)
    assert written == {
        "section47": enquiry.pk, "cin_details": [], "plan": None, "open_plan": plan.pk,
        "ended_was": None, "category_was": "", "ended": "2024-05-30", "category": None,
    }  # fmt: skip
    plan.refresh_from_db()
    assert (plan.end, plan.ended_by_conference) == (None, HELD)
    meeting_records_undo(child=child, written=written)
    plan.refresh_from_db()
    enquiry.refresh_from_db()
    assert (plan.ended_by_conference, enquiry.date_of_initial_cpc) == (None, None)


def test_an_initial_conference_leaves_an_open_plan_alone_unless_it_decides_about_it(imported):
    child = child_on_a_plan_awaiting_icpc("T1")
    written = initial_conference_record(child=child, held=HELD, makes_plan=False, category="")
    assert "open_plan" not in written
    plan = CpPlan.objects.get(child=child)
    assert (plan.ended_by_conference, plan.category_by_conference) == (None, "")
