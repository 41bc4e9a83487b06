"""Reads for the admin team: the unit's schedule of statutory meetings, and convenings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import QuerySet

from iru.web.children.models import Child
from iru.web.people.models import Staff
from iru.web.schedule.selectors import DueMeeting, next_meetings_due
from iru.web.unitadmin.models import Convening

SOON = timedelta(weeks=4)
CHAIR_ROLES = (Staff.Role.IRO, Staff.Role.ICC)


@dataclass(frozen=True)
class ScheduleRow:
    """A child's next statutory meeting, its chair, and the meeting convened for it, if any."""

    child: Child
    due: DueMeeting
    chair: Staff | None
    convening: Convening | None

    @property
    def working_days_overdue(self) -> int:
        return max(0, -self.due.working_days_left)


@dataclass
class Schedule:
    overdue: list[ScheduleRow] = field(default_factory=list)
    soon: list[ScheduleRow] = field(default_factory=list)


def chairs() -> QuerySet[Staff]:
    """Everyone who chairs meetings, by name."""
    return Staff.objects.filter(role__in=CHAIR_ROLES).order_by("family_name", "given_name")


def unit_schedule(
    children: QuerySet[Child],
    *,
    today: date,
    chair_id: int | None = None,
    kind: str | None = None,
) -> Schedule:
    """Meetings overdue, and due within four weeks of `today`, for `children` (already scoped
    by `children_visible_to`), optionally only one chair's or one kind. Soonest first."""
    due = next_meetings_due(children, today=today)
    wanted = [
        meeting
        for meeting in due.values()
        if meeting.due <= today + SOON
        and (chair_id is None or meeting.chair_id == chair_id)
        and (kind is None or meeting.kind == kind)
    ]
    wanted.sort(key=lambda m: (m.due, m.child_id))
    by_pk = Child.objects.in_bulk([m.child_id for m in wanted])
    staff = Staff.objects.in_bulk({m.chair_id for m in wanted if m.chair_id is not None})
    booked = upcoming_convenings(today=today, child_ids=list(by_pk))
    schedule = Schedule()
    for meeting in wanted:
        row = ScheduleRow(
            child=by_pk[meeting.child_id],
            due=meeting,
            chair=staff.get(meeting.chair_id) if meeting.chair_id else None,
            convening=booked.get((meeting.child_id, meeting.kind)),
        )
        (schedule.overdue if meeting.overdue else schedule.soon).append(row)
    return schedule


def upcoming_convenings(*, today: date, child_ids: list[int]) -> dict[tuple[int, str], Convening]:
    """The earliest meeting convened from `today` on, by (child id, kind)."""
    found: dict[tuple[int, str], Convening] = {}
    convenings = (
        Convening.objects.filter(date__gte=today, children__in=child_ids)
        .order_by("-date", "-pk")
        .prefetch_related("children")
        .distinct()
    )
    for convening in convenings:
        for child in convening.children.all():
            found[(child.pk, convening.kind)] = convening  # earliest wins: last written
    return found


def convenings_for(children: QuerySet[Child]) -> QuerySet[Convening]:
    """Convened meetings for any of `children` (already scoped), soonest first."""
    return (
        Convening.objects.filter(
            pk__in=Convening.objects.filter(children__in=children.values("pk")).values("pk")
        )
        .select_related("chair")
        .prefetch_related("children", "invitees")
        .order_by("date", "pk")
    )
