from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from iru.web.audit.models import AccessEvent
from iru.web.disputes.models import Escalation, EscalationResponse, RagAction, RagRating
from iru.web.disputes.selectors import overdue
from iru.web.disputes.services.responses import (
    ActionInput,
    escalation_stage_respond,
    rag_rating_respond,
)
from tests.web.fixtures.roles import team_b_rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def red(imported):
    return RagRating.objects.get(external_id="R1")


def test_responding_records_the_response_actions_and_access(users, today, red):
    actions = [ActionInput("Permanence meeting", date(2024, 6, 10)),
               ActionInput("Update the plan", date(2024, 6, 20))]  # fmt: skip
    rag_rating_respond(rating=red, user=users["tm_a"], response=" Agreed. ", actions=actions,
                       today=today)  # fmt: skip
    red.refresh_from_db()
    assert (red.response, red.responded) == ("Agreed.", today)
    assert [(a.position, a.text, a.due) for a in RagAction.objects.filter(rating=red)] == [
        (1, "Permanence meeting", date(2024, 6, 10)),
        (2, "Update the plan", date(2024, 6, 20)),
    ]
    event = AccessEvent.objects.get(action="respond_rag_rating")
    assert (event.user, event.child_id) == (users["tm_a"], red.child_id)
    assert overdue.overdue_responses(today=today)[0].kind == "escalation"


def test_a_second_response_is_refused(users, today, red):
    rag_rating_respond(rating=red, user=users["tm_a"], response="Yes", actions=[], today=today)
    with pytest.raises(ValidationError):
        rag_rating_respond(rating=red, user=users["tm_a"], response="Again", actions=[],
                           today=today)  # fmt: skip
    red.refresh_from_db()
    assert red.response == "Yes"


@pytest.mark.parametrize("who", ["tm_b", "chair", "admin", "head"])
def test_only_the_teams_manager_may_respond(users, today, red, who):
    with pytest.raises(PermissionDenied):
        rag_rating_respond(rating=red, user=users[who], response="No", actions=[], today=today)
    red.refresh_from_db()
    assert red.responded is None


def test_empty_responses_past_actions_and_green_ratings_are_refused(users, today, red):
    with pytest.raises(ValidationError):
        rag_rating_respond(rating=red, user=users["tm_a"], response="  ", actions=[], today=today)
    with pytest.raises(ValidationError):
        rag_rating_respond(rating=red, user=users["tm_a"], response="Yes", today=today,
                           actions=[ActionInput("Late", date(2024, 5, 31))])  # fmt: skip
    green = team_b_rating(rating=RagRating.Rating.GREEN)
    with pytest.raises(ValidationError):
        rag_rating_respond(rating=green, user=users["tm_b"], response="Ok", actions=[],
                           today=today)  # fmt: skip
    assert not RagAction.objects.exists()


def test_escalation_responses_are_one_per_stage(users, today):
    escalation = Escalation.objects.get()
    first = escalation_stage_respond(escalation=escalation, user=users["tm_a"],
                                     response="Meeting booked", today=today)  # fmt: skip
    assert (first.stage, first.responded, first.responded_by.external_id) == (1, today, "S3")
    with pytest.raises(ValidationError):
        escalation_stage_respond(escalation=escalation, user=users["tm_a"], response="x",
                                 today=today)  # fmt: skip
    Escalation.objects.filter(pk=escalation.pk).update(stage=2)
    escalation.refresh_from_db()
    escalation_stage_respond(escalation=escalation, user=users["tm_a"], response="Stage 2",
                             today=today)  # fmt: skip
    assert EscalationResponse.objects.count() == 2


def test_resolved_or_other_teams_escalations_are_refused(users, today):
    escalation = Escalation.objects.get()
    with pytest.raises(PermissionDenied):
        escalation_stage_respond(escalation=escalation, user=users["tm_b"], response="x",
                                 today=today)  # fmt: skip
    Escalation.objects.filter(pk=escalation.pk).update(resolved=date(2024, 5, 1))
    with pytest.raises(ValidationError):
        escalation_stage_respond(escalation=escalation, user=users["tm_a"], response="x",
                                 today=today)  # fmt: skip
    assert not EscalationResponse.objects.exists()
