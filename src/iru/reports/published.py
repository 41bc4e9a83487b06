"""The public edition of a report: small numbers suppressed, for anything that leaves the council.

`public_edition(document)` applies the DfE's rule (`iru.reports.suppression`) table by table:

- **Counts.** In a table of children (or their records), the counts form a grid: the body rows
  by the columns of counts, with the table's total row and total column as its totals. Every
  count of 1 to 5 becomes `c`, and secondary suppression hides enough others that no `c` can be
  worked out from the totals and the other cells. A column of counts with a gap ("No data", or
  a percentage in one of its rows) takes no part in any total: its counts are hidden by the
  primary rule alone, which is all a reader could undo there.
- **Percentages.** A percentage is `c` when its numerator or denominator is 1 to 5, or when a
  count hidden in its row has the value of either (the percentage would give it back).
- **Measures.** An average or a caseload in the same row as a hidden count is `c` too: times
  the months or the FTE beside it, it would give the count back.

Tables whose counts are not of children (the unit's posts) are left as they are. Charts draw
from their tables, so a hidden value is a gap in its chart too. Pure.
"""

from __future__ import annotations

from dataclasses import replace

from iru.reports.document import SUPPRESSED, Cell, ReportDocument, Row, Share, Table
from iru.reports.suppression import Table as Grid
from iru.reports.suppression import is_small, suppress

Position = tuple[int, int]


def public_edition(document: ReportDocument) -> ReportDocument:
    """The document with every table of children suppressed (edition "public")."""
    sections = tuple(
        replace(
            section,
            blocks=tuple(
                suppressed_table(block) if isinstance(block, Table) else block
                for block in section.blocks
            ),
        )
        for section in document.sections
    )
    return replace(document, sections=sections, edition="public")


def suppressed_table(table: Table) -> Table:
    """One table as published outside the council."""
    if not table.counts_children:
        return table
    rows = [list(cells) for _, cells in table.rows]
    hidden = _hidden_counts(table, rows)
    for r, c in hidden:
        rows[r][c] = SUPPRESSED
    for r, cells in enumerate(rows):
        values = {table.rows[r][1][c] for (row, c) in hidden if row == r}
        rows[r] = [_after(cell, values) for cell in cells]
    published: tuple[Row, ...] = tuple(
        (label, tuple(cells)) for (label, _), cells in zip(table.rows, rows, strict=True)
    )
    return replace(table, rows=published)


def _is_count(cell: Cell) -> bool:
    return isinstance(cell, int) and not isinstance(cell, bool)


def _count(cell: Cell) -> int:
    """A cell known to be a count (`_is_count`)."""
    assert isinstance(cell, int)
    return cell


def _hidden_counts(table: Table, rows: list[list[Cell]]) -> set[Position]:
    """The positions of counts to hide: the grid's, then the primary rule everywhere else."""
    body = range(len(rows) - 1 if table.total_row else len(rows))
    width = len(rows[0]) if rows else 0
    parts = range(width - 1 if table.total_column else width)
    grid_columns = [c for c in parts if all(_is_count(rows[r][c]) for r in body) and len(body) > 0]
    totals_whole = not table.total_column or all(_is_count(rows[r][width - 1]) for r in body)
    hidden: set[Position] = set()
    if grid_columns and totals_whole:
        hidden |= _grid_hidden(table, rows, list(body), grid_columns)
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            if _is_count(cell) and is_small(_count(cell)):
                hidden.add((r, c))
    return hidden


def _grid_hidden(
    table: Table, rows: list[list[Cell]], body: list[int], columns: list[int]
) -> set[Position]:
    """Suppress the grid of body rows by columns of counts with the table's own totals."""
    counts = [[_count(rows[r][c]) for c in columns] for r in body]
    with_totals = table.total_column and len(columns) == len(rows[0]) - 1
    grid = Grid(
        counts,
        row_totals=bool(with_totals),
        column_totals=table.total_row,
        grand_total=bool(with_totals) and table.total_row,
    )
    result = suppress(grid)
    total_row, total_column = len(rows) - 1, len(rows[0]) - 1
    positions: set[Position] = set()
    for grid_row, grid_column in result.hidden:
        row = body[grid_row] if grid_row < len(body) else total_row
        column = columns[grid_column] if grid_column < len(columns) else total_column
        positions.add((row, column))
    return positions


def _after(cell: Cell, hidden_values: set[Cell]) -> Cell:
    """A percentage or measure as published, given the counts hidden in its row."""
    if isinstance(cell, Share):
        if is_small(cell.numerator) or is_small(cell.denominator):
            return SUPPRESSED
        if cell.numerator in hidden_values or cell.denominator in hidden_values:
            return SUPPRESSED
        return cell
    if isinstance(cell, float) and hidden_values:
        return SUPPRESSED
    return cell
