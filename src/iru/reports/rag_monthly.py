"""The monthly RAG report as a document: the month's ratings, their reasons, the themes, the
responses and the escalations open (the seed's "Dispute Resolution Process": "A monthly report
is produced reporting on the rag ratings for that month and themes around practice identified
and areas of improved practice highlighted").

`rag_month_document` lays out `iru.figures.rag.rag_month_figures` and the names the web app
looked up; it computes nothing but totals and shares of the figures' own counts. Reasons are
shown in the unit's wording, never as codes alone; the overdue responses are by team manager,
never by child. Pure: the web page, the PDF and the Word document draw the same document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from iru.reports.document import Chart, ReportDocument, Section, Series, Table, share
from iru.reports.rag_reasons import (
    MEETING_TYPE_NAMES,
    colour_sections,
    month_name,
    theme_tables,
)
from iru.rules.rag import RATINGS

TITLE = "Monthly RAG report"


@dataclass(frozen=True)
class OverdueRow:
    """Responses overdue to one team manager's ratings: how many, and the oldest due date."""

    team_manager: str
    team: str
    overdue: int
    oldest_due: date


@dataclass(frozen=True)
class OpenEscalations:
    """Escalations open at a stage on the day: how many, and how many past the stage's due
    date."""

    stage: str
    open: int
    past_due: int


def name_overdue(
    overdue: Sequence[Mapping[str, Any]],
    *,
    team_managers: Mapping[int, str],
    teams: Mapping[int, str],
) -> list[OverdueRow]:
    """The figures' `overdue` rows (ids) with the team managers' and teams' names, in order."""
    return [
        OverdueRow(
            team_manager=team_managers.get(row["team_manager"], "No team manager recorded"),
            team=teams.get(row["team"], "No team recorded"),
            overdue=row["overdue"],
            oldest_due=date.fromisoformat(row["oldest_due"]),
        )
        for row in overdue
    ]


def rag_month_document(
    figures: Mapping[str, Any],
    *,
    month: date,
    reasons: Mapping[str, str],
    overdue: Sequence[OverdueRow],
    escalations: Sequence[OpenEscalations],
    council: str,
    scope: str,
    made_on: date,
) -> ReportDocument:
    """The month's report from `rag_month_figures` (of the month holding `month`: ValueError
    for another), the reasons' wording by code, the overdue responses by team manager and the
    escalations open by stage on the figures' `as_at` day. `scope` says whose children ("" for
    the unit's); the commentary section is left for the Head of Service's words."""
    if figures["month"] != f"{month:%Y-%m}":
        raise ValueError(f"the figures are for {figures['month']}, not {month:%Y-%m}")
    as_at = date.fromisoformat(figures["as_at"])
    sections = (
        ratings_section(figures),
        *colour_sections(figures, reasons),
        theme_section(figures, reasons),
        responses_section(figures, overdue, as_at),
        escalations_section(escalations, as_at),
        Section("commentary", "Commentary", narrative_key="commentary"),
    )
    return ReportDocument(
        kind="rag",
        title=TITLE,
        subtitle=month_name(figures["month"]),
        council=council,
        period=figures["month"],
        made_on=made_on,
        sections=sections,
        scope=scope,
        notes=_notes(figures, as_at),
    )


def _notes(figures: Mapping[str, Any], as_at: date) -> tuple[str, ...]:
    notes = [
        "A rating counts in the month of the meeting it follows (the day it was sent when it "
        "follows none). Cancelled ratings are not counted.",
        f"Responses and escalations as at {as_at:%-d %B %Y}.",
    ]
    if "unknown" in figures["ratings"]:
        notes.append(
            "Some ratings follow no meeting recorded and give no catalogued reason: their "
            "meeting type is not known, and they are counted only in section 1."
        )
    return tuple(notes)


