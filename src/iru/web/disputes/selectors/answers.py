"""The answers a chair has had to their ratings and escalations: the other half of the loop
the chair watches (what was promised, and by when), beside the responses still overdue."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q

from iru.web.caseloads.scope import children_visible_to
from iru.web.children.models import Child
from iru.web.core.presenters import rag_tag_class, status_tag_class
from iru.web.disputes.models import DatedAction, EscalationResponse, RagRating
from iru.web.meetings.models import Meeting
from iru.web.people.models import User

# A chair reads answers as they come; four weeks back keeps a month of them in view.
RECENT = timedelta(days=28)


@dataclass(frozen=True)
class Answer:
    """One answer: to what, about whom, when, its words and its dated actions."""

    child: Child
    label: str  # "Red rating", "Escalation, stage 2"
    colour: str
    answered: date
    by: str
    text: str
    pk: int
    actions: list[DatedAction] = field(default_factory=list)


def answers_for_chair(user: User, *, today: date) -> list[Answer]:
    """Answers in the last `RECENT` to ratings from the chair's meetings (or given by them) and
    to escalations they raised, about children they hold today; newest first."""
    staff_id = user.staff_id
    if staff_id is None:
        return []
    visible = children_visible_to(user, today=today).values("pk")
    since = today - RECENT
    chaired = Meeting.objects.filter(chair_id=staff_id).values("pk")
    ratings = (
        RagRating.objects.filter(Q(meeting_id__in=chaired) | Q(rated_by_id=staff_id))
        .filter(child_id__in=visible, responded__gte=since, cancelled_on=None)
        .select_related("child", "team_manager")
        .prefetch_related("actions")
    )
    replies = (
        EscalationResponse.objects.filter(
            escalation__raised_by_id=staff_id,
            escalation__child_id__in=visible,
            responded__gte=since,
        )
        .select_related("escalation__child", "responded_by", "escalation")
        .prefetch_related("actions", "escalation__stages")
    )
    answers = [_rating_answer(r, today) for r in ratings]
    answers += [_reply_answer(r) for r in replies]
    return sorted(answers, key=lambda a: (a.answered, a.pk), reverse=True)


def _rating_answer(rating: RagRating, today: date) -> Answer:
    return Answer(
        child=rating.child,
        label=f"{rating.get_rating_display()} rating",
        colour=rag_tag_class(rating.rating),
        answered=rating.responded or today,
        by=rating.team_manager.full_name if rating.team_manager else "The team manager",
        text=rating.response,
        pk=rating.pk,
        actions=list(rating.actions.all()),
    )


def _reply_answer(reply: EscalationResponse) -> Answer:
    escalation = reply.escalation
    by = reply.responded_by.full_name if reply.responded_by else _addressee(reply)
    return Answer(
        child=escalation.child,
        label=f"Escalation, stage {reply.stage}",
        colour=status_tag_class("escalation"),
        answered=reply.responded,
        by=by,
        text=reply.text,
        pk=reply.pk,
        actions=list(reply.actions.all()),
    )


def _addressee(reply: EscalationResponse) -> str:
    stage = next((s for s in reply.escalation.stages.all() if s.stage == reply.stage), None)
    return (stage.addressed_to_name if stage else "") or "Recorded by the chair"
