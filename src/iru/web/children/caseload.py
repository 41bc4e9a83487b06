"""My children: the chair's caseload with each child's next meeting and last RAG rating.

A constant number of queries whatever the caseload's size: the children, with their last
rating as an annotation and their stored next meeting (`schedule.models.NextMeetingDue`, ADR
0009) joined, filtered, sorted and paginated in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.db.models import F, OuterRef, QuerySet, Subquery

from iru.rules.calendar import working_days_between
from iru.web.children.models import Child
from iru.web.children.presenters import ChildPresenter
from iru.web.children.selectors import children_visible_to, current_allocations
from iru.web.meetings.govuk import GovukFormMixin
from iru.web.rag.models import RagRating
from iru.web.schedule.models import NextMeetingDue
from iru.web.schedule.selectors import KIND_LABELS, DueMeeting
from iru.web.schedule.services import schedule_ensure_current

RAG_TAGS = {"red": "govuk-tag--red", "amber": "govuk-tag--orange", "green": "govuk-tag--green"}


class CaseloadFilterForm(GovukFormMixin, forms.Form):
    """The GET filters of My children; only filters go in the URL, never a child's details."""

    kind = forms.ChoiceField(
        label="Next meeting",
        required=False,
        choices=[("", "Any meeting"), *KIND_LABELS.items()],
    )
    rag = forms.ChoiceField(
        label="Last RAG rating",
        required=False,
        choices=[("", "Any rating"), *RagRating.Rating.choices, ("none", "Not rated")],
    )
    overdue = forms.ChoiceField(
        label="Due",
        required=False,
        choices=[("", "Overdue or not"), ("yes", "Overdue only")],
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[("due", "Due date"), ("name", "Name")],
    )


@dataclass(frozen=True)
class CaseloadRow:
    """One child of the caseload, ready for the table."""

    child: Child
    due: DueMeeting | None
    last_rag: str | None
    today: date

    @property
    def name(self) -> str:
        return ChildPresenter(self.child, self.today).name

    @property
    def rag_tag(self) -> tuple[str, str] | None:
        if not self.last_rag:
            return None
        return RagRating.Rating(self.last_rag).label, RAG_TAGS[self.last_rag]

    @property
    def days_left(self) -> str:
        if self.due is None:
            return ""
        days = self.due.working_days_left
        if days < 0:
            return f"{-days} working day{'s' if days != -1 else ''} overdue"
        return f"{days} working day{'s' if days != 1 else ''}"


def caseload_children(
    user: Any, *, today: date, filters: dict[str, str] | None = None
) -> QuerySet[Child]:
    """The children currently allocated to the signed-in chair, with their stored next
    meeting (`next_due`, ADR 0009) and last rating, filtered and sorted in SQL."""
    schedule_ensure_current(today=today)
    filters = filters or {}
    children = children_visible_to(user, today=today).filter(
        pk__in=current_allocations(today).filter(chair_id=user.staff_id).values("child_id")
    )
    last_rag = RagRating.objects.filter(child=OuterRef("pk")).order_by("-sent", "-pk")
    children = children.annotate(last_rag=Subquery(last_rag.values("rating")[:1]))
    if filters.get("kind"):
        children = children.filter(next_due__kind=filters["kind"])
    if filters.get("overdue") == "yes":
        children = children.filter(next_due__due__lt=today)
    rag = filters.get("rag")
    if rag == "none":
        children = children.filter(last_rag__isnull=True)
    elif rag:
        children = children.filter(last_rag=rag)
    if filters.get("sort") == "name":
        order = ("family_name", "given_name", "la_child_id", "pk")
    else:
        order = (F("next_due__due").asc(nulls_last=True), "given_name", "family_name", "pk")
    return children.select_related("next_due").order_by(*order)


def caseload_row(child: Child, *, today: date) -> CaseloadRow:
    """A row for a child from `caseload_children`: working days counted for it alone."""
    try:
        stored = child.next_due  # type: ignore[attr-defined]
    except NextMeetingDue.DoesNotExist:
        stored = None
    due = None
    if stored is not None:
        due = DueMeeting(
            child_id=child.pk,
            kind=stored.kind,
            due=stored.due,
            working_days_left=working_days_between(today, stored.due),
            overdue=stored.due < today,
            chair_id=stored.chair_id,
        )
    return CaseloadRow(child, due, child.last_rag, today)  # type: ignore[attr-defined]


def my_caseload(
    user: Any, *, today: date, filters: dict[str, str] | None = None
) -> list[CaseloadRow]:
    """The children currently allocated to the signed-in chair, with what is due."""
    return [
        caseload_row(child, today=today)
        for child in caseload_children(user, today=today, filters=filters)
    ]
