"""The dashboard counts overdue responses in SQL: always the inbox rule's number."""

from __future__ import annotations

from datetime import timedelta

import pytest

from iru.web.children.models import Child
from iru.web.disputes.models import Escalation, EscalationResponse, RagRating
from iru.web.disputes.selectors.overdue import overdue_response_count, overdue_responses
from iru.web.disputes.selectors.overdue import overdue_response_count as dashboard_overdue
from tests.web.conftest import TODAY

pytestmark = pytest.mark.django_db


def day(offset: int):
    return TODAY + timedelta(days=offset)


@pytest.fixture
def responses(imported) -> None:
    """Ratings and escalations sent on every day of two months (over both May bank holidays),
    with and without a recorded deadline, answered or not."""
    child = Child.objects.get(la_child_id="A1")
    for offset in range(-60, 5):
        for rating in ("red", "amber", "green"):
            RagRating.objects.create(child=child, rating=rating, sent=day(offset))
            RagRating.objects.create(
                child=child, rating=rating, sent=day(offset), response_due=day(offset + 3)
            )
        RagRating.objects.create(child=child, rating="red", sent=day(offset), responded=day(0))
        Escalation.objects.create(child=child, raised=day(offset))
        Escalation.objects.create(child=child, raised=day(offset), stage_due=day(offset + 2))
        answered = Escalation.objects.create(child=child, raised=day(offset))
        EscalationResponse.objects.create(
            escalation=answered, stage=answered.stage, responded=day(offset), text="Seen"
        )
    RagRating.objects.create(child=child, rating="amber", sent=None)
    Escalation.objects.create(child=child, raised=day(-90), resolved=day(-1))


@pytest.mark.parametrize("shift", [0, 3, 14, 205])
def test_the_count_is_the_inbox_rule_s_number(responses, shift):
    for offset in range(-40, 10, 1):
        today = day(offset) + timedelta(days=shift)
        assert overdue_response_count(today=today) == len(overdue_responses(today=today))


def test_the_dashboard_uses_the_count(responses):
    assert dashboard_overdue(today=TODAY) == len(overdue_responses(today=TODAY)) > 0
