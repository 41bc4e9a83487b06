"""Reads of allocations and caseloads: the chairs' caseloads against the IRO Handbook, a
child's allocation history, search within the user's scope, who manages a child's team."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404

from iru.web.audit.services import ALLOWED, DENIED, access_event_record
from iru.web.caseloads.models import Allocation
from iru.web.caseloads.scope import (
    chair_caseload,
    children_visible_to,
    current_allocations,
    with_current_allocations,
)
from iru.web.children.models import Child, CpPlan
from iru.web.children.selectors import plans_to_check, with_status
from iru.web.core.history import Change, record_history
from iru.web.core.presenters import long_date
from iru.web.people.models import CHAIR_STAFF_ROLES, Post, PostHolding, Staff, User
from iru.web.people.selectors import in_post_on

SEARCH_LIMIT = 50
_STAFF_ROLES = {
    User.Role.CHAIR: CHAIR_STAFF_ROLES,
    User.Role.TEAM_MANAGER: (Staff.Role.TEAM_MANAGER,),
    User.Role.ADMIN: (Staff.Role.ADMIN,),
    User.Role.HEAD_OF_SERVICE: (Staff.Role.HEAD_OF_SERVICE,),
}
_CASELOAD = {User.Role.CHAIR: "chair_allocations", User.Role.TEAM_MANAGER: "team__allocations"}


def _in_force(relation: str, today: date) -> Q:
    """Allocations reached through `relation` that are in force on `today`."""
    open_ended = Q(**{f"{relation}__end__isnull": True}) | Q(**{f"{relation}__end__gt": today})
    return open_ended & Q(**{f"{relation}__start__lte": today})


def chair_caseloads(*, today: date) -> QuerySet[Staff]:
    """Every chair with `lac`, `cp` and `children` (distinct) currently allocated: one query.
    Once the unit records its posts, a chair who has left (no post today, no child) is not
    listed."""
    current = _in_force("chair_allocations", today)

    def count(extra: Q) -> Count:
        return Count("chair_allocations__child", filter=current & extra, distinct=True)

    chairs = Staff.objects.filter(role__in=CHAIR_STAFF_ROLES).annotate(
        lac=count(Q(chair_allocations__kind=Allocation.Kind.LAC)),
        cp=count(Q(chair_allocations__kind=Allocation.Kind.CP)),
        children=count(Q()),
    )
    if Post.objects.exists():
        holding = PostHolding.objects.filter(staff=OuterRef("pk")).filter(
            in_post_on(today, relation="")
        )
        chairs = chairs.filter(Q(children__gt=0) | Exists(holding))
    return chairs.order_by("family_name", "given_name", "pk")


def children_for_list(user: User, *, today: date, path: str = "") -> QuerySet[Child]:
    """The children `user` may see, by name, with their status and chair (the list of
    children); the read of the list is logged."""
    visible = with_status(children_visible_to(user, today=today), today=today)
    children = with_current_allocations(visible, today=today).select_related("cin_record")
    access_event_record(user=user, action="list_children", outcome=ALLOWED, path=path)
    return children.order_by("family_name", "given_name", "la_child_id")


def chair_children_by_name(user: User, *, today: date) -> list[Child]:
    """The signed-in chair's children on `today`, by name (to choose those a meeting covered)."""
    mine = chair_caseload(user, today=today)
    return list(mine.order_by("family_name", "given_name", "la_child_id"))


def plans_to_check_for(user: User, *, today: date, path: str = "") -> list[CpPlan]:
    """`children.selectors.plans_to_check` for the children `user` may see; the read is logged."""
    plans = plans_to_check().filter(child__in=children_visible_to(user, today=today))
    access_event_record(user=user, action="list_plans_to_check", outcome=ALLOWED, path=path)
    return list(plans)


def child_search(user: User, *, today: date, query: str) -> QuerySet[Child]:
    """Children in `user`'s scope whose ID is `query` or whose name contains each of its words."""
    words = query.split()
    if not words:
        return Child.objects.none()
    match = Q(la_child_id__iexact=query.strip())
    by_name = Q()
    for word in words:
        by_name &= Q(given_name__icontains=word) | Q(family_name__icontains=word)
    visible = children_visible_to(user, today=today).filter(match | by_name)
    found = with_current_allocations(with_status(visible, today=today), today=today)
    return found.order_by("family_name", "given_name", "la_child_id")