def ratings_section(figures: Mapping[str, Any]) -> Section:
    """1. The month's ratings by meeting type and colour, the month before beside."""
    this, before = figures["ratings"], figures["previous_ratings"]
    previous = month_name(figures["previous_month"])
    rows = [
        (MEETING_TYPE_NAMES[kind], _colour_cells(this[kind]) + _colour_cells(before[kind]))
        for kind in this
    ]
    totals = tuple(sum(cells[i] for _, cells in rows) for i in range(8))
    columns = ("Red", "Amber", "Green", "Total")
    table = Table(
        id="rag-ratings",
        caption=f"RAG ratings in {month_name(figures['month'])}, by meeting type",
        columns=("Meeting type", *columns, *(f"{c}, {previous}" for c in columns)),
        rows=(*rows, ("Total", totals)),
        source="unit.rag.month.ratings; unit.rag.month.previous_ratings",
        total_row=True,
    )
    chart = Chart(
        id="rag-ratings-chart",
        title=f"RAG ratings in {month_name(figures['month'])}, by meeting type",
        table_id=table.id,
        kind="column",
        series=(Series(0), Series(1), Series(2)),
        y_label="Ratings",
        summary="Red, amber and green ratings of LAC reviews and child protection conferences.",
    )
    return Section("ratings", "Ratings this month", (chart, table))


def _colour_cells(counts: Mapping[str, int]) -> tuple[int, ...]:
    values = tuple(counts[colour] for colour in RATINGS)
    return (*values, sum(values))


def theme_section(figures: Mapping[str, Any], reasons: Mapping[str, str]) -> Section:
    """5. The reasons given most often, and how that changed from the month before."""
    return Section("themes", "Themes", theme_tables(figures, reasons))


def responses_section(
    figures: Mapping[str, Any], overdue: Sequence[OverdueRow], as_at: date
) -> Section:
    """6. Responses to the month's red and amber ratings; those overdue, by team manager."""
    counts = figures["responses"]
    sent = counts["sent"]
    rows = tuple(
        (label, (counts[key], share(counts[key], sent)))
        for key, label in (
            ("on_time", "Answered on time"),
            ("late", "Answered late"),
            ("awaiting", "Awaiting a response"),
        )
    )
    answers = Table(
        id="rag-responses",
        caption=f"Responses to the red and amber ratings sent in "
        f"{month_name(figures['month'])}, as at {as_at:%-d %B %Y}",
        columns=("Response", "Ratings", "Share"),
        rows=(*rows, ("Total", (sent, share(sent, sent)))),
        source="unit.rag.month.responses",
        total_row=True,
    )
    return Section("responses", "Responses", (answers, overdue_table(overdue, as_at)))


def overdue_table(overdue: Sequence[OverdueRow], as_at: date) -> Table:
    """Responses overdue on `as_at`, one row a team manager, and their total."""
    rows = tuple(
        (row.team_manager, (row.team, row.overdue, f"{row.oldest_due:%-d %B %Y}"))
        for row in overdue
    )
    oldest = min((row.oldest_due for row in overdue), default=None)
    total = ("Total", ("", sum(row.overdue for row in overdue), _day_text(oldest)))
    return Table(
        id="rag-overdue",
        caption=f"Responses overdue on {as_at:%-d %B %Y}, by team manager",
        columns=("Team manager", "Team", "Overdue responses", "Oldest due date"),
        rows=(*rows, total),
        note="" if rows else f"No response was overdue on {as_at:%-d %B %Y}.",
        source="unit.rag.month.overdue",
        total_row=True,
    )


def _day_text(day: date | None) -> str:
    return "" if day is None else f"{day:%-d %B %Y}"


def escalations_section(escalations: Sequence[OpenEscalations], as_at: date) -> Section:
    """7. Escalations open on `as_at`, by the stage they had reached."""
    rows = tuple((row.stage, (row.open, row.past_due)) for row in escalations)
    total = ("Total", (sum(r.open for r in escalations), sum(r.past_due for r in escalations)))
    table = Table(
        id="rag-escalations",
        caption=f"Escalations open on {as_at:%-d %B %Y}, by stage",
        columns=("Stage", "Open", "Past the stage's due date"),
        rows=(*rows, total),
        source="the unit's escalations",
        total_row=True,
    )
    return Section("escalations", "Escalations open", (table,))
