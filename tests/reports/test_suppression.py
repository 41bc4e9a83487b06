"""Small-number suppression: the DfE's 1-5 rule, then enough secondary suppression that a
reader with the totals cannot work any hidden value out."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iru.reports.suppression import (
    SUPPRESSED,
    Published,
    SuppressedTable,
    Table,
    suppress,
    suppressed_count,
    suppressed_percent,
)
from tests.reports.attacker import published_grid, recovered

c = SUPPRESSED


def truth_of(table: Table) -> dict[tuple[int, int], int]:
    """The real values in grid positions, totals as sums (kept apart from the module's)."""
    height, width = len(table.counts), len(table.counts[0])
    grid = {(r, col): n for r, row in enumerate(table.counts) for col, n in enumerate(row)}
    grid |= {(r, width): sum(row) for r, row in enumerate(table.counts)}
    grid |= {(height, col): sum(row[col] for row in table.counts) for col in range(width)}
    grid[height, width] = sum(map(sum, table.counts))
    return grid


# The primary rule


@pytest.mark.parametrize(
    ("count", "shown"), [(0, 0), (1, c), (2, c), (5, c), (6, 6), (7, 7), (120, 120)]
)
def test_counts_of_1_to_5_are_shown_as_c_and_0_stays(count: int, shown: Published) -> None:
    assert suppressed_count(count) == shown


def test_a_negative_count_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="negative"):
        suppressed_count(-1)


def test_a_percentage_of_shown_counts_is_shown_rounded_half_up() -> None:
    assert suppressed_percent(7, 9) == 77.8
    assert suppressed_percent(49, 400, decimals=2) == 12.25
    assert suppressed_percent(98, 800) == 12.3  # 12.25 exactly: half up, not to even
    assert suppressed_percent(1, 8, decimals=0) == c  # 1 is suppressed whatever the decimals
    assert suppressed_percent(0, 12) == 0.0
    assert suppressed_percent(12, 12) == 100.0


@pytest.mark.parametrize(("numerator", "denominator"), [(3, 40), (0, 4), (5, 5), (c, 40), (7, c)])
def test_a_percentage_of_a_hidden_count_is_c(numerator: Published, denominator: Published) -> None:
    # Numerator or denominator: 40% of a hidden total gives the total back with the count.
    assert suppressed_percent(numerator, denominator) == c


@pytest.mark.parametrize(("numerator", "denominator"), [(0, 0), (9, 7), (-6, 10)])
def test_a_percentage_that_cannot_be_is_a_mistake(numerator: int, denominator: int) -> None:
    with pytest.raises(ValueError, match="no percentage"):
        suppressed_percent(numerator, denominator)


@pytest.mark.parametrize("counts", [[], [[]], [[1, 2], [3]], [[6, -1]]])
def test_a_table_of_nothing_or_ragged_rows_or_negative_counts_is_refused(
    counts: list[list[int]],
) -> None:
    with pytest.raises(ValueError, match=r"table needs|negative"):
        Table(counts)


# Worked examples of secondary suppression


def test_a_row_with_one_small_cell_hides_its_smallest_other_cell() -> None:
    table = Table([[3, 10, 12], [8, 9, 7]], column_totals=False, grand_total=False)
    published = suppress(table)
    # 25 - 12 would give 13 for the two hidden cells together, but not which is the 3.
    assert published.cells == ((c, c, 12), (8, 9, 7))
    assert published.row_totals == (25, 24)
    assert published.column_totals is None
    assert published.grand_total is None
    assert published.primary == {(0, 0)}
    assert published.secondary == {(0, 1)}


def test_a_column_with_one_small_cell_hides_its_smallest_other_cell() -> None:
    table = Table([[3, 20], [10, 8], [15, 9]], row_totals=False, grand_total=False)
    published = suppress(table)
    assert published.cells == ((c, 20), (c, 8), (15, 9))
    assert published.column_totals == (28, 37)
    assert published.secondary == {(1, 0)}


def test_a_cell_that_also_mends_a_column_is_hidden_before_a_smaller_one() -> None:
    # Row 0 could hide its 8, but its 15 also covers the 3 alone in column 1; likewise row 1
    # hides 9, which covers the 4 alone in column 0: a 2 x 2 block, nothing else.
    table = Table([[4, 15, 8], [9, 3, 30], [10, 10, 10]])
    published = suppress(table)
    assert published.cells == ((c, c, 8), (c, c, 30), (10, 10, 10))
    assert published.row_totals == (27, 42, 30)
    assert published.column_totals == (23, 28, 48)
    assert published.grand_total == 99
    assert published.primary == {(0, 0), (1, 1)}
    assert published.secondary == {(0, 1), (1, 0)}


