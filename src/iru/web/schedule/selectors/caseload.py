"""My children: the chair's caseload with each child's next meeting and last RAG rating.

A constant number of queries whatever the caseload's size: the children, with their last
rating as an annotation and their stored next meeting (`schedule.models.NextMeetingDue`, ADR
0009) joined, filtered, sorted and paginated in SQL. The stored rows hold for `today` once the
page has called `schedule.services.schedule_ensure_current(today=today)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import F, OrderBy, Q, QuerySet

from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import chair_caseload
from iru.web.children.models import Child
from iru.web.children.presenters import child_name
from iru.web.core.presenters import rag_tag
from iru.web.disputes.selectors.records import with_last_rating
from iru.web.people.models import User
from iru.web.schedule.models import NextMeetingDue
from iru.web.schedule.selectors.due import DueMeeting, stored_due_meeting


@dataclass(frozen=True)
class CaseloadRow:
    """One child of the caseload, ready for the table."""

    child: Child
    due: DueMeeting | None
    last_rag: str | None
    today: date

    @property
    def name(self) -> str:
        return child_name(self.child)

    @property
    def rag_tag(self) -> tuple[str, str] | None:
        return rag_tag(self.last_rag)

    @property
    def days_left(self) -> str:
        if self.due is None:
            return ""
        days = self.due.working_days_left
        if days < 0:
            return f"{-days} working day{'s' if days != -1 else ''} overdue"
        return f"{days} working day{'s' if days != 1 else ''}"


def caseload_children(
    user: User, *, today: date, filters: dict[str, str] | None = None
) -> QuerySet[Child]:
    """The children currently allocated to the signed-in chair, with their stored next
    meeting (`next_due`, ADR 0009) and last rating, filtered and sorted in SQL."""
    filters = filters or {}
    children = with_last_rating(chair_caseload(user, today=today))
    if filters.get("kind"):
        children = children.filter(next_due__kind=filters["kind"])
    if filters.get("overdue") == "yes":
        children = children.filter(next_due__due__lt=today)
    rag = filters.get("rag")
    if rag:  # `last_rag` is `with_last_rating`'s annotation
        children = children.filter(Q(last_rag__isnull=True) if rag == "none" else Q(last_rag=rag))
    order: tuple[str | OrderBy, ...]
    if filters.get("sort") == "name":
        order = ("family_name", "given_name", "la_child_id", "pk")
    else:
        order = (F("next_due__due").asc(nulls_last=True), "given_name", "family_name", "pk")
    return children.select_related("next_due").order_by(*order)


def caseload_row(child: Child, *, today: date) -> CaseloadRow:
    """A row for a child from `caseload_children`: working days counted for it alone."""
    try:
        stored = child.next_due
    except NextMeetingDue.DoesNotExist:
        stored = None
    due = None if stored is None else stored_due_meeting(stored, today=today)
    return CaseloadRow(child, due, child.last_rag, today)  # type: ignore[attr-defined]


def caseload_for_user(
    user: User, *, today: date, filters: dict[str, str] | None = None, path: str = ""
) -> QuerySet[Child]:
    """`caseload_children` for the page: the read of the caseload is logged."""
    access_event_record(user=user, action="list_my_children", outcome=ALLOWED, path=path)
    return caseload_children(user, today=today, filters=filters)


def caseload_size(user: User, *, today: date) -> int:
    """How many children are allocated to the signed-in chair on `today`."""
    return chair_caseload(user, today=today).count()


def my_caseload(
    user: User, *, today: date, filters: dict[str, str] | None = None
) -> list[CaseloadRow]:
    """The children currently allocated to the signed-in chair, with what is due."""
    return [
        caseload_row(child, today=today)
        for child in caseload_children(user, today=today, filters=filters)
    ]
