"""Reads of a child's ratings and escalations, and the getters that fetch one for a user.

The getters scope the query through the user's scope and log the read (or the refusal); a
rating or escalation outside it is a 404 whether or not it exists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from iru.web.audit.services import ALLOWED, DENIED, access_event_record
from iru.web.caseloads.scope import children_visible_to
from iru.web.children.models import Child
from iru.web.core.history import Change, record_history, rows_history
from iru.web.disputes.models import (
    Escalation,
    EscalationAction,
    EscalationResponse,
    EscalationStage,
    RagAction,
    RagRating,
    RagReason,
)
from iru.web.disputes.selectors.inbox import escalations_for_team_manager, ratings_for_team_manager
from iru.web.meetings.models import Meeting
from iru.web.people.models import User


def _logged(user: User, action: str, path: str, found: RagRating | Escalation | None) -> None:
    outcome = DENIED if found is None else ALLOWED
    child = None if found is None else found.child
    access_event_record(user=user, action=action, outcome=outcome, child=child, path=path)
    if found is None:
        raise Http404("Nothing to see here")


def rating_for_team_manager(
    user: User, pk: int, *, today: date, action: str, path: str = ""
) -> RagRating:
    """A rating the team manager may see and answer (`inbox.ratings_for_team_manager`)."""
    scoped = ratings_for_team_manager(user, today=today)
    found = scoped.select_related("child", "meeting__chair", "team_manager").filter(pk=pk).first()
    _logged(user, action, path, found)
    return found  # type: ignore[return-value]  # `_logged` raised when it is None


def escalation_for_team_manager(
    user: User, pk: int, *, today: date, action: str, path: str = ""
) -> Escalation:
    """An escalation about a child of the team manager's team."""
    scoped = escalations_for_team_manager(user, today=today)
    found = scoped.select_related("child", "raised_by").filter(pk=pk).first()
    _logged(user, action, path, found)
    return found  # type: ignore[return-value]  # `_logged` raised when it is None


def rating_for_user(user: User, pk: int, *, today: date, action: str, path: str = "") -> RagRating:
    """A rating about a child `user` may see (any role), the read logged."""
    visible = children_visible_to(user, today=today)
    found = (
        RagRating.objects.select_related("child", "meeting__chair", "team_manager")
        .filter(pk=pk, child__in=visible)
        .first()
    )
    _logged(user, action, path, found)
    return found  # type: ignore[return-value]  # `_logged` raised when it is None


RATING_LABELS = {
    "rating": "Rating",
    "reasons": "Reasons",
    "comment": "Comments",
    "response_due": "Response due",
    "response": "Response",
    "cancelled_on": "Cancelled on",
}


def rating_history(rating: RagRating) -> list[Change]:
    """Every version of a rating: its colour, reasons and comments, and the answer to it."""
    return record_history(
        rating,
        RATING_LABELS,
        shown={"rating": lambda c: str(c).title(), "reasons": lambda t: "; ".join(t) or "(none)"},
        values={"reasons": _reason_texts},
    )


def _reason_texts(version: Any) -> tuple[str, ...]:
    return tuple(sorted(link.ragreason.text for link in version.reasons.all()))


def escalation_for_user(
    user: User, pk: int, *, today: date, action: str, path: str = ""
) -> Escalation:
    """An escalation about a child `user` may see (any role)."""
    visible = children_visible_to(user, today=today)
    found = (
        Escalation.objects.select_related("child", "raised_by")
        .filter(pk=pk, child__in=visible)
        .first()
    )
    _logged(user, action, path, found)
    return found  # type: ignore[return-value]  # `_logged` raised when it is None


def escalation_stages(escalation: Escalation) -> list[EscalationStage]:
    return list(escalation.stages.select_related("addressed_to", "started_by"))


def escalation_responses(escalation: Escalation) -> QuerySet[EscalationResponse]:
    """The replies at each stage, with their dated actions."""
    return escalation.responses.select_related("responded_by").prefetch_related("actions")


def reply_for_user(
    user: User, pk: int, *, today: date, action: str, path: str = ""
) -> EscalationResponse:
    """A reply to an escalation about a child `user` may see, the read logged."""
    visible = children_visible_to(user, today=today)
    found = (
        EscalationResponse.objects.select_related("escalation__child", "responded_by")
        .filter(pk=pk, escalation__child__in=visible)
        .first()
    )
    _logged(user, action, path, found.escalation if found else None)
    return found  # type: ignore[return-value]  # `_logged` raised when it is None


