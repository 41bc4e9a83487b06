"""Reads for the Head of Service's pages. Children are always reached through
`children_visible_to`; the figures through `iru.figures.compute_figures` (cached).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet

from iru.figures import compute_figures
from iru.web.children.models import Allocation, Child
from iru.web.children.selectors import children_visible_to, with_status
from iru.web.dataset import dataset_from_database
from iru.web.imports.models import ImportRun
from iru.web.inbox import selectors as inbox_selectors
from iru.web.people.models import Staff, Team, User
from iru.web.rag.models import Escalation, RagReason

CHAIR_ROLES = (Staff.Role.IRO, Staff.Role.ICC)
SEARCH_LIMIT = 50
FIGURES_CACHE_SECONDS = 24 * 60 * 60


def chair_caseloads(*, today: date) -> QuerySet[Staff]:
    """Every chair with `lac`, `cp` and `children` (distinct) currently allocated: one query."""
    current = (Q(chair_allocations__end__isnull=True) | Q(chair_allocations__end__gt=today)) & Q(
        chair_allocations__start__lte=today
    )

    def count(extra: Q) -> Count:
        return Count("chair_allocations__child", filter=current & extra, distinct=True)

    return (
        Staff.objects.filter(role__in=CHAIR_ROLES)
        .annotate(
            lac=count(Q(chair_allocations__kind=Allocation.Kind.LAC)),
            cp=count(Q(chair_allocations__kind=Allocation.Kind.CP)),
            children=count(Q()),
        )
        .order_by("family_name", "given_name", "pk")
    )


def child_search(user: Any, *, today: date, query: str) -> QuerySet[Child]:
    """Children in `user`'s scope whose ID is `query` or whose name contains each of its words."""
    words = query.split()
    if not words:
        return Child.objects.none()
    match = Q(la_child_id__iexact=query.strip())
    by_name = Q()
    for word in words:
        by_name &= Q(given_name__icontains=word) | Q(family_name__icontains=word)
    visible = children_visible_to(user, today=today).filter(match | by_name)
    return with_status(visible, today=today).order_by("family_name", "given_name", "la_child_id")


def visible_child(user: Any, *, today: date, pk: int) -> Child | None:
    return with_status(children_visible_to(user, today=today), today=today).filter(pk=pk).first()


def allocation_history(child: Child) -> list[Allocation]:
    """Every spell, newest first."""
    spells = child.allocations.select_related("chair", "social_worker", "team")
    return list(spells.order_by("-start", "-pk"))


def chairs() -> QuerySet[Staff]:
    return Staff.objects.filter(role__in=CHAIR_ROLES).order_by("family_name", "given_name")


def social_workers() -> QuerySet[Staff]:
    return Staff.objects.filter(role=Staff.Role.SOCIAL_WORKER).order_by("family_name", "given_name")


def teams() -> QuerySet[Team]:
    return Team.objects.order_by("name")


def reasons_with_uses() -> QuerySet[RagReason]:
    """Every reason, catalogued or not, with how many ratings gave it."""
    return RagReason.objects.annotate(uses=Count("ratings")).order_by("code")


def users() -> QuerySet[User]:
    return User.objects.select_related("staff").order_by("-is_active", "username")


def staff_without_user(*, keep: Staff | None = None) -> QuerySet[Staff]:
    free = Staff.objects.filter(Q(user__isnull=True) | Q(pk=getattr(keep, "pk", None)))
    return free.order_by("family_name", "given_name")


def latest_import_id() -> int | None:
    runs = ImportRun.objects.filter(status=ImportRun.Status.SUCCEEDED)
    return runs.order_by("-pk").values_list("pk", flat=True).first()


def year_figures(*, year_end: date, today: date) -> dict[str, Any]:
    """`compute_figures(dataset_from_database(), year_end)`, cached per year end, latest
    successful import and day: the returns' data only changes by import (ADR 0005).
    """
    key = f"iru:figures:{year_end.isoformat()}:{latest_import_id()}:{today.isoformat()}"
    figures = cache.get(key)
    if figures is None:
        figures = compute_figures(dataset_from_database(), year_end)
        cache.set(key, figures, FIGURES_CACHE_SECONDS)
    return figures


def open_escalations(*, today: date) -> int:
    """Escalations raised by `today` and not resolved by then."""
    unresolved = Q(resolved__isnull=True) | Q(resolved__gt=today)
    return Escalation.objects.filter(unresolved, raised__lte=today).count()


def overdue_responses(*, today: date) -> int:
    """How many RAG responses and escalation stages are past their deadline (the inbox's rule)."""
    return inbox_selectors.overdue_response_count(today=today)