def test_a_cascade_through_a_zero_column_hides_a_total() -> None:
    # Column 0's total is 3, hidden. Row 1 has its 3 alone: hide its 10. Column 1 then has
    # the 10 alone and nothing else non-zero to hide (its other cell is 0), so its total
    # goes; the line of column totals then has two hidden, and everything is covered.
    table = Table([[0, 0, 8], [3, 10, 12]])
    published = suppress(table)
    assert published.cells == ((0, 0, 8), (c, c, 12))
    assert published.row_totals == (8, 25)
    assert published.column_totals == (c, c, 20)
    assert published.grand_total == 33
    assert published.primary == {(1, 0), (2, 0)}  # the cell and its column's total
    assert published.secondary == {(1, 1), (2, 1)}


def test_a_hidden_row_total_is_covered_against_the_grand_total() -> None:
    # Row 0's total is 4, and the other totals with the grand total would give it back.
    table = Table([[4, 0], [20, 30], [7, 9]], column_totals=False)
    published = suppress(table)
    assert published.row_totals is not None
    assert published.row_totals[0] == c
    assert sum(total == c for total in published.row_totals) == 2
    assert not recovered(published, truth_of(table))


def test_rows_and_columns_combined_can_give_away_a_cell_no_single_line_does() -> None:
    # Two 2 x 2 blocks of small counts joined by the 3 in row 0: every row and column has at
    # least two hidden cells, yet row 0 + row 1 - column 0 - column 1 leaves the 3 alone.
    counts = [
        [1, 2, 3, 20, 20],
        [2, 1, 20, 20, 20],
        [20, 20, 1, 2, 20],
        [20, 20, 2, 1, 20],
        [20, 20, 20, 20, 20],
    ]
    table = Table(counts)
    truth = truth_of(table)
    primary_only = _hide(table, {p for p, value in truth.items() if 1 <= value <= 5})
    assert recovered(primary_only, truth) == {(0, 2)}

    published = suppress(table)
    assert published.secondary  # the module hides more than the small counts...
    assert not recovered(published, truth)  # ...and then nothing can be worked out


def test_a_table_with_nothing_small_is_published_as_it_is() -> None:
    published = suppress(Table([[6, 0], [0, 40]]))
    assert published.cells == ((6, 0), (0, 40))
    assert published.row_totals == (6, 40)
    assert published.column_totals == (6, 40)
    assert published.grand_total == 46
    assert not published.hidden


def _hide(table: Table, positions: set[tuple[int, int]]) -> SuppressedTable:
    """The table published with exactly `positions` hidden (all totals shown)."""
    truth = truth_of(table)
    height, width = len(table.counts), len(table.counts[0])

    def shown(position: tuple[int, int]) -> Published:
        return SUPPRESSED if position in positions else truth[position]

    return SuppressedTable(
        cells=tuple(tuple(shown((r, col)) for col in range(width)) for r in range(height)),
        row_totals=tuple(shown((r, width)) for r in range(height)),
        column_totals=tuple(shown((height, col)) for col in range(width)),
        grand_total=shown((height, width)),
    )


# The property: nothing hidden can be recovered


def counts() -> st.SearchStrategy[int]:
    # Plenty of 1-5s and zeros, so that suppression has work to do.
    return st.one_of(st.integers(1, 5), st.integers(0, 30), st.just(0))


@st.composite
def tables(draw: st.DrawFn) -> Table:
    height, width = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    grid = [[draw(counts()) for _ in range(width)] for _ in range(height)]
    # Mostly every total, as the annual report publishes; sometimes only some of them.
    every = draw(st.booleans())
    return Table(
        grid,
        row_totals=every or draw(st.booleans()),
        column_totals=every or draw(st.booleans()),
        grand_total=every or draw(st.booleans()),
    )


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(tables())
def test_no_hidden_value_can_be_worked_out_from_the_publication(table: Table) -> None:
    published = suppress(table)
    truth = truth_of(table)
    found = recovered(published, truth)
    assert not (found & published.primary), f"small counts recovered: {found}"
    # Stronger, and true of this module: no secondary cell can be worked out either.
    assert not found, f"hidden values recovered: {found}"


@PROPERTY
@given(tables())
def test_shown_values_are_true_and_every_small_count_is_hidden(table: Table) -> None:
    published = suppress(table)
    truth = truth_of(table)
    grid = published_grid(published)
    for position, value in grid.items():
        if value == c:
            assert truth[position] > 0, "a 0 is never hidden"
        else:
            assert value == truth[position]
            assert not 1 <= truth[position] <= 5
    assert published.primary == {p for p, value in grid.items() if 1 <= truth[p] <= 5}
    assert not published.primary & published.secondary
    assert published.hidden == {p for p, value in grid.items() if value == c}
