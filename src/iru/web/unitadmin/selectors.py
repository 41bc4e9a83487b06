"""Reads for the admin team: the unit's schedule of statutory meetings, and convenings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from iru.rules.calendar import working_days_between
from iru.web.children.models import Child
from iru.web.people.models import Staff
from iru.web.schedule.models import NextMeetingDue
from iru.web.schedule.selectors import DueMeeting
from iru.web.schedule.services import schedule_ensure_current
from iru.web.unitadmin.models import Convening

SOON = timedelta(weeks=4)
PAGE_SIZE = 50
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
    page_obj: Page | None = None  # this page of the rows, overdue first
    overdue_count: int = 0  # across every page
    soon_count: int = 0


def chairs() -> QuerySet[Staff]:
    """Everyone who chairs meetings, by name."""
    return Staff.objects.filter(role__in=CHAIR_ROLES).order_by("family_name", "given_name")


def scheduled(
    children: QuerySet[Child],
    *,
    today: date,
    chair_id: int | None = None,
    kind: str | None = None,
) -> QuerySet[NextMeetingDue]:
    """The stored next meetings of `children` overdue or due within four weeks of `today`,
    soonest first (ADR 0009: the rows hold for `today` once `schedule_ensure_current` ran)."""
    rows = NextMeetingDue.objects.filter(due__lte=today + SOON)
    if children.query.where:  # a scoped set: admin and the Head of Service see every child
        rows = rows.filter(child__in=children.values("pk"))
    if chair_id is not None:
        rows = rows.filter(chair_id=chair_id)
    if kind:
        rows = rows.filter(kind=kind)
    return rows.order_by("due", "child_id")


def unit_schedule(
    children: QuerySet[Child],
    *,
    today: date,
    chair_id: int | None = None,
    kind: str | None = None,
    page: int | str | None = 1,
    per_page: int = PAGE_SIZE,
) -> Schedule:
    """Meetings overdue, and due within four weeks of `today`, for `children` (already scoped
    by `children_visible_to`), optionally only one chair's or one kind. Soonest first, one
    page of `per_page` rows; working days are counted for that page's rows only."""
    schedule_ensure_current(today=today)
    rows = scheduled(children, today=today, chair_id=chair_id, kind=kind)
    page_obj = Paginator(rows.select_related("child", "chair"), per_page).get_page(page)
    schedule = Schedule(page_obj=page_obj)
    if page_obj.paginator.count:
        schedule.overdue_count = rows.filter(due__lt=today).count()
        schedule.soon_count = page_obj.paginator.count - schedule.overdue_count
    stored = list(page_obj)
    booked = upcoming_convenings(today=today, child_ids=[row.child_id for row in stored])
    for row in stored:
        meeting = DueMeeting(
            child_id=row.child_id,
            kind=row.kind,  # type: ignore[arg-type]
            due=row.due,
            working_days_left=working_days_between(today, row.due),
            overdue=row.due < today,
            chair_id=row.chair_id,
        )
        line = ScheduleRow(
            child=row.child,
            due=meeting,
            chair=row.chair,
            convening=booked.get((row.child_id, row.kind)),
        )
        (schedule.overdue if meeting.overdue else schedule.soon).append(line)
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
