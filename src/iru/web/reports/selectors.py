"""Reads for the reports: the unit's own records as a `UnitDataset`, and the year's unit figures.

These are whole-unit aggregates for the Head of Service: no child's record page is read, so no
access event is written per child; the pages that show them are the Head of Service's (and
admin's, read only), never a chair's or a team manager's (the views gate them).
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import polars as pl
from django.core.cache import cache
from django.db.models import Max, Model, QuerySet, TextField
from django.db.models.functions import Cast

from iru.data.dataset import Dataset
from iru.figures.rag import rag_month_figures, rag_year_figures
from iru.figures.unit import UnitDataset, unit_figures
from iru.figures.unit.dataset import unit_frame
from iru.rules.years import reporting_year
from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child
from iru.web.children.selectors import plan_frames
from iru.web.disputes.models import Escalation, EscalationStage
from iru.web.disputes.selectors.report import counted_between, ratings_frame, ratings_version
from iru.web.imports.selectors import FIGURES_CACHE_SECONDS, latest_import_id
from iru.web.imports.unit_records import records_version
from iru.web.meetings.models import Meeting, MeetingChild
from iru.web.people.models import Leave, Post, PostHolding, Staff

# Each frame of the `UnitDataset`: the query and the field each column reads.
_MEETINGS = {
    "meeting_id": "pk",
    "kind": "kind",
    "date": "date",
    "chair_id": "chair_id",
    "outcome": "outcome",
    "attendees": "attendees",
    "cancelled_on": "cancelled_on",
}
_MEETING_CHILDREN = {
    "meeting_id": "meeting_id",
    "child_id": "child__la_child_id",
    "participation": "participation",
    "booklet": "booklet",
}
_ALLOCATIONS = {
    "child_id": "child__la_child_id",
    "kind": "kind",
    "chair_id": "chair_id",
    "start": "start",
    "end": "end",
}
_STAFF = {"staff_id": "pk", "role": "role", "fte": "fte"}
_POSTS = {"post_id": "pk", "kind": "kind", "fte": "fte", "start": "start", "end": "end"}
_HOLDINGS = {
    "holding_id": "pk",
    "post_id": "post_id",
    "staff_id": "staff_id",
    "kind": "kind",
    "start": "start",
    "end": "end",
}
_LEAVES = {"holding_id": "holding_id", "start": "start", "end": "end"}
_ESCALATIONS = {
    "escalation_id": "pk",
    "raised": "raised",
    "stage": "stage",
    "resolved": "resolved",
    "cafcass_referral": "cafcass_referral",
    "cafcass_referred": "cafcass_referred",
}
_ESCALATION_STAGES = {"escalation_id": "escalation_id", "stage": "stage", "started": "started"}


def unit_dataset() -> UnitDataset:
    """Every meeting, allocation, post and escalation the database holds, one query a table."""
    return UnitDataset(
        meetings=_meetings(),
        meeting_children=_frame("meeting_children", MeetingChild.objects.all(), _MEETING_CHILDREN),
        allocations=_frame("allocations", Allocation.objects.all(), _ALLOCATIONS),
        staff=_frame("staff", Staff.objects.all(), _STAFF),
        posts=_frame("posts", Post.objects.all(), _POSTS),
        holdings=_frame("holdings", PostHolding.objects.all(), _HOLDINGS),
        leaves=_frame("leaves", Leave.objects.all(), _LEAVES),
        escalations=_frame("escalations", Escalation.objects.all(), _ESCALATIONS),
        escalation_stages=_frame(
            "escalation_stages", EscalationStage.objects.all(), _ESCALATION_STAGES
        ),
    )


def _meetings() -> pl.DataFrame:
    """The meetings, the roles present read as JSON text and decoded by polars at once (Django
    decodes a JSON field row by row: most of the read for 200,000 meetings)."""
    columns = [column for column in _MEETINGS if column != "attendees"]
    query = Meeting.objects.annotate(roles=Cast("attendees", TextField()))
    rows = list(query.values_list(*(_MEETINGS[c] for c in columns), "roles").iterator(10_000))
    roles = pl.Series("attendees", [row[-1] for row in rows], dtype=pl.String())
    frame = unit_frame("meetings", columns, (row[:-1] for row in rows))
    return _blank_is_null(frame).with_columns(roles.str.json_decode(pl.List(pl.String())))


def _frame(table: str, query: QuerySet[Any], columns: dict[str, str]) -> pl.DataFrame:
    """The rows of `query` as the unit's `table`: blank text is null."""
    rows = query.order_by("pk").values_list(*columns.values())
    return _blank_is_null(unit_frame(table, list(columns), rows.iterator(chunk_size=10_000)))


