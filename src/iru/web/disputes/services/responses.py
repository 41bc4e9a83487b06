"""Writes of the answers to concerns: the team manager's to a RAG rating and to an
escalation's stage, the replies a chair records from further up the management line, each
with its dated actions, and their corrections.

Each checks the user may answer the item (`disputes.selectors.inbox`), refuses a second
answer, writes in one transaction and appends to the access log for the child. Whoever wrote
an answer (or the Head of Service) may correct it with a reason; every version of it and of
its actions is kept (ADR 16).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from iru.rules.months import add_months
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import require_in_scope
from iru.web.children.models import Child
from iru.web.core.history import first_version_keep, saved_by
from iru.web.disputes.models import (
    DatedAction,
    Escalation,
    EscalationAction,
    EscalationResponse,
    RagAction,
    RagRating,
)
from iru.web.disputes.selectors import inbox as selectors
from iru.web.people.access import chair_staff
from iru.web.people.models import User

# An action answers a concern now: one dated more than a year ahead is a mistyped year.
ACTION_WITHIN_MONTHS = 12


@dataclass(frozen=True)
class ActionInput:
    """An action someone will take, and the date it will be done by; `position` is its row
    (the same row of a correction is the same action)."""

    text: str
    due: date
    position: int = 0


def actions_check(
    actions: Sequence[ActionInput], *, today: date, kept: Sequence[date] = ()
) -> None:
    """Actions are dated from today to `ACTION_WITHIN_MONTHS` ahead; a correction may keep a
    date an action already had (`kept`), even one now past."""
    dated = [action.due for action in actions if action.due not in kept]
    if any(due < today for due in dated):
        raise ValidationError("An action's date must be today or in the future")
    latest = add_months(today, ACTION_WITHIN_MONTHS)
    if any(due > latest for due in dated):
        raise ValidationError(
            f"An action's date must be within the next {ACTION_WITHIN_MONTHS} months"
        )


def _actions_write(
    existing: Sequence[DatedAction],
    actions: Sequence[ActionInput],
    *,
    make: Callable[[ActionInput], DatedAction],
    user: User,
    why: str | None,
) -> bool:
    """Write `actions` over `existing`, row by row: a row changed is corrected, a new row
    added, a row left empty removed; each change kept with `why`. True if anything changed."""
    by_position = {action.position: action for action in existing}
    changed = False
    for number, action in enumerate(actions, start=1):
        position = action.position or number
        found = by_position.pop(position, None)
        if found is None:
            saved_by(make(replace(action, position=position)), user, why)
        elif (found.text, found.due) != (action.text.strip(), action.due):
            first_version_keep(found)
            found.text, found.due = action.text.strip(), action.due
            saved_by(found, user, why)
        else:
            continue
        changed = True
    for gone in by_position.values():
        first_version_keep(gone)
        gone._history_user, gone._change_reason = user, why  # type: ignore[attr-defined]
        gone.delete()
        changed = True
    return changed


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
    actions_check(actions, today=today)
    with transaction.atomic():
        locked = RagRating.objects.select_for_update().get(pk=rating.pk)
        if locked.cancelled_on is not None:
            raise ValidationError("This rating has been cancelled: it needs no response")
        if locked.rating not in selectors.NEEDS_RESPONSE:
            raise ValidationError("A green rating needs no response")
        if locked.responded is not None:
            raise ValidationError("This rating has already been responded to")
        first_version_keep(locked)  # a rating from the unit's files: kept as it came
        locked.response, locked.responded = response.strip(), today
        locked.responded_by = user
        saved_by(locked, user, "Answered")
        _actions_write([], actions, make=_rag_action(locked, user), user=user, why="Answered")
        _log(user, "respond_rag_rating", locked.child)
    return locked


def _rag_action(rating: RagRating, user: User) -> Callable[[ActionInput], DatedAction]:
    def make(action: ActionInput) -> DatedAction:
        return RagAction(rating=rating, position=action.position, text=action.text.strip(),
                         due=action.due, recorded_by=user)  # fmt: skip

    return make


def _escalation_action(
    answer: EscalationResponse, user: User
) -> Callable[[ActionInput], DatedAction]:
    def make(action: ActionInput) -> DatedAction:
        text, due = action.text.strip(), action.due
        return EscalationAction(
            response=answer, position=action.position, text=text, due=due, recorded_by=user
        )

    return make


def may_correct_response(
    user: User, *, recorded_by_id: int | None, answerer_id: int | None
) -> bool:
    """Whoever recorded an answer, or the Head of Service, may correct it; for an answer from
    the unit's files (no one recorded it here), the team manager it was addressed to."""
    if user.role == User.Role.HEAD_OF_SERVICE:
        return True
    if recorded_by_id is not None:
        return recorded_by_id == user.pk
    return answerer_id is not None and answerer_id == user.staff_id


def rating_response_may_correct(user: User, rating: RagRating) -> bool:
    return rating.responded is not None and may_correct_response(
        user, recorded_by_id=rating.responded_by_id, answerer_id=rating.team_manager_id
    )


