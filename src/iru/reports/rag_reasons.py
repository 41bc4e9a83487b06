"""The monthly RAG report's reasons: red and green reasons by meeting type with their charts
(the seed's four "March 2016 - CP/LAC Red/Green RAG Ratings" charts), the amber reasons, and
the themes. Each reason is shown in the unit's wording (`RagReason.text`), never as a code
alone."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from iru.reports.document import Block, Chart, Section, Series, Table

MEETING_TYPE_NAMES = {
    "lac": "LAC reviews",
    "cp": "Child protection conferences",
    "unknown": "Meeting type not recorded",
}
_MEETING_TYPE_SINGULAR = {"lac": "LAC review", "cp": "Child protection conference"}
_IN_A_SENTENCE = {"lac": "LAC reviews", "cp": "child protection conferences"}
_CHANGES = {"new": "New", "up": "Up", "down": "Down", "same": "Same"}


def month_name(label: str) -> str:
    """ "2016-03" as "March 2016"."""
    return f"{date.fromisoformat(label + '-01'):%B %Y}"


def reason_text(code: str, reasons: Mapping[str, str]) -> str:
    """A reason's wording; a code the catalogue has no wording for says so beside the code."""
    text = reasons.get(code, "")
    return text if text and text != code else f"{code} (not in the unit's catalogue)"


def colour_sections(figures: Mapping[str, Any], reasons: Mapping[str, str]) -> list[Section]:
    """2. CP conferences' red and green reasons; 3. LAC reviews' (tables and bar charts);
    4. the amber reasons of both (tables)."""
    sections = [
        Section(
            kind,
            MEETING_TYPE_NAMES[kind],
            (
                *reason_blocks(figures, reasons, kind, "red"),
                *reason_blocks(figures, reasons, kind, "green"),
            ),
        )
        for kind in ("cp", "lac")
    ]
    amber = tuple(reason_table(figures, reasons, kind, "amber") for kind in ("cp", "lac"))
    return [*sections, Section("amber", "Amber reasons", amber)]


def reason_blocks(
    figures: Mapping[str, Any], reasons: Mapping[str, str], kind: str, colour: str
) -> tuple[Block, ...]:
    """A reason table and its horizontal bar chart (no chart when no reason was given)."""
    table = reason_table(figures, reasons, kind, colour)
    if not table.rows:
        return (table,)
    chart = Chart(
        id=f"{table.id}-chart",
        title=table.caption,
        table_id=table.id,
        kind="bar",
        series=(Series(0),),
        y_label="Ratings giving the reason",
        summary=f"How many {colour} ratings of {_IN_A_SENTENCE[kind]} gave each reason.",
    )
    return (chart, table)


def reason_table(
    figures: Mapping[str, Any], reasons: Mapping[str, str], kind: str, colour: str
) -> Table:
    """The reasons given this month for `colour` ratings of `kind`, most given first, with
    how many ratings gave each the month before."""
    this = figures["reasons"][kind][colour]
    before = figures["previous_reasons"][kind][colour]
    month, previous = month_name(figures["month"]), month_name(figures["previous_month"])
    rated = figures["ratings"][kind][colour]
    rated_before = figures["previous_ratings"][kind][colour]
    rows = tuple((reason_text(code, reasons), (n, before.get(code, 0))) for code, n in this.items())
    group = f"{colour} ratings of {_IN_A_SENTENCE[kind]}"
    return Table(
        id=f"rag-{kind}-{colour}",
        caption=f"Reasons for the {group}, {month}",
        columns=("Reason", f"Ratings giving it, {month}", previous),
        rows=rows,
        note=f"{rated} {group} in {month} ({rated_before} in {previous}); a rating may give "
        "several reasons, or none.",
        source=f"unit.rag.month.reasons.{kind}.{colour}",
    )


def theme_tables(figures: Mapping[str, Any], reasons: Mapping[str, str]) -> tuple[Table, ...]:
    """The most frequent reasons for concern (red and amber) and of good practice (green)."""
    month, previous = month_name(figures["month"]), month_name(figures["previous_month"])
    columns = ("Reason", "Meeting type", "Rating", month, previous, "Change")
    captions = {
        "concerns": "Themes of concern: the reasons given most often for red and amber ratings",
        "strengths": "Improved practice: the reasons given most often for green ratings",
    }
    return tuple(
        Table(
            id=f"rag-themes-{group}",
            caption=f"{caption}, {month}",
            columns=columns,
            rows=tuple(_theme_row(theme, reasons) for theme in figures["themes"][group]),
            note="" if figures["themes"][group] else f"No such reason was given in {month}.",
            source=f"unit.rag.month.themes.{group}",
        )
        for group, caption in captions.items()
    )


def _theme_row(theme: Mapping[str, Any], reasons: Mapping[str, str]) -> tuple[str, tuple[Any, ...]]:
    kind = _MEETING_TYPE_SINGULAR.get(theme["meeting_type"], "Not recorded")
    cells = (
        kind,
        str(theme["rating"]).title(),
        theme["count"],
        theme["previous"],
        _CHANGES[theme["change"]],
    )
    return reason_text(theme["code"], reasons), cells
