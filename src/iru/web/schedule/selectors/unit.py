"""The unit's schedule: every child's next statutory meeting overdue or due soon, its chair,
and the meeting convened for it (the admin team's page, and the Head of Service's).

The stored rows hold for `today` once the page has called
`schedule.services.schedule_ensure_current(today=today)`; these reads never write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import children_visible_to
from iru.web.children.models import Child
from iru.web.meetings.models import Convening
from iru.web.meetings.selectors import upcoming_convenings
from iru.web.people.models import Staff, User
from iru.web.schedule.models import NextMeetingDue
from iru.web.schedule.selectors.due import DueMeeting, stored_due_meeting

SOON = timedelta(weeks=4)
PAGE_SIZE = 50


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
    page_obj: Page[NextMeetingDue] | None = None  # this page of the rows, overdue first
    overdue_count: int = 0  # across every page
    soon_count: int = 0


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
    rows = scheduled(children, today=today, chair_id=chair_id, kind=kind)
    page_obj = Paginator(rows.select_related("child", "chair"), per_page).get_page(page)
    schedule = Schedule(page_obj=page_obj)
    if page_obj.paginator.count:
        schedule.overdue_count = rows.filter(due__lt=today).count()
        schedule.soon_count = page_obj.paginator.count - schedule.overdue_count
    stored = list(page_obj)
    booked = upcoming_convenings(today=today, child_ids=[row.child_id for row in stored])
    for row in stored:
        meeting = stored_due_meeting(row, today=today)
        line = ScheduleRow(
            child=row.child,
            due=meeting,
            chair=row.chair,
            convening=booked.get((row.child_id, row.kind)),
        )
        (schedule.overdue if meeting.overdue else schedule.soon).append(line)
    return schedule


def unit_schedule_for_user(
    user: User,
    *,
    today: date,
    chair_id: int | None = None,
    kind: str | None = None,
    page: int | str | None = 1,
    path: str = "",
) -> Schedule:
    """`unit_schedule` of the children `user` may see; the read of the schedule is logged."""
    children = children_visible_to(user, today=today)
    schedule = unit_schedule(children, today=today, chair_id=chair_id, kind=kind, page=page)
    access_event_record(user=user, action="view_schedule", outcome=ALLOWED, path=path)
    return schedule
