"""A report as data: sections of narrative, tables and charts, which every output renders.

The annual report and the monthly RAG report are each assembled once into a `ReportDocument`;
the web page, the PDF, the Word document and the spreadsheets are all drawn from it, so they
cannot disagree. A chart holds no numbers of its own: it names a table and the columns it
plots, so the data table beside a chart is always the chart's data, and the public edition
(small numbers suppressed, `iru.reports.published`) hides a bar exactly where its table shows
`c`.

A document turns into plain JSON and back (`to_json`, `from_json`) unchanged: a published
report is kept as that JSON, with its content hash (`content_hash`), and drawn again from it.
Pure: no Django, no clock (the day a draft is made is passed in).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal, TypeAlias

Kind: TypeAlias = Literal["annual", "rag"]
Edition: TypeAlias = Literal["full", "public"]
Status: TypeAlias = Literal["draft", "published"]
ChartKind: TypeAlias = Literal["line", "column", "bar"]
# How a series is drawn: ours solid, a comparator (England, statistical neighbours) dashed,
# the year before dotted. Colour is never the only difference (WCAG 1.4.1).
SeriesStyle: TypeAlias = Literal["ours", "comparator", "last_year"]

SUPPRESSED = "c"  # a hidden value in the public edition (the DfE's symbol)
NO_DATA = "No data"  # the figure is not in the data (an input was never imported)
NONE_TO_COUNT = "None to count"  # a percentage with a denominator of 0


@dataclass(frozen=True)
class Share:
    """A percentage with the two counts it comes from (FIGURES.md: every percentage is
    reported with its numerator and denominator). `percent` is None when `denominator` is 0."""

    numerator: int
    denominator: int
    percent: float | None


Cell: TypeAlias = int | float | str | Share | None
"""One value of a table: an `int` is a count (of children or of their records, so the public
edition may hide it); a `float` a measure that is not a count (an FTE, an average, a
benchmark); a `Share` a percentage; a `str` words (`c`, "None to count"); None "No data"."""

Row: TypeAlias = tuple[str, tuple[Cell, ...]]


@dataclass(frozen=True)
class Table:
    """A table: a caption, column headings (the first heads the row labels), and rows of a
    label and one cell per further column.

    `total_row`: the last row is the total of the rows above it, column by column, for every
    column of counts; `total_column`: the last column is the total of the other columns of
    counts in its row (the public edition needs to know both, so that no hidden count can be
    worked out from them). `counts_children`: False for a table whose counts are not of children or
    their records (the unit's posts): small numbers there are not hidden. `source` says where
    the numbers come from (the figure keys, or the unit's records), so each can be traced.
    """

    id: str
    caption: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    note: str = ""
    source: str = ""
    total_row: bool = False
    counts_children: bool = True
    total_column: bool = False

    @property
    def body(self) -> tuple[Row, ...]:
        """The rows without the total row."""
        return self.rows[:-1] if self.total_row and self.rows else self.rows


@dataclass(frozen=True)
class Series:
    """One line or set of bars: the table column (0 is the first after the row labels)."""

    column: int
    style: SeriesStyle = "ours"


@dataclass(frozen=True)
class Chart:
    """A chart of a table's columns over its rows (the total row left out).

    `kind`: "line" (months along the bottom), "column" (vertical bars), "bar" (horizontal
    bars, for long labels such as RAG reasons). `percent`: the values are percentages (the
    axis runs 0-100 unless they are all small). `summary`: the text alternative's opening
    sentence, written by whoever assembles the report (what the chart shows); the renderers
    add the values from the table."""

    id: str
    title: str
    table_id: str
    kind: ChartKind
    series: tuple[Series, ...]
    y_label: str = ""
    percent: bool = False
    summary: str = ""


Block: TypeAlias = Table | Chart


@dataclass(frozen=True)
class Section:
    """A numbered section: the Head of Service's narrative (Markdown), then its charts and
    tables in reading order. `narrative_key` names the narrative written in the app for it
    ("" for a section with none)."""

    id: str
    title: str
    blocks: tuple[Block, ...] = ()
    narrative_key: str = ""
    narrative: str = ""

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Table))

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Chart))


@dataclass(frozen=True)
class ReportDocument:
    """A whole report. `period` is the year end ("2016-03-31") or the month ("2016-03");
    `made_on` the day the draft was drawn up (the day of publication, once published)."""

    kind: Kind
    title: str
    subtitle: str
    council: str
    period: str
    made_on: date
    sections: tuple[Section, ...]
    status: Status = "draft"
    edition: Edition = "full"
    scope: str = ""  # whose children, for a report scoped to a chair or a team ("" the unit's)
    notes: tuple[str, ...] = field(default_factory=tuple)  # said once, under the title

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]

    @property
    def charts(self) -> list[Chart]:
        return [chart for section in self.sections for chart in section.charts]

    def table(self, table_id: str) -> Table:
        """The table with this id (a chart's data): KeyError if there is none."""
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    def with_narrative(self, texts: dict[str, str]) -> ReportDocument:
        """The document with each section's narrative taken from `texts` by its key."""
        sections = tuple(
            replace(section, narrative=texts.get(section.narrative_key, section.narrative))
            if section.narrative_key
            else section
            for section in self.sections
        )
        return replace(self, sections=sections)


# Showing a value: one wording for every output.


def percent_half_up(numerator: int, denominator: int) -> float | None:
    """100 * numerator / denominator rounded half up to 1 place (FIGURES.md), None for 0."""
    if denominator == 0:
        return None
    value = Decimal(100 * numerator) / Decimal(denominator)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def share(numerator: int, denominator: int) -> Share:
    return Share(numerator, denominator, percent_half_up(numerator, denominator))


def share_from_figure(figure: Any) -> Share | None:
    """A `{numerator, denominator, percent}` figure of the engine as a Share (None if absent)."""
    if not isinstance(figure, dict) or "numerator" not in figure:
        return None
    return Share(int(figure["numerator"]), int(figure["denominator"]), figure.get("percent"))


def cell_text(cell: Cell) -> str:
    """A cell as the reader sees it: 1,234; 12.5; 90.1%; c; No data; None to count."""
    if cell is None:
        return NO_DATA
    if isinstance(cell, Share):
        return NONE_TO_COUNT if cell.percent is None else f"{cell.percent:.1f}%"
    if isinstance(cell, bool):  # not a count: never expected, shown plainly
        return str(cell)
    if isinstance(cell, int):
        return f"{cell:,}"
    if isinstance(cell, float):
        return f"{cell:,.1f}"
    return cell


def cell_detail(cell: Cell) -> str:
    """The counts behind a percentage ("795 of 882"), "" for any other cell."""
    if isinstance(cell, Share) and cell.denominator:
        return f"{cell.numerator:,} of {cell.denominator:,}"
    return ""


def cell_number(cell: Cell) -> float | None:
    """A cell as a number for a chart: a count, a measure or a percentage; None otherwise."""
    if isinstance(cell, Share):
        return cell.percent
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell)
    return None


def chart_text_alternative(chart: Chart, table: Table) -> str:
    """The chart in words: its summary, then each series' values row by row."""
    parts = [chart.summary or chart.title]
    for series in chart.series:
        heading = table.columns[series.column + 1]
        values = "; ".join(
            f"{label} {cell_text(cells[series.column])}" for label, cells in table.body
        )
        parts.append(f"{heading}: {values}.")
    return " ".join(parts)


# JSON: the published report is kept as this, and drawn again from it.


def to_json(document: ReportDocument) -> dict[str, Any]:
    """The document as plain JSON types (a Share as {"share": [n, d, percent]})."""
    return {
        "kind": document.kind,
        "title": document.title,
        "subtitle": document.subtitle,
        "council": document.council,
        "period": document.period,
        "made_on": document.made_on.isoformat(),
        "status": document.status,
        "edition": document.edition,
        "scope": document.scope,
        "notes": list(document.notes),
        "sections": [_section_json(section) for section in document.sections],
    }


def _section_json(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "title": section.title,
        "narrative_key": section.narrative_key,
        "narrative": section.narrative,
        "blocks": [_block_json(block) for block in section.blocks],
    }


def _block_json(block: Block) -> dict[str, Any]:
    if isinstance(block, Chart):
        return {
            "chart": block.id,
            "title": block.title,
            "table_id": block.table_id,
            "kind": block.kind,
            "series": [[s.column, s.style] for s in block.series],
            "y_label": block.y_label,
            "percent": block.percent,
            "summary": block.summary,
        }
    return {
        "table": block.id,
        "caption": block.caption,
        "columns": list(block.columns),
        "rows": [[label, [_cell_json(cell) for cell in cells]] for label, cells in block.rows],
        "note": block.note,
        "source": block.source,
        "total_row": block.total_row,
        "total_column": block.total_column,
        "counts_children": block.counts_children,
    }


def _cell_json(cell: Cell) -> Any:
    if isinstance(cell, Share):
        return {"share": [cell.numerator, cell.denominator, cell.percent]}
    return cell


def from_json(data: dict[str, Any]) -> ReportDocument:
    """The document `to_json` gave (ValueError/KeyError/TypeError for anything else)."""
    return ReportDocument(
        kind=data["kind"],
        title=data["title"],
        subtitle=data["subtitle"],
        council=data["council"],
        period=data["period"],
        made_on=date.fromisoformat(data["made_on"]),
        status=data["status"],
        edition=data["edition"],
        scope=data.get("scope", ""),
        notes=tuple(data.get("notes", ())),
        sections=tuple(_section_from(section) for section in data["sections"]),
    )


def _section_from(data: dict[str, Any]) -> Section:
    return Section(
        id=data["id"],
        title=data["title"],
        narrative_key=data["narrative_key"],
        narrative=data["narrative"],
        blocks=tuple(_block_from(block) for block in data["blocks"]),
    )


def _block_from(data: dict[str, Any]) -> Block:
    if "chart" in data:
        return Chart(
            id=data["chart"],
            title=data["title"],
            table_id=data["table_id"],
            kind=data["kind"],
            series=tuple(Series(column, style) for column, style in data["series"]),
            y_label=data["y_label"],
            percent=data["percent"],
            summary=data["summary"],
        )
    return Table(
        id=data["table"],
        caption=data["caption"],
        columns=tuple(data["columns"]),
        rows=tuple((label, tuple(map(_cell_from, cells))) for label, cells in data["rows"]),
        note=data["note"],
        source=data["source"],
        total_row=data["total_row"],
        total_column=data["total_column"],
        counts_children=data["counts_children"],
    )


def _cell_from(value: Any) -> Cell:
    if isinstance(value, dict):
        numerator, denominator, percent = value["share"]
        return Share(numerator, denominator, percent)
    if value is None or isinstance(value, int | float | str):
        return value
    raise TypeError(f"not a table cell: {value!r}")


def canonical_json(document: ReportDocument) -> bytes:
    """The document's JSON with sorted keys and no spaces: the same document, the same bytes."""
    text = json.dumps(to_json(document), sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def content_hash(document: ReportDocument) -> str:
    """SHA-256 of the canonical JSON, in hex: a published report's fingerprint."""
    return hashlib.sha256(canonical_json(document)).hexdigest()
