"""Reads for team managers' inboxes: what is waiting for their response, and by when.

A team manager sees the RAG ratings addressed to them or about their team's children, and the
escalations about their team's children (`caseloads.scope.children_visible_to`). Nobody else
has an inbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from iru.rules.calendar import working_days_left as days_left
from iru.rules.timescales import dispute_resolution_deadline, rag_response_due
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import children_visible_to
from iru.web.children.models import Child
from iru.web.core.presenters import rag_tag_class, status_tag_class
from iru.web.disputes.models import Escalation, EscalationResponse, RagRating
from iru.web.people.access import is_active_role
from iru.web.people.models import Staff, User

NEEDS_RESPONSE = (RagRating.Rating.RED, RagRating.Rating.AMBER)


def is_team_manager(user: User) -> bool:
    return is_active_role(user, User.Role.TEAM_MANAGER) and user.staff_id is not None


def ratings_for_team_manager(user: User, *, today: date) -> QuerySet[RagRating]:
    """Every rating `user` may see and answer: addressed to them, or about their team's
    children on `today`. None for anyone who is not a team manager."""
    if not is_team_manager(user):
        return RagRating.objects.none()
    visible = children_visible_to(user, today=today).values("pk")
    return RagRating.objects.filter(Q(team_manager_id=user.staff_id) | Q(child_id__in=visible))


def escalations_for_team_manager(user: User, *, today: date) -> QuerySet[Escalation]:
    """Every escalation about `user`'s team's children on `today`; none for non-managers."""
    if not is_team_manager(user):
        return Escalation.objects.none()
    return Escalation.objects.filter(
        child_id__in=children_visible_to(user, today=today).values("pk")
    )


def rating_response_due(rating: RagRating) -> date | None:
    """The rating's recorded deadline, or the local default from when it was sent."""
    if rating.response_due is not None:
        return rating.response_due
    if rating.sent is None or rating.rating not in NEEDS_RESPONSE:
        return None
    return rag_response_due(rating.sent, rating.rating)


def escalation_stage_due(escalation: Escalation) -> date:
    """The current stage's deadline, or the 20-working-day limit for the whole process."""
    return escalation.stage_due or dispute_resolution_deadline(escalation.raised)


def awaiting_response(ratings: QuerySet[RagRating]) -> QuerySet[RagRating]:
    """Red and amber ratings with no response yet (a cancelled one needs none)."""
    return ratings.filter(
        responded__isnull=True, cancelled_on__isnull=True, rating__in=NEEDS_RESPONSE
    )


def awaiting_stage_response(escalations: QuerySet[Escalation]) -> QuerySet[Escalation]:
    """Unresolved escalations with no response at their current stage."""
    answered = EscalationResponse.objects.filter(escalation=OuterRef("pk"), stage=OuterRef("stage"))
    return escalations.filter(resolved__isnull=True).exclude(Exists(answered))


@dataclass(frozen=True)
class DueItem:
    """Something waiting for a team manager's response, with its deadline."""

    kind: str  # "rating" or "escalation"
    pk: int
    child: Child
    label: str  # "Red rating", "Stage 2: service manager"
    colour: str  # GOV.UK tag class
    team_manager: Staff | None
    due: date | None
    today: date

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < self.today

    @property
    def working_days_left(self) -> int | None:
        return None if self.due is None else days_left(self.today, self.due)

    @property
    def working_days_overdue(self) -> int:
        left = self.working_days_left
        return -left if left is not None and left < 0 else 0

    @property
    def sort_key(self) -> tuple[bool, date, str, int]:
        return (self.due is None, self.due or date.max, self.kind, self.pk)


def rating_item(rating: RagRating, today: date) -> DueItem:
    return DueItem(
        kind="rating",
        pk=rating.pk,
        child=rating.child,
        label=f"{rating.get_rating_display()} rating",
        colour=rag_tag_class(rating.rating),
        team_manager=rating.team_manager,
        due=rating_response_due(rating),
        today=today,
    )


def escalation_item(escalation: Escalation, today: date) -> DueItem:
    return DueItem(
        kind="escalation",
        pk=escalation.pk,
        child=escalation.child,
        label=escalation.get_stage_display(),
        colour=status_tag_class("escalation"),
        team_manager=None,
        due=escalation_stage_due(escalation),
        today=today,
    )


def due_items(
    ratings: QuerySet[RagRating], escalations: QuerySet[Escalation], *, today: date
) -> list[DueItem]:
    """The ratings and escalations still waiting for a response, soonest deadline first."""
    items = [
        rating_item(r, today)
        for r in awaiting_response(ratings).select_related("child", "team_manager")
    ]
    items += [
        escalation_item(e, today)
        for e in awaiting_stage_response(escalations).select_related("child")
    ]
    return sorted(items, key=lambda item: item.sort_key)


def inbox_for(user: User, *, today: date) -> list[DueItem]:
    """A team manager's open items: ratings and escalations awaiting their response."""
    return due_items(
        ratings_for_team_manager(user, today=today),
        escalations_for_team_manager(user, today=today),
        today=today,
    )


def inbox_for_user(user: User, *, today: date, path: str = "") -> list[DueItem]:
    """`inbox_for` for the page: the read of the inbox is logged."""
    access_event_record(user=user, action="view_inbox", outcome=ALLOWED, path=path)
    return inbox_for(user, today=today)
