"""The monthly RAG report as a document, for a user (scoped to the children they may see) or
for the whole unit (the command line), with the Head of Service's commentary for the month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet

from iru.figures.rag import months_from
from iru.reports.document import ReportDocument
from iru.web.caseloads.scope import children_visible_to
from iru.web.children.models import Child
from iru.web.disputes.selectors.report import (
    every_child,
    first_rating_day,
    month_ratings,
    rag_frame,
    rag_month_report,
    rag_month_report_of,
    ratings_frame,
    ratings_version,
)
from iru.web.imports.selectors import FIGURES_CACHE_SECONDS, latest_import_id
from iru.web.people.models import User
from iru.web.reports.records import narrative_texts

WHOSE: dict[str, str] = {
    User.Role.CHAIR: "Your children",
    User.Role.TEAM_MANAGER: "Your team's children",
}
UNIT = "The unit"


def whose(user: User) -> str:
    """Whose children the report counts, as its heading says."""
    return WHOSE.get(str(user.role), UNIT)


@dataclass(frozen=True)
class RagMonths:
    """The months a user's report can show (first days, latest first) and the one to show
    unless they choose: the last complete month."""

    months: list[date]

    @property
    def default(self) -> date | None:
        if not self.months:
            return None
        return self.months[1] if len(self.months) > 1 else self.months[0]


def rag_months(user: User, *, today: date) -> RagMonths:
    return RagMonths(months_from(first_day(children_visible_to(user, today=today)), today=today))


def first_day(children: QuerySet[Child]) -> date | None:
    """The day the first rating about `children` counts on (`first_rating_day`). The whole
    unit's reads every rating, for every monthly report and every list of months: it is
    cached until an import, or a rating or its reasons saved, moves the key on."""
    if not every_child(children):
        return first_rating_day(children)
    key = f"iru:rag-first-day:{latest_import_id()}:{ratings_version()}"
    found: tuple[date | None] | None = cache.get(key)
    if found is None:
        found = (first_rating_day(children),)
        cache.set(key, found, FIGURES_CACHE_SECONDS)
    return found[0]


def rag_document_for(user: User, *, month: date, today: date) -> ReportDocument:
    """The month's report of the children `user` may see, with the month's commentary: only
    the ratings it counts are read."""
    document = rag_month_report(
        user, frame=rag_frame(user, today=today, month=month), month=month, today=today,
        council=settings.IRU_COUNCIL_NAME, scope=whose(user),
    )  # fmt: skip
    return document.with_narrative(narrative_texts(kind="rag", period=f"{month:%Y-%m}"))


def unit_rag_document(*, month: str, today: date) -> ReportDocument:
    """The whole unit's report of `month` (YYYY-MM); ValueError if no rating falls in a month
    the data covers up to `today`."""
    first = date.fromisoformat(f"{month}-01")
    covered = months_from(first_day(Child.objects.all()), today=today)
    if not covered:
        raise ValueError("no month of RAG ratings")
    if first not in covered:
        raise ValueError(f"the ratings cover {covered[-1]:%B %Y} to {covered[0]:%B %Y}")
    frame = ratings_frame(Child.objects.all(), only=month_ratings(first, today=today))
    document = rag_month_report_of(
        Child.objects.all(), frame=frame, month=first, today=today,
        council=settings.IRU_COUNCIL_NAME, scope=UNIT,
    )  # fmt: skip
    return document.with_narrative(narrative_texts(kind="rag", period=month))