ACTION_LABELS = {"text": "", "due": "to be done by"}


def _action_name(version: Any) -> str:
    return f"Action {version.position}"


def response_history(rating: RagRating) -> list[Change]:
    """The answer to a rating and its actions, each version: answered, corrected, removed."""
    answer = [
        line for line in record_history(rating, {"response": "Response"}) if line.kind != "recorded"
    ]
    versions = RagAction.history.filter(rating_id=rating.pk)
    actions = rows_history(versions, ACTION_LABELS, name=_action_name, shown={})
    return sorted(answer + actions, key=lambda line: line.at)


def reply_history(answer: EscalationResponse) -> list[Change]:
    """A reply to an escalation and its actions, each version."""
    versions = EscalationAction.history.filter(response_id=answer.pk)
    actions = rows_history(versions, ACTION_LABELS, name=_action_name, shown={})
    return sorted(record_history(answer, {"text": "Reply"}) + actions, key=lambda line: line.at)


def stage_answered(escalation: Escalation) -> bool:
    """The team manager has answered the escalation's current stage."""
    return escalation.responses.filter(stage=escalation.stage).exists()


def rating_actions(rating: RagRating) -> QuerySet[RagAction]:
    return rating.actions.all()


def rating_reasons(rating: RagRating) -> QuerySet[RagReason]:
    return rating.reasons.order_by("code")


def ratings_of(child: Child) -> list[RagRating]:
    """A visible child's ratings, newest first, with their reasons and the team manager's
    dated actions."""
    ratings = RagRating.objects.filter(child=child).select_related("meeting", "team_manager")
    return list(ratings.prefetch_related("reasons", "actions").order_by("-sent", "-pk"))


def escalations_of(child: Child) -> list[Escalation]:
    """A visible child's escalations, newest first, with their stages as `stage_list`."""
    escalations = Escalation.objects.filter(child=child).select_related("raised_by")
    stages = Prefetch("stages", to_attr="stage_list")
    answers = EscalationResponse.objects.filter(escalation=OuterRef("pk"), stage=OuterRef("stage"))
    escalations = escalations.annotate(answered=Exists(answers))
    return list(escalations.prefetch_related(stages).order_by("-raised", "-pk"))


def rated_child_ids(meeting: Meeting) -> set[int]:
    """The children the meeting's chair has already rated after it (a cancelled rating aside)."""
    ratings = RagRating.objects.filter(meeting=meeting, cancelled_on=None)
    return set(ratings.values_list("child_id", flat=True))


def with_last_rating(children: QuerySet[Child]) -> QuerySet[Child]:
    """`children` annotated with `last_rag`, the rating of their latest RAG rating (or None)."""
    last = RagRating.objects.filter(child=OuterRef("pk"), cancelled_on=None)
    last = last.order_by("-sent", "-pk")
    return children.annotate(last_rag=Subquery(last.values("rating")[:1]))


def catalogue_reasons(*, meeting_type: str) -> list[RagReason]:
    """The reasons a chair may choose for a meeting type (`lac` or `cp`)."""
    return list(RagReason.objects.filter(meeting_type=meeting_type, in_catalogue=True))


def catalogued_reason(pk: int) -> RagReason:
    """A reason still in the catalogue (to reword or retire it), or a 404."""
    reason = RagReason.objects.filter(pk=pk, in_catalogue=True).first()
    if reason is None:
        raise Http404("No such reason")
    return reason


def reasons_with_uses() -> QuerySet[RagReason]:
    """Every reason, catalogued or not, with how many ratings gave it."""
    return RagReason.objects.annotate(uses=Count("ratings")).order_by("code")


def open_escalations(*, today: date) -> int:
    """Escalations raised by `today` and not resolved by then."""
    unresolved = Q(resolved__isnull=True) | Q(resolved__gt=today)
    return Escalation.objects.filter(unresolved, raised__lte=today).count()


def rating_pks_by_external_id() -> dict[str, int]:
    """The unit's files' rating ids -> primary keys."""
    rows = RagRating.objects.exclude(external_id=None).values_list("external_id", "pk")
    return {external: pk for external, pk in rows if external}
