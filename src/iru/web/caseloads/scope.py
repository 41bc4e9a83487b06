"""The one access rule for children's records, and the one way to fetch a child for a user.

Every query for children's data, in every domain, starts from `children_visible_to`: lists,
details, search, exports and reports alike. A view asks `child_for_user`, which also logs the
read (or the refusal); a service asks `require_in_scope` again before it writes, so a service
called from anywhere keeps the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from iru.web.audit.services import ALLOWED, DENIED, access_event_record
from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child
from iru.web.children.presenters import child_name
from iru.web.children.selectors import with_status
from iru.web.people.models import User


class OutOfScope(PermissionDenied):
    """A service was asked to act on a child outside the user's scope."""


class ChildMoved(Http404):
    """A chair asked for a child whose case they held until `on`: it has moved to `to`.

    Still a 404 to anything that does not catch it; the child's page tells the chair where the
    child went (their name, the chair who holds the case now, the day it moved), and no more.
    """

    def __init__(self, *, name: str, to: list[str], on: date) -> None:
        super().__init__("The child has moved to another chair")
        self.name, self.to, self.on = name, to, on


def current_allocations(today: date) -> QuerySet[Allocation]:
    """Allocations in force on `today` (inclusive start, exclusive end)."""
    return Allocation.objects.filter(Q(end__isnull=True) | Q(end__gt=today), start__lte=today)


def children_visible_to(user: User, *, today: date) -> QuerySet[Child]:
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
    elif user.role == User.Role.TEAM_MANAGER and user.staff and user.staff.team_id is not None:
        allocations = allocations.filter(team_id=user.staff.team_id)
    else:
        return Child.objects.none()
    return Child.objects.filter(pk__in=allocations.values("child_id"))


def chair_caseload(user: User, *, today: date) -> QuerySet[Child]:
    """The children allocated to the signed-in chair on `today` (none for anyone else)."""
    staff_id = getattr(user, "staff_id", None)
    if getattr(user, "role", "") != User.Role.CHAIR or staff_id is None:
        return Child.objects.none()
    mine = current_allocations(today).filter(chair_id=staff_id).values("child_id")
    return children_visible_to(user, today=today).filter(pk__in=mine)


def with_current_allocations(children: QuerySet[Child], *, today: date) -> QuerySet[Child]:
    """`children` with their allocations in force on `today` (and their chair) prefetched as
    `current`, oldest first: one more query, whatever their number."""
    allocations = current_allocations(today).select_related("chair").order_by("start")
    return children.prefetch_related(
        Prefetch("allocations", queryset=allocations, to_attr="current")
    )


def child_for_user(user: User, pk: int, *, today: date, action: str, path: str = "") -> Child:
    """The child `pk`, with its status, if `user` may see it on `today`; the read is logged.

    Outside the user's scope the answer is a 404 whether or not the child exists, and the
    refusal is logged (against the child when there is one).
    """
    visible = with_status(children_visible_to(user, today=today), today=today)
    child = (
        with_current_allocations(visible, today=today)
        .select_related("cin_record")
        .filter(pk=pk)
        .first()
    )
    if child is None:
        exists = Child.objects.filter(pk=pk).exists()
        access_event_record(
            user=user, action=action, outcome=DENIED, child=_Pk(pk) if exists else None, path=path
        )
        if exists:
            _raise_if_moved(user, pk, today=today)
        raise Http404("No such child")
    access_event_record(user=user, action=action, outcome=ALLOWED, child=child, path=path)
    return child


def _raise_if_moved(user: User, pk: int, *, today: date) -> None:
    """`ChildMoved` when `user` chaired the child's case until a reallocation on or before
    `today`."""
    staff_id = getattr(user, "staff_id", None)
    if getattr(user, "role", "") != User.Role.CHAIR or staff_id is None:
        return
    held = Allocation.objects.filter(child_id=pk, chair_id=staff_id, end__lte=today)
    last = held.select_related("child").order_by("-end").first()
    if last is None or last.end is None:
        return
    now = current_allocations(today).filter(child_id=pk, chair__isnull=False)
    to = sorted({a.chair.full_name for a in now.select_related("chair") if a.chair})
    raise ChildMoved(name=child_name(last.child), to=to, on=last.end)


def require_in_scope(user: User, children: Iterable[Child], *, today: date) -> None:
    """Raise `OutOfScope` unless every child is visible to `user` on `today`."""
    wanted = {child.pk for child in children}
    visible = set(
        children_visible_to(user, today=today).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    if wanted - visible:
        raise OutOfScope("A child is outside your caseload")


class _Pk:
    """A child known only by its primary key (for the log of a refused read)."""

    def __init__(self, pk: int) -> None:
        self.pk = pk
