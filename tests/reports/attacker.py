"""A reader trying to undo suppression: find every hidden value the published table fixes.

Written apart from `iru.reports.suppression` on purpose, so the tests do not check the module
with its own reasoning. The reader knows the table's shape, every value shown, which totals
are published and that counts are whole numbers of at least 0. A hidden value is *recovered*
when only one value fits all of that. Exact, by search: fine for the small tables the tests
generate, not for production sizes.
"""

from __future__ import annotations

from dataclasses import dataclass

from iru.reports.suppression import SUPPRESSED, SuppressedTable

Position = tuple[int, int]
Bounds = dict[Position, tuple[int, int]]


@dataclass(frozen=True)
class Equation:
    """sum(sign * value) = 0 over the members; a member is a hidden position or a number."""

    unknowns: tuple[tuple[Position, int], ...]
    constant: int  # sum(sign * shown value) over the shown members


def published_grid(table: SuppressedTable) -> dict[Position, int | str]:
    """Every published value by (row, column), totals in the extra last row and column."""
    height, width = len(table.cells), len(table.cells[0])
    grid: dict[Position, int | str] = {
        (r, c): value for r, row in enumerate(table.cells) for c, value in enumerate(row)
    }
    if table.row_totals is not None:
        grid |= {(r, width): value for r, value in enumerate(table.row_totals)}
    if table.column_totals is not None:
        grid |= {(height, c): value for c, value in enumerate(table.column_totals)}
    if table.grand_total is not None:
        grid[height, width] = table.grand_total
    return grid


def equations(table: SuppressedTable) -> list[Equation]:
    """What the published totals say: each total minus its parts is 0."""
    height, width = len(table.cells), len(table.cells[0])
    grid = published_grid(table)
    sums: list[tuple[list[Position], Position]] = []
    rows, columns = range(height), range(width)
    if table.row_totals is not None:
        sums += [([(r, c) for c in columns], (r, width)) for r in rows]
    if table.column_totals is not None:
        sums += [([(r, c) for r in rows], (height, c)) for c in columns]
    if table.grand_total is not None:
        corner = (height, width)
        if table.row_totals is not None:
            sums.append(([(r, width) for r in rows], corner))
        if table.column_totals is not None:
            sums.append(([(height, c) for c in columns], corner))
        if table.row_totals is None and table.column_totals is None:
            sums.append(([(r, c) for r in rows for c in columns], corner))
    return [_equation(grid, parts, whole) for parts, whole in sums]


def _equation(grid: dict[Position, int | str], parts: list[Position], whole: Position) -> Equation:
    signed = [(part, 1) for part in parts] + [(whole, -1)]
    unknowns = tuple((p, sign) for p, sign in signed if grid[p] == SUPPRESSED)
    constant = sum(sign * int(grid[p]) for p, sign in signed if grid[p] != SUPPRESSED)
    return Equation(unknowns, constant)


def recovered(table: SuppressedTable, truth: dict[Position, int]) -> set[Position]:
    """The hidden positions whose value is the only one consistent with the publication.

    `truth` (the real values) only says which value to look past: for each hidden position
    the reader searches for a whole table that fits with any other value there.
    """
    grid = published_grid(table)
    hidden = [p for p, value in grid.items() if value == SUPPRESSED]
    lines = equations(table)
    cap = 2 * sum(v for v in truth.values()) + 10  # far above any value that could fit
    start = _propagate(lines, dict.fromkeys(hidden, (0, cap)))
    assert start is not None, "the true table must fit its own publication"
    found = set()
    for position in hidden:
        low, high = start[position]
        others = (v for v in range(low, high + 1) if v != truth[position])
        if not any(_fits(lines, start | {position: (v, v)}) for v in others):
            found.add(position)
    return found


def _fits(lines: list[Equation], bounds: Bounds) -> bool:
    """Whether some whole-number assignment within `bounds` satisfies every equation."""
    narrowed = _propagate(lines, bounds)
    if narrowed is None:
        return False
    open_ = [p for p, (low, high) in narrowed.items() if low < high]
    if not open_:
        return True  # propagation leaves no equation unchecked once every value is fixed
    # Branch on the narrowest range: the fewest guesses before a contradiction shows.
    position = min(open_, key=lambda p: narrowed[p][1] - narrowed[p][0])
    low, high = narrowed[position]
    return any(_fits(lines, narrowed | {position: (v, v)}) for v in range(low, high + 1))


def _propagate(lines: list[Equation], bounds: Bounds) -> Bounds | None:
    """Narrow each range by what the other members of its equations allow; None when some
    range empties. An equation with a single unknown fixes it: the subtraction attack."""
    bounds = dict(bounds)
    changed = True
    while changed:
        changed = False
        for line in lines:
            for position, sign in line.unknowns:
                low, high = _solve_for(line, position, sign, bounds)
                old_low, old_high = bounds[position]
                new = (max(low, old_low), min(high, old_high))
                if new[0] > new[1]:
                    return None
                if new != (old_low, old_high):
                    bounds[position] = new
                    changed = True
    return bounds


def _solve_for(line: Equation, position: Position, sign: int, bounds: Bounds) -> tuple[int, int]:
    """The range `position` may take given the ranges of the equation's other unknowns."""
    # sign * x + sum(other signs * others) + constant = 0
    rest_low = line.constant
    rest_high = line.constant
    for other, other_sign in line.unknowns:
        if other == position:
            continue
        low, high = bounds[other]
        rest_low += min(other_sign * low, other_sign * high)
        rest_high += max(other_sign * low, other_sign * high)
    # x = -(rest) / sign, with sign +1 or -1
    return (-rest_high, -rest_low) if sign == 1 else (rest_low, rest_high)
