"""Answers to concerns with their dated actions, and their corrections: the team manager's to
a rating and to an escalation, and the replies a chair records from further up the line."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from iru.web.disputes.models import Escalation, EscalationStage, RagAction, RagRating
from iru.web.disputes.selectors.records import reply_history, response_history, stage_answered
from iru.web.disputes.services.escalations import escalation_advance
from iru.web.disputes.services.responses import (
    ActionInput,
    escalation_reply_record,
    escalation_response_correct,
    escalation_stage_respond,
    rag_rating_respond,
    rag_response_correct,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def red(users):
    return RagRating.objects.get(external_id="R1")  # to Tess Mann (tm_a), about A1


@pytest.fixture
def escalation(users):
    return Escalation.objects.get(external_id="E1")  # about A1, stage 1


def answered(users, today, red):
    actions = [ActionInput("Permanence meeting", date(2024, 6, 10), position=1),
               ActionInput("Update the plan", date(2024, 6, 20), position=2)]  # fmt: skip
    rag_rating_respond(rating=red, user=users["tm_a"], response="Agreed", actions=actions,
                       today=today)  # fmt: skip
    red.refresh_from_db()


def test_a_corrected_response_keeps_every_version_of_it_and_its_actions(users, today, red):
    answered(users, today, red)
    later = date(2024, 6, 21)  # the meeting is put back; the plan is done; one more action
    rag_response_correct(
        rating=red, user=users["tm_a"], response="Agreed, with the family",
        actions=[ActionInput("Permanence meeting", later, position=1),
                 ActionInput("Tell the child", date(2024, 6, 24), position=3)],
        reason="Meeting moved", today=today,
    )  # fmt: skip
    red.refresh_from_db()
    assert red.response == "Agreed, with the family"
    assert [(a.position, a.text, a.due) for a in RagAction.objects.filter(rating=red)] == [
        (1, "Permanence meeting", later),
        (3, "Tell the child", date(2024, 6, 24)),
    ]
    lines = response_history(red)
    kinds = [(line.kind, [f.label for f in line.fields]) for line in lines]
    assert ("answered", ["Response"]) in kinds
    assert ("added", ["Action 1", "Action 1 to be done by"]) in kinds
    assert ("corrected", ["Action 1 to be done by"]) in kinds
    assert ("removed", ["Action 2", "Action 2 to be done by"]) in kinds
    assert ("added", ["Action 3", "Action 3 to be done by"]) in kinds
    assert ("corrected", ["Response"]) in kinds
    assert {line.reason for line in lines if line.kind != "answered"} >= {"Meeting moved"}


def test_a_correction_may_keep_a_past_date_but_not_type_a_new_one(users, today, red):
    answered(users, today, red)
    later = date(2024, 6, 12)  # the first action's date has passed
    keep = [ActionInput("Permanence meeting", date(2024, 6, 10), position=1)]
    rag_response_correct(rating=red, user=users["tm_a"], response="Agreed", actions=keep,
                         reason="Second action dropped", today=later)  # fmt: skip
    with pytest.raises(ValidationError, match="today or in the future"):
        rag_response_correct(
            rating=red, user=users["tm_a"], response="Agreed", reason="x", today=later,
            actions=[*keep, ActionInput("New", date(2024, 6, 11), position=2)],
        )  # fmt: skip
    with pytest.raises(ValidationError, match="Nothing has changed"):
        rag_response_correct(rating=red, user=users["tm_a"], response="Agreed", actions=keep,
                             reason="x", today=later)  # fmt: skip


def test_only_whoever_answered_or_the_head_of_service_corrects_it(users, today, red):
    answered(users, today, red)
    for who in ("chair", "admin", "tm_b"):
        with pytest.raises(PermissionDenied):
            rag_response_correct(rating=red, user=users[who], response="No", actions=[],
                                 reason="x", today=today)  # fmt: skip
    rag_response_correct(rating=red, user=users["head"], response="Agreed.", actions=[],
                         reason="Actions were withdrawn", today=today)  # fmt: skip
    assert not RagAction.objects.filter(rating=red).exists()


def test_an_escalation_s_replies_carry_dated_actions_at_every_stage(users, today, escalation):
    escalation_stage_respond(
        escalation=escalation, user=users["tm_a"], response="Will review", today=today,
        actions=[ActionInput("Case review", date(2024, 6, 14), position=1)],
    )  # fmt: skip
    assert stage_answered(escalation)
    escalation_advance(user=users["chair"], escalation=escalation, to="Sam Lee, service manager",
                       today=today)  # fmt: skip
    escalation.refresh_from_db()
    assert not stage_answered(escalation)  # stage 2: the service manager's reply is due
    reply = escalation_reply_record(
        escalation=escalation, user=users["chair"], reply="Funding agreed", today=today,
        actions=[ActionInput("Placement panel", date(2024, 6, 19), position=1)],
    )  # fmt: skip
    assert stage_answered(escalation)
    assert [(a.text, a.due) for a in reply.actions.all()] == [
        ("Placement panel", date(2024, 6, 19))
    ]
    stage = EscalationStage.objects.get(escalation=escalation, stage=2)
    assert stage.response == "Funding agreed"
    with pytest.raises(ValidationError, match="already been responded to"):
        escalation_reply_record(escalation=escalation, user=users["chair"], reply="Again",
                                actions=[], today=today)  # fmt: skip

    escalation_response_correct(answer=reply, user=users["chair"], response="Funding agreed "
                                "for six months", actions=[], reason="Letter re-read",
                                today=today)  # fmt: skip
    stage.refresh_from_db()
    assert stage.response == "Funding agreed for six months"
    # (the clock is frozen here, so the lines' order within one moment is not tested)
    assert sorted(line.kind for line in reply_history(reply)) == [
        "added", "corrected", "recorded", "removed"]  # fmt: skip
    with pytest.raises(PermissionDenied):  # the team manager did not record this reply
        escalation_response_correct(answer=reply, user=users["tm_a"], response="x", actions=[],
                                    reason="x", today=today)  # fmt: skip
