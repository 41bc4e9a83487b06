"""The next statutory meeting each child needs, in a constant number of queries.

Reads prefetch a child's records once; the due dates then follow from `iru.rules.timescales`
by pure computation (`next_due`). Callers pass children already scoped by
`caseloads.scope.children_visible_to`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from django.db.models import Prefetch, QuerySet

from iru.rules.calendar import working_days_left
from iru.rules.periods import open_period
from iru.rules.timescales import icpc_due, lac_review_due, rcpc_due
from iru.web.caseloads.models import Allocation
from iru.web.caseloads.scope import current_allocations
from iru.web.children.models import Child
from iru.web.children.selectors import open_plans, pending_section47s
from iru.web.schedule.models import NextMeetingDue

MeetingKind = Literal["lac_review", "icpc", "rcpc"]
KIND_LABELS: dict[str, str] = {
    "lac_review": "LAC review",
    "icpc": "Initial conference",
    "rcpc": "Review conference",
}
_ALLOCATION_KIND = {"lac_review": "lac", "icpc": "cp", "rcpc": "cp"}


@dataclass(frozen=True)
class DueMeeting:
    """A child's next statutory meeting: its kind, last day, and working days left."""

    child_id: int
    kind: MeetingKind
    due: date
    working_days_left: int  # negative when overdue
    overdue: bool
    chair_id: int | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def with_schedule_records(children: QuerySet[Child], *, today: date) -> QuerySet[Child]:
    """`children` with what `next_due` reads prefetched: six queries, whatever their number."""
    return children.prefetch_related(
        Prefetch("episodes", to_attr="due_episodes"),
        Prefetch("lac_reviews", to_attr="due_reviews"),
        Prefetch(
            "cp_plans",
            queryset=open_plans(today).prefetch_related("reviews"),
            to_attr="due_plans",
        ),
        Prefetch("section47s", queryset=pending_section47s(today), to_attr="due_s47s"),
        Prefetch("allocations", queryset=current_allocations(today), to_attr="due_allocations"),
    )


def _candidates(child: Child, today: date) -> Iterable[tuple[MeetingKind, date]]:
    period = open_period(child.due_episodes, today=today)  # type: ignore[attr-defined]
    if period is not None:
        held = [r.review for r in child.due_reviews if r.review >= period.start]  # type: ignore[attr-defined]
        yield "lac_review", lac_review_due(period.start, held, short_breaks=period.short_breaks)
    for plan in child.due_plans:  # type: ignore[attr-defined]
        held = [r.review_date for r in plan.reviews.all() if r.review_date >= plan.start]
        yield "rcpc", rcpc_due(plan.start, held)
    for enquiry in child.due_s47s:  # type: ignore[attr-defined]
        yield "icpc", icpc_due(enquiry.start)


def _chair_id(allocations: list[Allocation], kind: MeetingKind) -> int | None:
    wanted = _ALLOCATION_KIND[kind]
    chairs = [a for a in allocations if a.chair_id is not None]
    matching = [a for a in chairs if a.kind == wanted]
    chosen = matching or chairs
    return chosen[0].chair_id if chosen else None


def next_due(child: Child, *, today: date) -> DueMeeting | None:
    """The earliest meeting due for a child prefetched by `with_schedule_records`, or None."""
    candidates = sorted(_candidates(child, today), key=lambda pair: pair[1])
    if not candidates:
        return None
    kind, due = candidates[0]
    return DueMeeting(
        child_id=child.pk,
        kind=kind,
        due=due,
        working_days_left=working_days_left(today, due),
        overdue=due < today,
        chair_id=_chair_id(child.due_allocations, kind),  # type: ignore[attr-defined]
    )


def next_meetings_due(children: QuerySet[Child], *, today: date) -> dict[int, DueMeeting]:
    """Each child's next statutory meeting, by child id; children with none are left out.

    A constant number of queries whatever the number of children (one for the children,
    then one per prefetched table).
    """
    due: dict[int, DueMeeting] = {}
    for child in with_schedule_records(children, today=today):
        meeting = next_due(child, today=today)
        if meeting is not None:
            due[child.pk] = meeting
    return due


def next_meetings_due_of(children: Iterable[Child], *, today: date) -> dict[int, DueMeeting]:
    """`next_meetings_due` for children already fetched (for the user), by child id."""
    return next_meetings_due(Child.objects.filter(pk__in=[c.pk for c in children]), today=today)


def next_meetings_due_for(child: Child, *, today: date) -> DueMeeting | None:
    """One child's next statutory meeting, computed now (not the stored row)."""
    return next_meetings_due_of([child], today=today).get(child.pk)


def stored_due_meeting(row: NextMeetingDue, *, today: date) -> DueMeeting:
    """A stored next meeting (ADR 0009) with its working days left counted for `today`."""
    kinds: dict[str, MeetingKind] = {"lac_review": "lac_review", "icpc": "icpc", "rcpc": "rcpc"}
    return DueMeeting(
        child_id=row.child_id,
        kind=kinds[row.kind],
        due=row.due,
        working_days_left=working_days_left(today, row.due),
        overdue=row.due < today,
        chair_id=row.chair_id,
    )


@dataclass(frozen=True)
class StoredDue:
    """A child's stored next meeting, as far as a change of it matters: kind and last day."""

    la_child_id: str
    kind: str
    due: date


def stored_next_due() -> dict[int, StoredDue]:
    """Every stored next meeting (ADR 0009), by child primary key: one query, for comparing
    the schedule before and after a bulk write (the import)."""
    rows = NextMeetingDue.objects.values_list("child_id", "child__la_child_id", "kind", "due")
    return {pk: StoredDue(la_id, kind, due) for pk, la_id, kind, due in rows.iterator(2000)}
