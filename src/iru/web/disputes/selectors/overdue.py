"""Responses past their deadline: for the chair to chase, and for the Head of Service's count.

Overdue means the deadline is before `today`; a response is still due on the day itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from django.db.models import Q, QuerySet

from iru.rules.timescales import dispute_resolution_deadline, rag_response_due
from iru.web.caseloads.scope import current_allocations
from iru.web.disputes.models import Escalation, RagRating
from iru.web.disputes.selectors.inbox import (
    NEEDS_RESPONSE,
    DueItem,
    awaiting_response,
    awaiting_stage_response,
    due_items,
)
from iru.web.meetings.models import Meeting
from iru.web.people.models import Staff


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
        latest = _latest_start_overdue(partial(_rating_due, rating=rating), today)
        by_default |= Q(rating=rating, sent__lte=latest)
    blank = Q(response_due__isnull=True, sent__isnull=False)
    return ratings.filter(Q(response_due__lt=today) | (blank & by_default))


def _rating_due(day: date, *, rating: str) -> date | None:
    return rag_response_due(day, rating)


def late_escalations(escalations: QuerySet[Escalation], *, today: date) -> QuerySet[Escalation]:
    """Escalations whose stage deadline (`escalation_stage_due`) is before `today`, in SQL."""
    latest = _latest_start_overdue(dispute_resolution_deadline, today)
    return escalations.filter(
        Q(stage_due__lt=today) | Q(stage_due__isnull=True, raised__lte=latest)
    )


def _latest_start_overdue(deadline: Callable[[date], date | None], today: date) -> date:
    """The latest day whose `deadline(day)` is before `today` (`deadline` never decreases)."""
    day = today
    while (deadline(day) or date.max) >= today:
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