def _blank_is_null(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col(pl.String).replace("", None))


def year_unit_figures(*, year_end: date, today: date) -> dict[str, Any]:
    """`iru.figures.unit.unit_figures` on the database for `year_end`; the review conferences'
    timeliness from the plans the database holds (`_census_plans`).

    Cached for the day per latest import and latest change of the unit's records: the history
    of meetings, allocations and posts; staff and escalations keep no history, so their rows
    themselves (a few hundred) are read and hashed into the key.
    """
    key = ":".join(
        (
            "iru:unit-figures",
            year_end.isoformat(),
            str(latest_import_id()),
            today.isoformat(),
            "-".join(map(str, records_version())),
            _unit_records_version(),
        )
    )
    figures: dict[str, Any] | None = cache.get(key)
    if figures is None:
        figures = unit_figures(unit_dataset(), _census_plans(), year_end)
        cache.set(key, figures, FIGURES_CACHE_SECONDS)
    return figures


def _census_plans() -> Dataset:
    """The plans and their review conferences the database holds (the returns' and those the
    unit recorded since: what the unit knows, ADR 19), the rest of the returns left unread."""
    plans, reviews = plan_frames()
    return Dataset(cp_plans=plans, cp_reviews=reviews, has_cin=True)


def _unit_records_version() -> str:
    """Moves on whenever an allocation, post, holding, leave, member of staff or escalation
    changes: the latest history row of those with history, a digest of the rows of the rest."""
    latest = [
        model.history.aggregate(latest=Max("history_id"))["latest"]
        for model in (Allocation, Post, PostHolding, Leave)
    ]
    digest = hashlib.sha256()
    for model, columns in (
        (Staff, _STAFF),
        (Escalation, _ESCALATIONS),
        (EscalationStage, _ESCALATION_STAGES),
    ):
        digest.update(repr(list(_rows(model, columns))).encode())
    return "-".join(map(str, latest)) + ":" + digest.hexdigest()[:16]


def _rows(model: type[Model], columns: dict[str, str]) -> QuerySet[Any]:
    return model._default_manager.order_by("pk").values_list(*columns.values())


def year_rag_figures(*, year_end: date, today: date) -> dict[str, Any]:
    """The unit's RAG ratings of the year ending `year_end` (`iru.figures.rag`: by month and
    in total) and, as `last_month`, the reasons given in the year's last month (the seed's
    four charts): only the year's ratings are read, and the figures are cached for the day
    until a rating or a reason changes (every save of one writes a history row)."""
    key = ":".join((
        "iru:rag-figures", year_end.isoformat(), today.isoformat(), str(latest_import_id()),
        ratings_version(),
    ))  # fmt: skip
    figures: dict[str, Any] | None = cache.get(key)
    if figures is None:
        start = reporting_year(year_end).start
        frame = ratings_frame(Child.objects.all(), only=counted_between(start, year_end))
        figures = rag_year_figures(frame, year_end)
        figures["last_month"] = rag_month_figures(frame, year_end, as_at=year_end)["reasons"]
        cache.set(key, figures, FIGURES_CACHE_SECONDS)
    return figures
