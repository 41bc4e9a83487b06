"""Reads for team managers' inboxes and for chasing late responses.

A team manager sees the RAG ratings addressed to them or about their team's children, and the
escalations about their team's children (children.selectors.children_visible_to). Nobody else
has an inbox. The overdue selectors serve the chair's view and the Head of Service's dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from iru.rules.calendar import working_days_between
from iru.rules.timescales import dispute_resolution_deadline, rag_response_due
from iru.web.children.models import Child
from iru.web.children.selectors import children_visible_to, current_allocations
from iru.web.inbox.models import EscalationResponse
from iru.web.meetings.models import Meeting
from iru.web.people.models import Staff, User
from iru.web.rag.models import Escalation, RagRating

NEEDS_RESPONSE = (RagRating.Rating.RED, RagRating.Rating.AMBER)


def is_team_manager(user: Any) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role == User.Role.TEAM_MANAGER
        and user.staff_id is not None
    )


def ratings_for_team_manager(user: Any, *, today: date) -> QuerySet[RagRating]:
    """Every rating `user` may see and answer: addressed to them, or about their team's
    children on `today`. None for anyone who is not a team manager."""
    if not is_team_manager(user):
        return RagRating.objects.none()
    visible = children_visible_to(user, today=today).values("pk")
    return RagRating.objects.filter(Q(team_manager_id=user.staff_id) | Q(child_id__in=visible))


def escalations_for_team_manager(user: Any, *, today: date) -> QuerySet[Escalation]:
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
    """Red and amber ratings with no response yet."""
    return ratings.filter(responded__isnull=True, rating__in=NEEDS_RESPONSE)


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
        return None if self.due is None else working_days_between(self.today, self.due)

    @property
    def working_days_overdue(self) -> int:
        left = self.working_days_left
        return -left if left is not None and left < 0 else 0

    @property
    def sort_key(self) -> tuple[bool, date, str, int]:
        return (self.due is None, self.due or date.max, self.kind, self.pk)


_TAGS = {"red": "govuk-tag--red", "amber": "govuk-tag--orange", "green": "govuk-tag--green"}


def rating_item(rating: RagRating, today: date) -> DueItem:
    return DueItem(
        kind="rating",
        pk=rating.pk,
        child=rating.child,
        label=f"{rating.get_rating_display()} rating",
        colour=_TAGS.get(rating.rating, "govuk-tag--grey"),
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
        colour="govuk-tag--purple",
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


def inbox_for(user: Any, *, today: date) -> list[DueItem]:
    """A team manager's open items: ratings and escalations awaiting their response."""
    return due_items(
        ratings_for_team_manager(user, today=today),
        escalations_for_team_manager(user, today=today),
        today=today,
    )


def overdue_responses(*, today: date) -> list[DueItem]:
    """Every response past its deadline on `today`, across the unit (the Head of Service's
    dashboard). Overdue means the deadline is before `today`; it is still due on the day."""
    return _overdue(RagRating.objects.all(), Escalation.objects.all(), today=today)


def overdue_response_count(*, today: date) -> int:
    """`len(overdue_responses(today=today))`, counted in SQL (the dashboard's figure)."""
    ratings = late_ratings(awaiting_response(RagRating.objects.all()), today=today)
    escalations = late_escalations(awaiting_stage_response(Escalation.objects.all()), today=today)
    return ratings.count() + escalations.count()


def late_ratings(ratings: QuerySet[RagRating], *, today: date) -> QuerySet[RagRating]:
    """Ratings whose response deadline (`rating_response_due`) is before `today`, in SQL.

    A deadline left blank is computed from `sent` by adding working days, which never goes
    back in time: so it is before `today` exactly when `sent` is on or before the latest day
    whose deadline is before `today`.
    """
    by_default = Q()
    for rating in NEEDS_RESPONSE:
        latest = _latest_start_overdue(lambda day, r=rating: rag_response_due(day, r), today)
        by_default |= Q(rating=rating, sent__lte=latest)
    blank = Q(response_due__isnull=True, sent__isnull=False)
    return ratings.filter(Q(response_due__lt=today) | (blank & by_default))


def late_escalations(escalations: QuerySet[Escalation], *, today: date) -> QuerySet[Escalation]:
    """Escalations whose stage deadline (`escalation_stage_due`) is before `today`, in SQL."""
    latest = _latest_start_overdue(dispute_resolution_deadline, today)
    return escalations.filter(
        Q(stage_due__lt=today) | Q(stage_due__isnull=True, raised__lte=latest)
    )


def _latest_start_overdue(deadline: Any, today: date) -> date:
    """The latest day whose `deadline(day)` is before `today` (`deadline` never decreases)."""
    day = today
    while deadline(day) >= today:
        day -= timedelta(days=1)
    return day


def overdue_responses_for_chair(staff: Staff, *, today: date) -> list[DueItem]:
    """Overdue responses to `staff`'s own ratings and escalations: ratings from meetings they
    chaired (or, with no meeting recorded, about children allocated to them today) and
    escalations they raised."""
    mine = current_allocations(today).filter(chair_id=staff.pk).values("child_id")
    chaired = Meeting.objects.filter(chair_id=staff.pk).values("pk")  # no join of every meeting
    ratings = RagRating.objects.filter(
        Q(meeting_id__in=chaired) | Q(meeting__isnull=True, child_id__in=mine)
    )
    escalations = Escalation.objects.filter(raised_by_id=staff.pk)
    return _overdue(ratings, escalations, today=today)


def _overdue(
    ratings: QuerySet[RagRating], escalations: QuerySet[Escalation], *, today: date
) -> list[DueItem]:
    late = late_ratings(awaiting_response(ratings), today=today)
    # Their ids first: PostgreSQL misjudges how few they are and would join every child.
    ratings = RagRating.objects.filter(pk__in=list(late.values_list("pk", flat=True)))
    escalations = late_escalations(escalations, today=today)
    return [item for item in due_items(ratings, escalations, today=today) if item.overdue]
