"""My children: the chair's caseload with each child's next meeting and last RAG rating.

A constant number of queries whatever the caseload's size: the children (with their last
rating as an annotation), then `schedule.selectors`' prefetches. Filtering and sorting on the
computed due dates happen in Python, on at most a caseload's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.db.models import OuterRef, Subquery

from iru.web.children.models import Child
from iru.web.children.presenters import ChildPresenter
from iru.web.children.selectors import children_visible_to, current_allocations
from iru.web.meetings.govuk import GovukFormMixin
from iru.web.rag.models import RagRating
from iru.web.schedule.selectors import KIND_LABELS, DueMeeting, next_due, with_schedule_records

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


def my_caseload(user: Any, *, today: date) -> list[CaseloadRow]:
    """The children currently allocated to the signed-in chair, with what is due."""
    children = children_visible_to(user, today=today).filter(
        pk__in=current_allocations(today).filter(chair_id=user.staff_id).values("child_id")
    )
    last_rag = RagRating.objects.filter(child=OuterRef("pk")).order_by("-sent", "-pk")
    children = children.annotate(last_rag=Subquery(last_rag.values("rating")[:1]))
    return [
        CaseloadRow(child, next_due(child, today=today), child.last_rag, today)  # type: ignore[attr-defined]
        for child in with_schedule_records(children, today=today)
    ]


def _keep(row: CaseloadRow, filters: dict[str, str]) -> bool:
    if filters.get("kind") and (row.due is None or row.due.kind != filters["kind"]):
        return False
    if filters.get("overdue") == "yes" and (row.due is None or not row.due.overdue):
        return False
    rag = filters.get("rag")
    return not rag or (row.last_rag or "none") == rag


def filtered(rows: list[CaseloadRow], filters: dict[str, str]) -> list[CaseloadRow]:
    """The rows the filters keep, sorted by due date (soonest first) or by name."""
    kept = [row for row in rows if _keep(row, filters)]
    if filters.get("sort") == "name":
        return sorted(kept, key=lambda r: (r.child.family_name, r.child.given_name, r.name))
    return sorted(kept, key=lambda r: (r.due is None, r.due.due if r.due else date.max, r.name))
