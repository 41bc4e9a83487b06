"""The write path for allocations: who holds a child's case (chair, social worker, team).

History is kept: a change ends the spell in force and starts a new one; nothing is deleted.
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
    if spells.filter(start__gt=on).exists():
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
    )
    if latest is not None and _same_holders(latest, new):
        raise ValidationError("The child is already allocated to them")
    for spell in current:
        spell.end = on
        spell.save(update_fields=["end"])
    new.full_clean(exclude=["external_id"])
    new.save()
    access_event_record(user=by, action="reallocate_child", outcome=ALLOWED, child=child)
    return new


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
