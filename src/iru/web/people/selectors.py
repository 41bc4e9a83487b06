"""Reads of staff and users."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from iru.web.people.models import Staff, User

_STAFF_ROLES = {
    User.Role.CHAIR: ("iro", "icc"),
    User.Role.TEAM_MANAGER: ("team_manager",),
    User.Role.ADMIN: ("admin",),
    User.Role.HEAD_OF_SERVICE: ("head_of_service",),
}
_CASELOAD = {User.Role.CHAIR: "chair_allocations", User.Role.TEAM_MANAGER: "team__allocations"}


def _current(relation: str, today: date) -> Q:
    """Allocations through `relation` in force on `today`."""
    open_ended = Q(**{f"{relation}__end__isnull": True}) | Q(**{f"{relation}__end__gt": today})
    return open_ended & Q(**{f"{relation}__start__lte": today})


def demo_staff(*, role: str, today: date) -> Staff | None:
    """The staff member a demo user of `role` stands for: for chairs and team managers, the
    one with the most children allocated today, so the demo shows a real caseload.
    """
    staff = Staff.objects.filter(role__in=_STAFF_ROLES[User.Role(role)])
    relation = _CASELOAD.get(User.Role(role))
    if relation is None:
        return staff.order_by("pk").first()
    loads = staff.annotate(load=Count(relation, filter=_current(relation, today)))
    return loads.order_by("-load", "pk").first()