def child_search_for_user(
    user: User, *, today: date, query: str, path: str = ""
) -> QuerySet[Child]:
    """`child_search` for the page: the search is logged."""
    access_event_record(user=user, action="search_children", outcome=ALLOWED, path=path)
    return child_search(user, today=today, query=query)


def allocation_for_user(user: User, pk: int, *, today: date, path: str = "") -> Allocation:
    """A spell of a child `user` may see (the child's read logged), or a 404."""
    spell = (
        Allocation.objects.select_related("child", "chair", "social_worker", "team")
        .filter(pk=pk, child__in=children_visible_to(user, today=today))
        .first()
    )
    child = spell.child if spell else None
    outcome = ALLOWED if spell else DENIED
    access_event_record(user=user, action="view_allocation", outcome=outcome, child=child,
                        path=path)  # fmt: skip
    if spell is None:
        raise Http404("No such allocation")
    return spell


ALLOCATION_LABELS = {
    "chair": "Chair",
    "social_worker": "Social worker",
    "team": "Team",
    "start": "From",
    "end": "Until",
    "cancelled_on": "Cancelled on",
}


def spell_history(spell: Allocation) -> list[Change]:
    """Every version of a spell: who held it and when, as corrected."""
    return record_history(
        spell,
        ALLOCATION_LABELS,
        shown={"chair": _name, "social_worker": _name, "team": _name,
               "end": lambda day: long_date(day) if day else "Now"},
    )  # fmt: skip


def _name(holder: Any) -> str:
    if holder is None:
        return "None"
    return str(getattr(holder, "full_name", None) or getattr(holder, "name", holder))


def latest_spells(spells: list[Allocation]) -> set[int]:
    """The latest spell of each case among a child's `spells` (cancelled ones aside)."""
    latest: dict[str, Allocation] = {}
    for spell in spells:
        if spell.cancelled_on is None:
            held = latest.get(spell.kind)
            if held is None or (spell.start, spell.pk) > (held.start, held.pk):
                latest[spell.kind] = spell
    return {spell.pk for spell in latest.values()}


def allocation_history(child: Child) -> list[Allocation]:
    """Every spell of the child's allocations, newest first."""
    spells = Allocation.objects.filter(child=child).select_related("chair", "social_worker", "team")
    return list(spells.order_by("-start", "-pk"))


def responsible_team_manager(child: Child, *, kind: str, today: date) -> Staff | None:
    """The team manager of the team holding the child's current allocation (of `kind` first)."""
    allocations = list(
        current_allocations(today).filter(child=child, team__isnull=False).order_by("-start")
    )
    allocations.sort(key=lambda a: a.kind != kind)
    for allocation in allocations:
        if allocation.team_id is None:  # excluded by the query above
            continue
        manager = (
            Staff.objects.filter(team_id=allocation.team_id, role=Staff.Role.TEAM_MANAGER)
            .order_by("pk")
            .first()
        )
        if manager is not None:
            return manager
    return None


def demo_staff(*, role: str, today: date, case: str | None = None) -> Staff | None:
    """The staff member a demo user of `role` stands for: for chairs and team managers, the
    one with the most children allocated today (of `case`, "lac" or "cp", when given), so the
    demo shows a real caseload; for the others, someone holding an admin post today (the unit's
    establishment), else the first."""
    staff = Staff.objects.filter(role__in=_STAFF_ROLES[User.Role(role)])
    relation = _CASELOAD.get(User.Role(role))
    if relation is None:
        in_post = _in_force("post_holdings", today) & Q(post_holdings__post__kind=Post.Kind.ADMIN)
        return staff.filter(in_post).order_by("pk").first() or staff.order_by("pk").first()
    current = _in_force(relation, today)
    if case is not None:
        current &= Q(**{f"{relation}__kind": case})
    loads = staff.annotate(load=Count(relation, filter=current))
    return loads.order_by("-load", "pk").first()
