"""Reads of children's records. Every query for children goes through `children_visible_to`."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from iru.web.children.models import Allocation, Child, CpPlan, Episode
from iru.web.people.models import User


def current_allocations(today: date) -> QuerySet[Allocation]:
    """Allocations in force on `today` (inclusive start, exclusive end)."""
    return Allocation.objects.filter(Q(end__isnull=True) | Q(end__gt=today), start__lte=today)


def children_visible_to(user: Any, *, today: date) -> QuerySet[Child]:
    """The children `user` may see on `today`; the one access rule for children's records.

    A chair sees the children currently allocated to them; a team manager, their team's
    children; admin and the Head of Service, every child. Anyone else sees none.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Child.objects.none()
    if user.role in (User.Role.ADMIN, User.Role.HEAD_OF_SERVICE):
        return Child.objects.all()
    if user.staff_id is None:
        return Child.objects.none()
    allocations = current_allocations(today)
    if user.role == User.Role.CHAIR:
        allocations = allocations.filter(chair_id=user.staff_id)
    elif user.role == User.Role.TEAM_MANAGER and user.staff.team_id is not None:
        allocations = allocations.filter(team_id=user.staff.team_id)
    else:
        return Child.objects.none()
    return Child.objects.filter(pk__in=allocations.values("child_id"))


def with_status(children: QuerySet[Child], *, today: date) -> QuerySet[Child]:
    """Children annotated with whether they are looked after and on a plan on `today`,
    and their current allocations (with chair) prefetched: a constant number of queries.
    """
    open_episode = Episode.objects.filter(
        Q(dec__isnull=True) | Q(dec__gt=today), child=OuterRef("pk"), decom__lte=today
    )
    open_plan = CpPlan.objects.filter(
        Q(end__isnull=True) | Q(end__gt=today), child=OuterRef("pk"), start__lte=today
    )
    allocations = current_allocations(today).select_related("chair").order_by("start")
    return children.annotate(
        looked_after=Exists(open_episode), on_plan=Exists(open_plan)
    ).prefetch_related(Prefetch("allocations", queryset=allocations, to_attr="current"))


def child_detail(child: Child) -> dict[str, Any]:
    """A visible child's records for the detail page."""
    return {
        "episodes": list(child.episodes.order_by("-decom")),
        "reviews": list(child.lac_reviews.order_by("-review")),
        "plans": list(child.cp_plans.order_by("-start")),
        "allocations": list(
            child.allocations.select_related("chair", "social_worker", "team").order_by("-start")
        ),
    }
