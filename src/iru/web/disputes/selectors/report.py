"""Reads for the monthly RAG report, scoped like every read of children's records: the ratings
of the children `user` may see (`caseloads.scope.children_visible_to`: the Head of Service and
admin the whole unit, a chair their own children, a team manager their team's) as the frame
`iru.figures.rag` counts, the escalations open on a day, and the names the report shows.

The report shows no child's record, so its read is logged once per view (`rag_report_viewed`),
not per child.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import polars as pl
from django.db.models import Count, Max, Min, Q, QuerySet
from django.db.models.functions import Coalesce

from iru.figures.rag import month_span, rag_month_figures, rag_ratings_frame
from iru.reports.document import ReportDocument
from iru.reports.rag_monthly import OpenEscalations, name_overdue, rag_month_document
from iru.rules.months import add_months
from iru.rules.timescales import dispute_resolution_deadline, rag_response_due
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import children_visible_to
from iru.web.children.models import Child
from iru.web.disputes.models import Escalation, EscalationStage, RagRating, RagReason
from iru.web.disputes.selectors.inbox import NEEDS_RESPONSE
from iru.web.meetings.models import Meeting
from iru.web.people.models import Staff, User

_RATING_COLUMNS = (
    "pk", "meeting__kind", "meeting__date", "rating", "team_manager_id", "team_manager__team_id",
    "sent", "response_due", "responded", "cancelled_on",
)  # fmt: skip
REASON_BATCH = 900
# The catalogue's meeting type of each kind of meeting (`iru.rules.rag.MEETING_TYPES`).
MEETING_TYPES = {Meeting.Kind.LAC_REVIEW: "lac", Meeting.Kind.ICPC: "cp", Meeting.Kind.RCPC: "cp"}


def rag_frame(user: User, *, today: date, month: date | None = None) -> pl.DataFrame:
    """The ratings of the children `user` may see on `today` (`iru.figures.rag` frame); with
    `month`, only those its monthly report counts (`month_ratings`)."""
    children = children_visible_to(user, today=today)
    if month is None:
        return ratings_frame(children)
    return ratings_frame(children, only=month_ratings(month, today=today))


def counted_between(first: date, last: date) -> Q:
    """The ratings that count on a day in [first, last]: the day of the meeting they follow,
    or the day they were sent when they follow none (as `rag_ratings_frame`'s `day`)."""
    # The meetings of the days by their date's index, not every rating joined to its meeting.
    held = Meeting.objects.filter(date__range=(first, last)).values("pk")
    return Q(meeting_id__in=held) | Q(meeting__isnull=True, sent__range=(first, last))


def month_ratings(month: date, *, today: date) -> Q:
    """The ratings a month's report reads: those of the month and the month before (by the
    day they count on, or sent in them), and every red or amber one not answered by the day
    the responses are counted on (overdue ones may have been sent in any earlier month)."""
    first, _ = month_span(add_months(month, -1))
    last = month_span(month)[1]
    as_at = min(last, today)
    awaiting = Q(rating__in=NEEDS_RESPONSE, sent__lte=as_at) & (
        Q(responded__isnull=True) | Q(responded__gt=as_at)
    )
    return counted_between(first, last) | Q(sent__range=(first, last)) | awaiting


def rag_first_day(user: User, *, today: date) -> date | None:
    """The day the first rating about the children `user` may see counts on (the meeting's
    date, or the day it was sent), cancelled ones aside: where the report's months begin."""
    return first_rating_day(children_visible_to(user, today=today))


def first_rating_day(children: QuerySet[Child]) -> date | None:
    """`rag_first_day` for the ratings about `children`."""
    if every_child(children):
        return _first_day(RagRating.objects.all())
    return _first_day(RagRating.objects.filter(child_id__in=children.values("pk")))


def _first_day(ratings: QuerySet[RagRating]) -> date | None:
    counted = ratings.filter(cancelled_on__isnull=True)
    first: date | None = counted.aggregate(first=Min(Coalesce("meeting__date", "sent")))["first"]
    return first


def ratings_version() -> str:
    """Moves on whenever a rating, or the reasons it gives, is saved or an import brings
    some: the latest history row of the ratings (each save writes one) and the latest and
    number of reason links (a reason taken off leaves a gap). An import writes no history:
    a cache keyed on this is keyed on the latest import too."""
    ratings = RagRating.history.aggregate(latest=Max("history_id"))["latest"]
    links = RagRating.reasons.through.objects.aggregate(latest=Max("pk"), count=Count("pk"))
    return f"{ratings}-{links['latest']}-{links['count']}"


def every_child(children: QuerySet[Child]) -> bool:
    """`children` is every child (the Head of Service's, admin's and the command line's
    scope): then the ratings need no filter by child, which costs a join over every child."""
    return children.model is Child and not children.query.has_filters()


def ratings_frame(children: QuerySet[Child], *, only: Q | None = None) -> pl.DataFrame:
    """Every rating about `children` (cancelled ones flagged), in two queries: the ratings,
    then their reasons.

    `day` is the date of the meeting the rating follows, or the day it was sent when it
    follows none; `meeting_type` comes from the meeting's kind, or else from the catalogue's
    type of its reasons. A red or amber rating with no recorded deadline gets the local
    default (`iru.rules.timescales.rag_response_due`) from the day it was sent.
    """
    ratings = RagRating.objects.all()
    if not every_child(children):
        ratings = ratings.filter(child_id__in=children.values("pk"))
    if only is not None:
        ratings = ratings.filter(only)
    rows = list(ratings.values_list(*_RATING_COLUMNS))
    reasons: dict[int, list[str]] = {}
    reason_types: dict[int, str] = {}
    # The reasons of the ratings read, by their ids in batches (each an index lookup; the
    # ratings' filter again as a subquery scanned every link); a batch stays under SQLite's
    # limit of bound parameters.
    ids = [row[0] for row in rows]
    for start in range(0, len(ids), REASON_BATCH):
        links = RagRating.reasons.through.objects.filter(
            ragrating_id__in=ids[start : start + REASON_BATCH]
        ).values_list("ragrating_id", "ragreason__code", "ragreason__meeting_type")
        for rating_id, code, kind in links:
            reasons.setdefault(rating_id, []).append(code)
            if kind:
                reason_types.setdefault(rating_id, kind)
    return rag_ratings_frame(_rating_row(row, reasons, reason_types) for row in rows)


def _rating_row(
    row: tuple[Any, ...], reasons: dict[int, list[str]], reason_types: dict[int, str]
) -> dict[str, Any]:
    pk, kind, held, rating, manager, team, sent, due, responded, cancelled = row
    if due is None and sent is not None and rating in NEEDS_RESPONSE:
        due = rag_response_due(sent, rating)
    return {
        "rating_id": pk,
        "day": held or sent,
        "meeting_type": MEETING_TYPES.get(kind) or reason_types.get(pk),
        "rating": rating,
        "reasons": reasons.get(pk, ()),
        "team_id": team,
        "team_manager_id": manager,
        "sent": sent,
        "response_due": due,
        "responded": responded,
        "cancelled": cancelled is not None,
    }


def reason_wordings() -> dict[str, str]:
    """Every reason's wording by code, retired ones and codes seen only in files included."""
    return dict(RagReason.objects.values_list("code", "text"))


def team_manager_names(ids: Iterable[int | None]) -> tuple[dict[int, str], dict[int, str]]:
    """The team managers' names by id, and their teams' names by team id."""
    staff = Staff.objects.filter(pk__in=[pk for pk in ids if pk is not None])
    managers, teams = {}, {}
    for pk, given, family, team, team_name in staff.values_list(
        "pk", "given_name", "family_name", "team_id", "team__name"
    ):
        managers[pk] = f"{given} {family}".strip()
        if team is not None:
            teams[team] = team_name
    return managers, teams


def open_escalations_by_stage(user: User, *, on: date, today: date) -> list[OpenEscalations]:
    """Escalations about the children `user` may see on `today` that were open on `on`
    (raised by then, not resolved by then), by the stage they had reached on `on`: every
    stage, with how many were past that stage's due date (a stage is still due on the day)."""
    return open_escalations_of(children_visible_to(user, today=today), on=on)


def open_escalations_of(children: QuerySet[Child], *, on: date) -> list[OpenEscalations]:
    """`open_escalations_by_stage` for the escalations about `children`."""
    visible = children.values("pk")
    unresolved = Q(resolved__isnull=True) | Q(resolved__gt=on)
    escalations = Escalation.objects.filter(unresolved, child_id__in=visible, raised__lte=on)
    stages: dict[int, tuple[int, date]] = {}
    started = EscalationStage.objects.filter(escalation__in=escalations, started__lte=on)
    for escalation_id, stage, due in started.values_list("escalation_id", "stage", "due"):
        if stage >= stages.get(escalation_id, (0, due))[0]:
            stages[escalation_id] = (stage, due)
    counts = {stage: [0, 0] for stage in Escalation.Stage.values}
    for pk, stage, stage_due, raised in escalations.values_list(
        "pk", "stage", "stage_due", "raised"
    ):
        reached, due = stages.get(pk, (stage, stage_due or dispute_resolution_deadline(raised)))
        counts[reached][0] += 1
        counts[reached][1] += due < on
    return [OpenEscalations(label, *counts[stage]) for stage, label in Escalation.Stage.choices]


def rag_report_viewed(user: User, *, path: str) -> None:
    """Log one view of the monthly RAG report (it shows no child's record, so no child)."""
    access_event_record(user=user, action="view_rag_report", outcome=ALLOWED, path=path)


def rag_month_report(
    user: User, *, frame: pl.DataFrame, month: date, today: date, council: str, scope: str
) -> ReportDocument:
    """The monthly RAG report of the month holding `month`, from `frame` (`rag_frame` of the
    same user and day): responses and escalations as at the month's last day, or `today`
    while the month is not over. Not logged: the caller logs the view (`rag_report_viewed`)."""
    children = children_visible_to(user, today=today)
    return rag_month_report_of(children, frame=frame, month=month, today=today,
                               council=council, scope=scope)  # fmt: skip


def rag_month_report_of(
    children: QuerySet[Child], *, frame: pl.DataFrame, month: date, today: date, council: str,
    scope: str,
) -> ReportDocument:  # fmt: skip
    """`rag_month_report` for `children` (the whole unit's, for the command line)."""
    as_at = min(month_span(month)[1], today)
    figures = rag_month_figures(frame, month, as_at=as_at)
    managers, teams = team_manager_names(row["team_manager"] for row in figures["overdue"])
    return rag_month_document(
        figures,
        month=month,
        reasons=reason_wordings(),
        overdue=name_overdue(figures["overdue"], team_managers=managers, teams=teams),
        escalations=open_escalations_of(children, on=as_at),
        council=council,
        scope=scope,
        made_on=today,
    )
