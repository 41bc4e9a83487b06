"""A report document (`iru.reports.document.ReportDocument`) as plain rows for a template:
each cell in the words every output uses (`cell_text`), numbers marked for right alignment,
and each chart as its text alternative (the charts themselves are drawn elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass, field

from iru.reports.document import (
    Cell,
    Chart,
    ReportDocument,
    Share,
    Table,
    cell_detail,
    cell_text,
    chart_text_alternative,
)


@dataclass(frozen=True)
class CellView:
    text: str
    detail: str  # the counts behind a percentage: "795 of 882"
    numeric: bool


@dataclass(frozen=True)
class BlockView:
    kind: str  # "table" or "chart"
    id: str
    caption: str
    columns: list[tuple[str, bool]] = field(default_factory=list)  # heading, numeric
    rows: list[tuple[str, list[CellView], bool]] = field(default_factory=list)  # last: total
    note: str = ""
    text: str = ""  # a chart in words


@dataclass(frozen=True)
class SectionView:
    number: int
    id: str
    title: str
    narrative_key: str
    narrative: str
    blocks: list[BlockView]


def cell_view(cell: Cell) -> CellView:
    return CellView(cell_text(cell), cell_detail(cell), isinstance(cell, Share | int | float))


def table_view(table: Table) -> BlockView:
    last = len(table.rows) - 1
    rows = [
        (label, [cell_view(cell) for cell in cells], table.total_row and i == last)
        for i, (label, cells) in enumerate(table.rows)
    ]
    numeric = [
        bool(rows) and all(cells[i].numeric for _, cells, _ in rows)
        for i in range(len(table.columns) - 1)
    ]
    columns = list(zip(table.columns, [False, *numeric], strict=True))
    return BlockView("table", table.id, table.caption, columns, rows, table.note)


def chart_view(chart: Chart, document: ReportDocument) -> BlockView:
    text = chart_text_alternative(chart, document.table(chart.table_id))
    return BlockView("chart", chart.id, chart.title, text=text)


def document_blocks(document: ReportDocument) -> list[SectionView]:
    """The document's sections, numbered from 1, with their tables and charts in order."""
    return [
        SectionView(
            number,
            section.id,
            section.title,
            section.narrative_key,
            section.narrative,
            [
                chart_view(block, document) if isinstance(block, Chart) else table_view(block)
                for block in section.blocks
            ],
        )
        for number, section in enumerate(document.sections, start=1)
    ]
