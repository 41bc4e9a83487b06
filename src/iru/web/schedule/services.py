"""The one writer of the stored next due dates (`NextMeetingDue`, ADR 0009).

`schedule_refresh` recomputes children's rows with `selectors.due.next_meetings_due` (the pure
rules of `iru.rules.timescales`), 2,000 children at a time; the import and `iru demo` call it.
A save of a child's records marks the child stale (`receivers`). The pages call
`schedule_ensure_current` before they read, which recomputes the stale children and, when the
day has changed, moves every stored row to `today`, recomputing only the children whose records
have a date between the stored day and `today` (the only children whose answer can differ).
Nothing here reads the clock: `today` is always passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet

from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child, CinDetail, CpPlan, Episode, Section47
from iru.web.children.selectors import open_plans, pending_section47s
from iru.web.schedule.models import NextDueRefresh, NextMeetingDue, StaleNextDue
from iru.web.schedule.selectors.due import next_meetings_due

BATCH_SIZE = 2000
STATE_PK = 1


def children_with_something_due(children: QuerySet[Child], *, today: date) -> QuerySet[Child]:
    """`children` who may have a statutory meeting due on `today`: an open episode, an open
    plan or a section 47 enquiry awaiting its conference (in SQL, one query)."""
    open_episode = Episode.objects.filter(
        Q(dec__isnull=True) | Q(dec__gt=today), child=OuterRef("pk"), decom__lte=today
    )
    plan = open_plans(today).filter(child=OuterRef("pk"))
    enquiry = pending_section47s(today).filter(child=OuterRef("pk"))
    return children.filter(Exists(open_episode) | Exists(plan) | Exists(enquiry))


def children_with_dates_between(first: date, second: date) -> set[int]:
    """Children with a record date in (earlier, later]: the only children whose next meeting
    can differ between the two days (every rule compares a date with `today` as `<= today` or
    `> today`)."""
    low, high = min(first, second), max(first, second)
    if low == high:
        return set()

    def between(*fields: str) -> Q:
        found = Q()
        for name in fields:
            found |= Q(**{f"{name}__gt": low, f"{name}__lte": high})
        return found

    ids: set[int] = set()
    for model, fields in (
        (Episode, ("decom", "dec")),
        (CpPlan, ("start", "end", "ended_by_conference")),
        (Section47, ("start",)),
        (CinDetail, ("closure_date",)),
        (Allocation, ("start", "end")),
    ):
        ids.update(model.objects.filter(between(*fields)).values_list("child_id", flat=True))
    return ids


def _batches(ids: Iterable[int]) -> Iterator[list[int]]:
    batch: list[int] = []
    for pk in ids:
        batch.append(pk)
        if len(batch) == BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def _refresh_ids(ids: list[int], *, today: date) -> int:
    """Recompute the rows of the children `ids` (one batch); returns the rows written."""
    candidates = children_with_something_due(Child.objects.filter(pk__in=ids), today=today)
    due = next_meetings_due(candidates, today=today)
    NextMeetingDue.objects.filter(child_id__in=ids).exclude(child_id__in=list(due)).delete()
    NextMeetingDue.objects.bulk_create(
        [
            NextMeetingDue(
                child_id=m.child_id, kind=m.kind, due=m.due, chair_id=m.chair_id, computed_on=today
            )
            for m in due.values()
        ],
        update_conflicts=True,
        unique_fields=["child"],
        update_fields=["kind", "due", "chair", "computed_on"],
    )
    return len(due)


def _take_stale() -> set[int]:
    """The children marked stale, unmarked now: deleted before they are recomputed, so a mark
    written meanwhile (by a save after our read of its records) survives to the next call."""
    ids = set(StaleNextDue.objects.values_list("child_id", flat=True))
    for batch in _batches(sorted(ids)):
        StaleNextDue.objects.filter(child_id__in=batch).delete()
    return ids


def _refresh_all(*, today: date) -> int:
    wanted = children_with_something_due(Child.objects.all(), today=today)
    ids = list(wanted.order_by("pk").values_list("pk", flat=True))
    written = sum(_refresh_ids(batch, today=today) for batch in _batches(ids))
    NextMeetingDue.objects.exclude(child_id__in=wanted.values("pk")).delete()
    return written


@transaction.atomic
def schedule_refresh(*, children: QuerySet[Child] | None = None, today: date) -> int:
    """Store the next statutory meeting due of `children` (every child when None) on `today`.

    When the stored rows are for another day, the children whose answer may have changed
    since are recomputed too, so every row then holds for `today`. Serialised by a lock on
    the one `NextDueRefresh` row (PostgreSQL), taken only when the day changes or for a full
    refresh. Returns the number of rows written.
    """
    current = NextDueRefresh.objects.filter(pk=STATE_PK, computed_on=today).exists()
    if current and children is not None:  # no lock: writers of other children need not wait
        wanted = _take_stale() | set(children.values_list("pk", flat=True))
        return sum(_refresh_ids(batch, today=today) for batch in _batches(sorted(wanted)))
    state = NextDueRefresh.objects.select_for_update().filter(pk=STATE_PK).first()
    if state is None or children is None:
        _take_stale()
        written = _refresh_all(today=today)
        NextDueRefresh.objects.update_or_create(pk=STATE_PK, defaults={"computed_on": today})
        return written
    written = 0
    stale = _take_stale()
    if state.computed_on != today:
        stale |= children_with_dates_between(state.computed_on, today)
    ids = sorted(stale | set(children.values_list("pk", flat=True)))
    for batch in _batches(ids):
        written += _refresh_ids(batch, today=today)
    if state.computed_on != today:
        NextMeetingDue.objects.exclude(computed_on=today).update(computed_on=today)
        state.computed_on = today
        state.save(update_fields=["computed_on"])
    return written


def schedule_ensure_current(*, today: date) -> None:
    """Make the stored rows hold for `today`: one cheap query when they already do (stored for
    `today`, and no child marked stale since)."""
    stale = StaleNextDue.objects.all()
    current = NextDueRefresh.objects.filter(pk=STATE_PK, computed_on=today).exclude(Exists(stale))
    if not current.exists():
        schedule_refresh(children=Child.objects.none(), today=today)


def schedule_mark_stale(child_ids: Iterable[int | None]) -> None:
    """Mark children whose records changed: the next `schedule_ensure_current` recomputes them."""
    ids = sorted({pk for pk in child_ids if pk is not None})
    StaleNextDue.objects.bulk_create(
        [StaleNextDue(child_id=pk) for pk in ids], ignore_conflicts=True
    )
