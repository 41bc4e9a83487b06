"""Small-number suppression for figures that leave the council.

A published table must not let a reader single out a child. The rule the unit follows is the
one the DfE applies in its statistical publications: values 1-5 are suppressed, shown as c.
A 0 is shown as 0 (nobody can be identified from nobody), and 6 or more is shown as it is.

**Primary suppression.** Every count of 1 to 5 is shown as `c`, and so is every percentage
computed from a hidden count, numerator or denominator: 40% of 5 would give the 2 back.

**Secondary suppression.** Hiding a cell is no use if the reader can work it out from the rest
of the table. A table here is a grid of counts with, as published, row totals, column totals
and a grand total (any of them may be left out); totals are counts too, so a total of 1-5 is
hidden like any other. Each shown total is an equation: the cells of its row add up to it, the
row totals add up to the grand total, and so on. Then:

1. A line (row, column, or the line of totals) with exactly one hidden member gives that
   member away by subtraction, so another member is hidden too: the smallest non-zero shown
   cell of the line, preferring one that also mends another line with a single hidden member.
   If the line has no non-zero shown cell left, its total is hidden instead. This repeats
   until no line has a single hidden member.
2. Lines can also be combined: two rows minus two columns can leave a single hidden cell that
   no one line gives away. So the table's equations are solved exactly (over the rationals)
   and any hidden value they pin down gets one more cell hidden beside it, then back to 1.

A reader who only knows the counts are whole numbers of at least 0 learns nothing more than
step 2 sees: these tables' equations only admit moves of +1/-1 around a cycle of hidden
cells, and every hidden value is at least 1, so such a move always gives another table that
fits. (A reader who also assumes that a `c` is never 0 can still, rarely, pin a block of 1s:
the known limit of never hiding zeros, which the DfE rule accepts.)

Zeros are never hidden, and secondary suppression only picks non-zero cells: hiding a 0 adds
no doubt that a reader could not remove by assuming it. Everything here is pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Final, Literal, TypeAlias

SUPPRESSED: Final = "c"
LARGEST_SUPPRESSED: Final = 5

Published: TypeAlias = int | Literal["c"]
"""A count as published: the number, or `c` when it is suppressed."""

Position: TypeAlias = tuple[int, int]
"""(row, column) in a table's grid: the counts, the row totals as one more column on the
right, the column totals as one more row below, and the grand total in that corner."""


def is_small(count: int) -> bool:
    """True for the counts the rule hides: 1 to 5."""
    return 1 <= count <= LARGEST_SUPPRESSED


def suppressed_count(count: int) -> Published:
    """`count` as published on its own: `c` for 1-5, the number otherwise."""
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    return SUPPRESSED if is_small(count) else count


def suppressed_percent(
    numerator: Published, denominator: Published, decimals: int = 1
) -> float | Literal["c"]:
    """100 * numerator / denominator rounded half up to `decimals` places, or `c` when either
    count is hidden.

    Pass the published values (from `suppress`) so that a cell hidden by secondary suppression
    hides its percentage too; a plain count of 1-5 is hidden either way. A denominator of 0
    has no percentage: the caller decides how to show that, so it raises ValueError.
    """
    # Anything but a number is `c`, already hidden upstream.
    if not isinstance(numerator, int) or not isinstance(denominator, int):
        return SUPPRESSED
    if is_small(numerator) or is_small(denominator):
        return SUPPRESSED
    if numerator < 0 or denominator <= 0 or numerator > denominator:
        raise ValueError(f"no percentage of {numerator} out of {denominator}")
    if decimals < 0:
        raise ValueError(f"decimals cannot be negative: {decimals}")
    # Whole-number arithmetic, so 12.25 rounds to 12.3 as a reader expects (not to 12.2, as
    # `round` on a float would): floor(x + 1/2) with x = 100 * scale * numerator / denominator.
    scale: int = 10**decimals  # `**` is typed Any: a negative power would be a float
    halves_up = (2 * 100 * scale * numerator + denominator) // (2 * denominator)
    return halves_up / scale


@dataclass(frozen=True, init=False)
class Table:
    """Counts by row and column, and which totals the publication shows.

    Totals are not passed in: they are the sums of the counts, as a reader would check.
    """

    counts: tuple[tuple[int, ...], ...]
    row_totals: bool
    column_totals: bool
    grand_total: bool

    def __init__(
        self,
        counts: Sequence[Sequence[int]],
        *,
        row_totals: bool = True,
        column_totals: bool = True,
        grand_total: bool = True,
    ) -> None:
        rows = tuple(tuple(row) for row in counts)
        if not rows or not rows[0] or any(len(row) != len(rows[0]) for row in rows):
            raise ValueError("a table needs at least one cell and rows of the same length")
        if any(count < 0 for row in rows for count in row):
            raise ValueError("counts cannot be negative")
        object.__setattr__(self, "counts", rows)
        object.__setattr__(self, "row_totals", row_totals)
        object.__setattr__(self, "column_totals", column_totals)
        object.__setattr__(self, "grand_total", grand_total)

    @property
    def height(self) -> int:
        """Rows of counts; also the grid row that holds the column totals."""
        return len(self.counts)

    @property
    def width(self) -> int:
        """Columns of counts; also the grid column that holds the row totals."""
        return len(self.counts[0])


@dataclass(frozen=True)
class SuppressedTable:
    """A table as published. `primary` holds the positions hidden for being 1-5, `secondary`
    those hidden so that no other could be worked out (positions as in `Position`)."""

    cells: tuple[tuple[Published, ...], ...]
    row_totals: tuple[Published, ...] | None
    column_totals: tuple[Published, ...] | None
    grand_total: Published | None
    primary: frozenset[Position] = field(default_factory=frozenset)
    secondary: frozenset[Position] = field(default_factory=frozenset)

    @property
    def hidden(self) -> frozenset[Position]:
        return self.primary | self.secondary


@dataclass(frozen=True)
class _Line:
    """One equation a reader can use: the parts add up to the whole."""

    parts: tuple[Position, ...]
    whole: Position

    @property
    def members(self) -> tuple[Position, ...]:
        return (*self.parts, self.whole)


def suppress(table: Table) -> SuppressedTable:
    """Hide every count of 1-5, then enough other non-zero counts that none can be recovered
    from the totals and the cells shown (see the module docstring)."""
    values = _grid_values(table)
    lines = _lines(table)
    primary = {position for position, value in values.items() if is_small(value)}
    hidden = set(primary)
    while True:
        _mend_single_hidden(lines, values, hidden)
        pinned = _first_pinned(lines, hidden)
        if pinned is None:
            break
        hidden.add(_unpin(pinned, lines, values, hidden))
    return _published(table, values, frozenset(primary), frozenset(hidden - primary))


def _grid_values(table: Table) -> dict[Position, int]:
    """Every published value by its grid position: counts, then the totals shown."""
    values = {
        (row, column): count
        for row, counts in enumerate(table.counts)
        for column, count in enumerate(counts)
    }
    if table.row_totals:
        for row, counts in enumerate(table.counts):
            values[row, table.width] = sum(counts)
    if table.column_totals:
        for column in range(table.width):
            values[table.height, column] = sum(counts[column] for counts in table.counts)
    if table.grand_total:
        values[table.height, table.width] = sum(map(sum, table.counts))
    return values


def _lines(table: Table) -> list[_Line]:
    """The equations the published totals give a reader."""
    rows, columns = range(table.height), range(table.width)
    corner = (table.height, table.width)
    lines: list[_Line] = []
    if table.row_totals:
        lines += [_Line(tuple((r, c) for c in columns), (r, table.width)) for r in rows]
    if table.column_totals:
        lines += [_Line(tuple((r, c) for r in rows), (table.height, c)) for c in columns]
    if table.grand_total and table.row_totals:
        lines.append(_Line(tuple((r, table.width) for r in rows), corner))
    if table.grand_total and table.column_totals:
        lines.append(_Line(tuple((table.height, c) for c in columns), corner))
    if table.grand_total and not table.row_totals and not table.column_totals:
        lines.append(_Line(tuple((r, c) for r in rows for c in columns), corner))
    return lines


def _mend_single_hidden(
    lines: list[_Line], values: dict[Position, int], hidden: set[Position]
) -> None:
    """Step 1: while a line has exactly one hidden member, hide one more of its members."""
    while exposed := [line for line in lines if _hidden_count(line, hidden) == 1]:
        hidden.add(_companion(exposed[0], exposed[1:], values, hidden))


def _hidden_count(line: _Line, hidden: set[Position]) -> int:
    return sum(member in hidden for member in line.members)


def _companion(
    line: _Line, exposed: list[_Line], values: dict[Position, int], hidden: set[Position]
) -> Position:
    """The member of `line` to hide beside its single hidden one: a non-zero shown part,
    one that also mends another exposed line first, then the smallest; else the total."""
    parts = [part for part in line.parts if part not in hidden and values[part] > 0]
    if not parts:
        # The hidden member is a part and every other part is 0: only the total is left. (A
        # hidden total always has a non-zero part: it is non-zero itself, zeros are not hidden.)
        assert line.whole not in hidden
        return line.whole

    def preference(part: Position) -> tuple[bool, int, Position]:
        mends = any(part in other.members for other in exposed)
        return (not mends, values[part], part)

    return min(parts, key=preference)


def _first_pinned(lines: list[_Line], hidden: set[Position]) -> Position | None:
    """Step 2: a hidden position whose value the equations fix, if any."""
    return min(_pinned(lines, hidden), default=None)


def _pinned(lines: list[_Line], hidden: set[Position]) -> set[Position]:
    """The hidden positions whose values the equations fix.

    A value is fixed exactly when its unit vector lies in the row space of the equations'
    coefficients on the hidden positions; the shown values only move the right-hand side, so
    they do not matter. In reduced row echelon form that is a row with a single non-zero.
    """
    unknowns = sorted(hidden)
    rows = [_coefficients(line, unknowns) for line in lines]
    pinned = set()
    for row in _reduced_row_echelon(rows):
        nonzero = [index for index, value in enumerate(row) if value]
        if len(nonzero) == 1:
            pinned.add(unknowns[nonzero[0]])
    return pinned


def _coefficients(line: _Line, unknowns: list[Position]) -> list[Fraction]:
    """The line as parts - whole = 0, on the hidden positions only."""
    weights = dict.fromkeys(line.parts, 1) | {line.whole: -1}
    return [Fraction(weights.get(position, 0)) for position in unknowns]


def _reduced_row_echelon(rows: list[list[Fraction]]) -> list[list[Fraction]]:
    """Gauss-Jordan elimination with exact fractions; returns the non-zero rows."""
    rows = [row[:] for row in rows]
    width = len(rows[0]) if rows else 0
    pivot_row = 0
    for column in range(width):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][column]), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        pivot = rows[pivot_row][column]
        rows[pivot_row] = [value / pivot for value in rows[pivot_row]]
        for r, row in enumerate(rows):
            if r != pivot_row and row[column]:
                factor = row[column]
                rows[r] = [
                    value - factor * top for value, top in zip(row, rows[pivot_row], strict=True)
                ]
        pivot_row += 1
    return rows[:pivot_row]


def _unpin(
    pinned: Position, lines: list[_Line], values: dict[Position, int], hidden: set[Position]
) -> Position:
    """A shown non-zero position to hide so that `pinned` is no longer fixed: one that
    shares a line with it first, then the smallest. If no single one frees it (rare), the
    first candidate is hidden anyway and the next round goes on from there.

    There is always a candidate: were every non-zero value hidden, the true table (non-zero
    at every hidden position) would be a solution of the equations with nothing shown, so
    nothing could be pinned.
    """
    candidates = sorted(
        (position for position, value in values.items() if position not in hidden and value > 0),
        key=lambda position: (
            not _share_a_line(pinned, position, lines),
            values[position],
            position,
        ),
    )
    for candidate in candidates:
        if pinned not in _pinned(lines, hidden | {candidate}):
            return candidate
    return candidates[0]


def _share_a_line(first: Position, second: Position, lines: Iterable[_Line]) -> bool:
    return any(first in line.members and second in line.members for line in lines)


def _published(
    table: Table,
    values: dict[Position, int],
    primary: frozenset[Position],
    secondary: frozenset[Position],
) -> SuppressedTable:
    def shown(position: Position) -> Published:
        return SUPPRESSED if position in primary or position in secondary else values[position]

    rows, columns = range(table.height), range(table.width)
    return SuppressedTable(
        cells=tuple(tuple(shown((r, c)) for c in columns) for r in rows),
        row_totals=tuple(shown((r, table.width)) for r in rows) if table.row_totals else None,
        column_totals=(
            tuple(shown((table.height, c)) for c in columns) if table.column_totals else None
        ),
        grand_total=shown((table.height, table.width)) if table.grand_total else None,
        primary=primary,
        secondary=secondary,
    )