@transaction.atomic
def rag_response_correct(
    *,
    rating: RagRating,
    user: User,
    response: str,
    actions: Sequence[ActionInput],
    reason: str,
    today: date,
) -> RagRating:
    """Correct the answer to a rating, and its actions, with why (each version kept)."""
    require_in_scope(user, [rating.child], today=today)
    if not rating_response_may_correct(user, rating):
        raise PermissionDenied("Only whoever answered the rating or the Head of Service may")
    if rating.cancelled_on is not None:
        raise ValidationError("This rating has been cancelled")
    why = _reason_check(reason)
    _check_response(response)
    existing = list(rating.actions.all())
    actions_check(actions, today=today, kept=[a.due for a in existing])
    first_version_keep(rating)
    changed = response.strip() != rating.response
    if changed:
        rating.response = response.strip()
        saved_by(rating, user, why)
    make = _rag_action(rating, user)
    if not _actions_write(existing, actions, make=make, user=user, why=why) and not changed:
        raise ValidationError("Nothing has changed: change the response or an action")
    _log(user, "correct_rag_response", rating.child)
    return rating


def _reason_check(reason: str) -> str:
    if not reason.strip():
        raise ValidationError({"reason": "Enter why you are changing the response"})
    return reason.strip()


def escalation_stage_respond(
    *,
    escalation: Escalation,
    user: User,
    response: str,
    today: date,
    actions: Sequence[ActionInput] = (),
) -> EscalationResponse:
    """Record the team manager's response to an escalation at its current stage, with the
    actions it commits to.

    Raises PermissionDenied when `user` may not answer it, ValidationError when it is resolved,
    already answered at this stage, the response is empty or an action's date is wrong.
    """
    scope = selectors.escalations_for_team_manager(user, today=today)
    if not scope.filter(pk=escalation.pk).exists():
        raise PermissionDenied("not an escalation this team manager can answer")
    return _stage_answer(escalation, user, response, actions, today, by_staff=user.staff_id)


def escalation_reply_record(
    *,
    escalation: Escalation,
    user: User,
    reply: str,
    actions: Sequence[ActionInput],
    today: date,
) -> EscalationResponse:
    """Record the reply a chair received at the escalation's current stage (from a service
    manager or a director, by letter or e-mail), with the actions it commits to: the stage
    is then answered."""
    require_in_scope(user, [escalation.child], today=today)
    chair_staff(user)
    return _stage_answer(escalation, user, reply, actions, today, by_staff=None)


def _stage_answer(
    escalation: Escalation,
    user: User,
    text: str,
    actions: Sequence[ActionInput],
    today: date,
    *,
    by_staff: int | None,
) -> EscalationResponse:
    _check_response(text)
    actions_check(actions, today=today)
    with transaction.atomic():
        locked = Escalation.objects.select_for_update().get(pk=escalation.pk)
        if locked.resolved is not None:
            raise ValidationError("This escalation has been resolved")
        if locked.responses.filter(stage=locked.stage).exists():
            raise ValidationError("This stage has already been responded to")
        answer = EscalationResponse(
            escalation=locked, stage=locked.stage, responded=today, text=text.strip(),
            responded_by_id=by_staff, recorded_by=user,
        )  # fmt: skip
        saved_by(answer, user, "Answered")
        make = _escalation_action(answer, user)
        _actions_write([], actions, make=make, user=user, why="Answered")
        # The chair reads the answer on the escalation's stage history.
        locked.stages.filter(stage=locked.stage, ended__isnull=True).update(response=answer.text)
        _log(user, "respond_escalation", locked.child)
    return answer


def escalation_response_may_correct(user: User, answer: EscalationResponse) -> bool:
    return may_correct_response(
        user, recorded_by_id=answer.recorded_by_id, answerer_id=answer.responded_by_id
    )


@transaction.atomic
def escalation_response_correct(
    *,
    answer: EscalationResponse,
    user: User,
    response: str,
    actions: Sequence[ActionInput],
    reason: str,
    today: date,
) -> EscalationResponse:
    """Correct a reply to an escalation, and its actions, with why (each version kept)."""
    escalation = answer.escalation
    require_in_scope(user, [escalation.child], today=today)
    if not escalation_response_may_correct(user, answer):
        raise PermissionDenied("Only whoever recorded the reply or the Head of Service may")
    why = _reason_check(reason)
    _check_response(response)
    existing = list(answer.actions.all())
    actions_check(actions, today=today, kept=[a.due for a in existing])
    first_version_keep(answer)
    changed = response.strip() != answer.text
    if changed:
        stage = escalation.stages.filter(stage=answer.stage, response=answer.text)
        stage.update(response=response.strip())
        answer.text = response.strip()
        saved_by(answer, user, why)
    make = _escalation_action(answer, user)
    if not _actions_write(existing, actions, make=make, user=user, why=why) and not changed:
        raise ValidationError("Nothing has changed: change the reply or an action")
    _log(user, "correct_escalation_response", escalation.child)
    return answer


def _check_response(response: str) -> None:
    if not response.strip():
        raise ValidationError("Enter your response")


def _log(user: User, action: str, child: Child) -> None:
    access_event_record(user=user, action=action, outcome=ALLOWED, child=child)
