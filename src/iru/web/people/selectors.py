"""Reads of teams, staff and users."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404

from iru.web.people.models import CHAIR_STAFF_ROLES, Post, PostHolding, Staff, Team, User

# A post's or a holding's primary key and its start and end (exclusive, None while open).
Span = tuple[int, date, date | None]


def chairs(*, today: date | None = None) -> QuerySet[Staff]:
    """Everyone who chairs meetings (IROs and conference chairs), by name; with `today`, only
    those in post that day, once the unit records its posts (a chair who has left keeps a
    staff record for the history, but is not offered a child)."""
    found = Staff.objects.filter(role__in=CHAIR_STAFF_ROLES)
    if today is not None and Post.objects.exists():
        found = found.filter(in_post_on(today)).distinct()
    return found.order_by("family_name", "given_name")


def in_post_on(day: date, relation: str = "post_holdings") -> Q:
    """Staff holding a post on `day` (the holding began on or before it and has not ended),
    through `relation` ("" to filter the holdings themselves)."""
    to = f"{relation}__" if relation else ""
    started = Q(**{f"{to}start__lte": day})
    open_ended = Q(**{f"{to}end__isnull": True}) | Q(**{f"{to}end__gt": day})
    return started & open_ended


def social_workers() -> QuerySet[Staff]:
    return Staff.objects.filter(role=Staff.Role.SOCIAL_WORKER).order_by("family_name", "given_name")


def teams() -> QuerySet[Team]:
    return Team.objects.order_by("name")


def users() -> QuerySet[User]:
    return User.objects.select_related("staff").order_by("-is_active", "username")


def user_or_404(pk: int, *, active_only: bool = False) -> User:
    """The user `pk` (only while active when `active_only`), for the Head of Service's pages."""
    found = User.objects.select_related("staff").filter(pk=pk)
    user = (found.filter(is_active=True) if active_only else found).first()
    if user is None:
        raise Http404("No such user")
    return user


def user_by_username(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def staff_without_user(*, keep: Staff | None = None) -> QuerySet[Staff]:
    """Staff no user is linked to yet (and `keep`, the record being edited)."""
    free = Staff.objects.filter(Q(user__isnull=True) | Q(pk=getattr(keep, "pk", None)))
    return free.order_by("family_name", "given_name")


def staff_pks_by_external_id() -> dict[str, int]:
    """The unit's files' staff ids -> primary keys."""
    rows = Staff.objects.exclude(external_id=None).values_list("external_id", "pk")
    return {external: pk for external, pk in rows if external}


def team_pks_by_external_id() -> dict[str, int]:
    """The unit's files' team ids -> primary keys."""
    rows = Team.objects.exclude(external_id=None).values_list("external_id", "pk")
    return {external: pk for external, pk in rows if external}


def post_spans_by_external_id() -> dict[str, Span]:
    """The unit's files' post ids -> (primary key, start, end)."""
    rows = Post.objects.exclude(external_id=None).values_list("external_id", "pk", "start", "end")
    return {external: (pk, start, end) for external, pk, start, end in rows if external}


def post_holding_spans_by_external_id() -> dict[str, Span]:
    """The unit's files' post holding ids -> (primary key, start, end)."""
    rows = PostHolding.objects.exclude(external_id=None).values_list(
        "external_id", "pk", "start", "end"
    )
    return {external: (pk, start, end) for external, pk, start, end in rows if external}
