"""The public edition: every table of children as it may leave the council, checked by a reader
who tries to work each `c` out from what the table shows."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iru.reports.document import (
    SUPPRESSED,
    ReportDocument,
    Section,
    Share,
    Table,
    share,
)
from iru.reports.published import public_edition, suppressed_table
from iru.reports.suppression import SuppressedTable
from tests.reports.attacker import recovered

c = SUPPRESSED


def _table(rows, *, total_row=False, total_column=False, counts_children=True) -> Table:
    width = len(rows[0][1])
    return Table(
        "t", "A table", ("", *(f"Column {i}" for i in range(width))), tuple(rows),
        total_row=total_row, total_column=total_column, counts_children=counts_children,
    )  # fmt: skip


def test_small_counts_and_their_percentages_are_c() -> None:
    table = suppressed_table(_table([
        ("Apr", (40, 3, share(3, 40))),
        ("May", (2, 2, share(2, 2))),
        ("Jun", (50, 45, share(45, 50))),
    ]))  # fmt: skip
    assert dict(table.rows) == {
        "Apr": (40, c, c),
        "May": (c, c, c),
        "Jun": (50, 45, share(45, 50)),
    }


def test_a_total_row_does_not_give_a_small_count_back() -> None:
    table = suppressed_table(_table([
        ("Under 1", (3, share(3, 30))),
        ("1 to 4", (12, share(12, 30))),
        ("5 to 9", (15, share(15, 30))),
        ("Total", (30, share(30, 30))),
    ], total_row=True))  # fmt: skip
    rows = dict(table.rows)
    assert rows["Under 1"] == (c, c)
    assert rows["1 to 4"] == (c, c)  # the smallest other count, and its percentage with it
    assert rows["5 to 9"] == (15, share(15, 30))
    assert rows["Total"] == (30, share(30, 30))


def test_an_average_beside_a_hidden_count_is_hidden_too() -> None:
    table = suppressed_table(_table([("ICPC", (4, 0.3, 12.5)), ("LAC", (880, 73.3, 80.0))]))
    assert dict(table.rows) == {"ICPC": (c, c, c), "LAC": (880, 73.3, 80.0)}


def test_counts_that_are_not_of_children_are_shown() -> None:
    table = _table([("IROs", (2, 2.81))], counts_children=False)
    assert suppressed_table(table) == table


def test_no_data_and_none_to_count_stay_as_they_are() -> None:
    table = suppressed_table(_table([("Apr", (None, Share(0, 0, None), 0))]))
    assert dict(table.rows) == {"Apr": (None, Share(0, 0, None), 0)}


def test_the_edition_says_public_and_leaves_charts_to_their_tables() -> None:
    document = ReportDocument(
        "annual", "Report", "Year", "Council", "2016-03-31", date(2016, 4, 1),
        (Section("s", "Section", (_table([("Apr", (2,))]),)),),
    )  # fmt: skip
    public = public_edition(document)
    assert public.edition == "public"
    assert dict(public.tables[0].rows) == {"Apr": (c,)}
    assert document.tables[0].rows[0][1] == (2,)  # the full edition is untouched


# The property: a reader with the published table works out no hidden count.


def counts() -> st.SearchStrategy[int]:
    return st.one_of(st.integers(1, 5), st.integers(0, 30), st.just(0))


@st.composite
def count_tables(draw: st.DrawFn) -> tuple[Table, list[list[int]]]:
    height, width = draw(st.integers(1, 5)), draw(st.integers(1, 4))
    grid = [[draw(counts()) for _ in range(width)] for _ in range(height)]
    total_row, total_column = draw(st.booleans()), draw(st.booleans())
    rows = [[*line, sum(line)] if total_column else list(line) for line in grid]
    if total_row:
        rows.append([sum(column) for column in zip(*rows, strict=True)])
    table = _table([(f"Row {i}", tuple(line)) for i, line in enumerate(rows)],
                   total_row=total_row, total_column=total_column)  # fmt: skip
    return table, grid


def _as_published_grid(table: Table, published: Table) -> tuple[SuppressedTable, dict]:
    """The published document table in the attacker's terms (totals where the table has them)."""
    cells = [list(cells) for _, cells in published.rows]
    truth_rows = [list(cells) for _, cells in table.rows]
    body = cells[:-1] if table.total_row else cells
    width = len(cells[0]) - (1 if table.total_column else 0)
    suppressed = SuppressedTable(
        cells=tuple(tuple(line[:width]) for line in body),
        row_totals=tuple(line[width] for line in body) if table.total_column else None,
        column_totals=tuple(cells[-1][:width]) if table.total_row else None,
        grand_total=cells[-1][width] if table.total_row and table.total_column else None,
    )
    truth = {}
    for r, line in enumerate(truth_rows):
        for col, value in enumerate(line):
            truth[r, col] = value
    return suppressed, truth


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count_tables())
def test_no_hidden_count_can_be_worked_out_from_a_published_table(drawn) -> None:
    table, _ = drawn
    published = suppressed_table(table)
    suppressed, truth = _as_published_grid(table, published)
    assert not recovered(suppressed, truth)
    for (_, shown), (_, true) in zip(published.rows, table.rows, strict=True):
        for value, real in zip(shown, true, strict=True):
            assert value == real or (value == c and real > 0)
            if value != c:
                assert not 1 <= real <= 5
