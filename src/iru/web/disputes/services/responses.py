"""Writes for team managers' responses: to a RAG rating, and to an escalation's stage.

Each checks the team manager may answer the item (`disputes.selectors.inbox`), refuses a
second answer, writes in one transaction and appends to the access log for the child.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from iru.rules.months import add_months
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.children.models import Child
from iru.web.disputes.models import Escalation, EscalationResponse, RagAction, RagRating
from iru.web.disputes.selectors import inbox as selectors
from iru.web.people.models import User

# An action answers a concern now: one dated more than a year ahead is a mistyped year.
ACTION_WITHIN_MONTHS = 12


@dataclass(frozen=True)
class ActionInput:
    """An action the team manager will take, and the date it will be done by."""

    text: str
    due: date


def rag_rating_respond(
    *,
    rating: RagRating,
    user: User,
    response: str,
    actions: Sequence[ActionInput],
    today: date,
) -> RagRating:
    """Record the team manager's response to a red or amber rating, with its actions.

    Raises PermissionDenied when `user` may not answer the rating, ValidationError when it
    needs no response, has one already, or the response is empty or an action is dated
    before `today`.
    """
    if not selectors.ratings_for_team_manager(user, today=today).filter(pk=rating.pk).exists():
        raise PermissionDenied("not a rating this team manager can answer")
    _check_response(response)
    if any(action.due < today for action in actions):
        raise ValidationError("An action's date must be today or in the future")
    latest = add_months(today, ACTION_WITHIN_MONTHS)
    if any(action.due > latest for action in actions):
        raise ValidationError(
            f"An action's date must be within the next {ACTION_WITHIN_MONTHS} months"
        )
    with transaction.atomic():
        locked = RagRating.objects.select_for_update().get(pk=rating.pk)
        if locked.rating not in selectors.NEEDS_RESPONSE:
            raise ValidationError("A green rating needs no response")
        if locked.responded is not None:
            raise ValidationError("This rating has already been responded to")
        locked.response, locked.responded = response.strip(), today
        locked.save(update_fields=["response", "responded"])
        RagAction.objects.bulk_create(
            RagAction(rating=locked, position=i, text=a.text.strip(), due=a.due, recorded_by=user)
            for i, a in enumerate(actions, start=1)
        )
        _log(user, "respond_rag_rating", locked.child)
    return locked


def escalation_stage_respond(
    *, escalation: Escalation, user: User, response: str, today: date
) -> EscalationResponse:
    """Record the team manager's response to an escalation at its current stage.

    Raises PermissionDenied when `user` may not answer it, ValidationError when it is resolved,
    already answered at this stage, or the response is empty.
    """
    scope = selectors.escalations_for_team_manager(user, today=today)
    if not scope.filter(pk=escalation.pk).exists():
        raise PermissionDenied("not an escalation this team manager can answer")
    _check_response(response)
    with transaction.atomic():
        locked = Escalation.objects.select_for_update().get(pk=escalation.pk)
        if locked.resolved is not None:
            raise ValidationError("This escalation has been resolved")
        if locked.responses.filter(stage=locked.stage).exists():
            raise ValidationError("This stage has already been responded to")
        answer = EscalationResponse.objects.create(
            escalation=locked,
            stage=locked.stage,
            responded=today,
            text=response.strip(),
            responded_by_id=user.staff_id,
            recorded_by=user,
        )
        # The chair reads the answer on the escalation's stage history.
        locked.stages.filter(stage=locked.stage, ended__isnull=True).update(response=answer.text)
        _log(user, "respond_escalation", locked.child)
    return answer


def _check_response(response: str) -> None:
    if not response.strip():
        raise ValidationError("Enter your response")


def _log(user: User, action: str, child: Child) -> None:
    access_event_record(user=user, action=action, outcome=ALLOWED, child=child)
