"""The write path for allocations: who holds a child's case (chair, social worker, team).

History is kept: a change ends the spell in force and starts a new one; nothing is deleted.
A spell allocated in error is corrected, or cancelled (the spell before it then runs on), by
whoever allocated it or the Head of Service, with a reason; every version is kept (ADR 16).
Spells have an inclusive start and an exclusive end, so a spell ended on `on` no longer counts
on `on`, and `children_visible_to` moves the child to the new chair on that very day. Saving a
spell marks the child's stored next meeting for recomputing (`schedule.receivers`), so the
schedule names the new chair.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from iru.rules.months import add_months
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child
from iru.web.children.presenters import child_name
from iru.web.children.selectors import awaits_a_conference, is_looked_after, is_on_a_plan
from iru.web.core.history import correction_reason, first_version_keep, saved_by
from iru.web.core.upsert import TableCount, upsert_by_external_id
from iru.web.people.models import CHAIR_STAFF_ROLES, Staff, Team, User

# A handover may be planned ahead, but not so far that today's changes would be refused.
REALLOCATE_AHEAD_MONTHS = 3


@transaction.atomic
def allocation_reassign(
    *,
    child: Child,
    kind: str,
    chair: Staff | None = None,
    social_worker: Staff | None = None,
    team: Team | None = None,
    on: date,
    by: User,
    today: date,
) -> Allocation:
    """End `child`'s `kind` allocation in force on `on` and start a new one on `on`.

    A chair, social worker or team left as None is carried over from the spell in force.
    Raises ValidationError when the kind or a person's role is wrong, when `on` is before the
    spell in force started, when a later spell already exists, or when nothing would change.
    """
    _check(kind=kind, chair=chair, social_worker=social_worker)
    if on > add_months(today, REALLOCATE_AHEAD_MONTHS):
        raise ValidationError(
            {
                "effective": f"The new allocation must start within {REALLOCATE_AHEAD_MONTHS} "
                "months of today"
            }
        )
    spells = Allocation.objects.select_for_update().filter(child=child, kind=kind)
    if spells.filter(start__gt=on, cancelled_on=None).exists():
        raise ValidationError("This child already has an allocation starting after that date")
    _case_check(child, kind=kind, on=min(on, today))
    current = list(spells.filter(Q(end__isnull=True) | Q(end__gt=on), start__lte=on))
    latest = max(current, key=lambda spell: spell.start, default=None)
    new = Allocation(
        child=child,
        kind=kind,
        chair=chair or (latest.chair if latest else None),
        social_worker=social_worker or (latest.social_worker if latest else None),
        team=team or (latest.team if latest else None),
        start=on,
        allocated_by=by,
    )
    if latest is not None and _same_holders(latest, new):
        raise ValidationError("The child is already allocated to them")
    for spell in current:
        first_version_keep(spell)
        spell.end = on
        saved_by(spell, by, "Reallocated")
    new.full_clean(exclude=["external_id"])
    saved_by(new, by)
    access_event_record(user=by, action="reallocate_child", outcome=ALLOWED, child=child)
    return new


def may_change_allocation(user: User, spell: Allocation) -> bool:
    """Whoever allocated the spell, or the Head of Service, may correct or cancel it."""
    if user.role == User.Role.HEAD_OF_SERVICE:
        return True
    return spell.allocated_by_id is not None and spell.allocated_by_id == user.pk


def is_latest(spell: Allocation) -> bool:
    """No spell of the same case starts after this one (a cancelled one aside)."""
    later = Allocation.objects.filter(
        child_id=spell.child_id, kind=spell.kind, start__gt=spell.start, cancelled_on=None
    )
    return not later.exists()


def _before(spell: Allocation) -> Allocation | None:
    """The spell this one followed: of the same case, ended the day this one started."""
    earlier = Allocation.objects.select_for_update().filter(
        child_id=spell.child_id, kind=spell.kind, end=spell.start, start__lt=spell.start,
        cancelled_on=None,
    )  # fmt: skip
    return earlier.exclude(pk=spell.pk).order_by("-start", "-pk").first()


def _changeable(spell: Allocation, by: User, reason: str) -> str:
    who = "whoever allocated it or the Head of Service"
    may = may_change_allocation(by, spell)
    return correction_reason(spell, reason, may=may, what="allocation", who=who)


@transaction.atomic
def allocation_correct(
    *,
    spell: Allocation,
    chair: Staff | None,
    social_worker: Staff | None,
    team: Team | None,
    start: date,
    reason: str,
    by: User,
    today: date,
) -> Allocation:
    """Correct who holds a spell, or (for the latest spell) the day it started: the spell
    before it then ends that day instead."""
    why = _changeable(spell, by, reason)
    _check(kind=spell.kind, chair=chair, social_worker=social_worker)
    before = _before(spell)
    if start != spell.start:
        if not is_latest(spell):
            raise ValidationError({"start": "Only the latest allocation's start can be moved"})
        if start > add_months(today, REALLOCATE_AHEAD_MONTHS):
            months = REALLOCATE_AHEAD_MONTHS
            raise ValidationError({"start": f"It must start within {months} months of today"})
        if before is not None and start <= before.start:
            raise ValidationError({"start": "It must start after the allocation before it started"})
        if spell.end is not None and start >= spell.end:
            raise ValidationError({"start": "It must start before it ends"})
    new = (chair, social_worker, team, start)
    if new == (spell.chair, spell.social_worker, spell.team, spell.start):
        raise ValidationError({"__all__": "Nothing has changed"})
    if before is not None and start != spell.start:
        first_version_keep(before)
        before.end = start
        saved_by(before, by, why)
    spell.chair, spell.social_worker, spell.team, spell.start = new
    saved_by(spell, by, why)
    access_event_record(user=by, action="correct_allocation", outcome=ALLOWED, child=spell.child)
    return spell


@transaction.atomic
def allocation_cancel(*, spell: Allocation, reason: str, by: User, today: date) -> Allocation:
    """Cancel the latest spell of a case, made in error: it ends the day it starts (so it
    counts for no day, and stays in the history marked cancelled) and the spell before it
    runs on as if it had never ended."""
    why = _changeable(spell, by, reason)
    if not is_latest(spell):
        raise ValidationError({"__all__": "Only the latest allocation can be cancelled"})
    before = _before(spell)
    ends = spell.end
    spell.end, spell.cancelled_on, spell.cancel_reason = spell.start, today, why
    saved_by(spell, by, why)
    if before is not None:
        first_version_keep(before)
        before.end = ends
        saved_by(before, by, why)
    access_event_record(user=by, action="cancel_allocation", outcome=ALLOWED, child=spell.child)
    return spell


def _check(*, kind: str, chair: Staff | None, social_worker: Staff | None) -> None:
    if kind not in Allocation.Kind.values:
        raise ValidationError(f"Unknown kind of allocation {kind!r}")
    if chair is not None and chair.role not in CHAIR_STAFF_ROLES:
        raise ValidationError(f"{chair.full_name} is not an IRO or a conference chair")
    if social_worker is not None and social_worker.role != Staff.Role.SOCIAL_WORKER:
        raise ValidationError(f"{social_worker.full_name} is not a social worker")


def _case_check(child: Child, *, kind: str, on: date) -> None:
    """A looked-after allocation needs a period of care; a child protection one a plan, or an
    enquiry awaiting its initial conference (a caseload counts only children with a case)."""
    if kind == Allocation.Kind.LAC and not is_looked_after(child, on=on):
        raise ValidationError(
            {"kind": f"{child_name(child)} is not looked after: choose the other case"}
        )
    if (
        kind == Allocation.Kind.CP
        and not is_on_a_plan(child, on=on)
        and not awaits_a_conference(child, on=on)
    ):
        raise ValidationError(
            {
                "kind": f"{child_name(child)} has no child protection plan or enquiry: choose "
                "the other case"
            }
        )


def _same_holders(old: Allocation, new: Allocation) -> bool:
    fields = ("chair_id", "social_worker_id", "team_id")
    return all(getattr(old, f) == getattr(new, f) for f in fields)


def allocations_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert allocations from the unit's files by `external_id` (people and child resolved)."""
    return upsert_by_external_id(Allocation, rows)
