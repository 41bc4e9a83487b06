"""The shapes the annual report's tables take, over the engine's figures.

Every number comes from a figure key (the returns' figures of FIGURES.md, the unit's own
`unit.*`): the layout only reads them, adds a year's total where the seed shows one, and
turns `{numerator, denominator, percent}` figures into `Share`s. A figure the data does not
hold is None ("No data"), never 0.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from iru.reports.benchmarks import Benchmarks
from iru.reports.document import (
    Cell,
    Chart,
    Row,
    Series,
    SeriesStyle,
    Share,
    Table,
    share,
    share_from_figure,
)
from iru.rules.codes import code_list
from iru.rules.months import add_months
from iru.rules.years import collection_year, month_label, reporting_year

Figures = dict[str, Any]


def get(figures: Figures | None, dotted: str) -> Any:
    """The figure at a dotted key, or None when it (or its group) is absent."""
    value: Any = figures
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def count(figures: Figures | None, dotted: str) -> int | None:
    value = get(figures, dotted)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def member(figures: Figures | None, group: str, key: str) -> int | None:
    """A breakdown's count for one member: 0 when the year's breakdown has no such code (a
    breakdown by code lists only the codes that occur), None when the year has no breakdown."""
    members = get(figures, group)
    if not isinstance(members, dict):
        return None
    return count(figures, f"{group}.{key}") or 0


def share_at(figures: Figures | None, dotted: str) -> Share | None:
    return share_from_figure(get(figures, dotted))


def cell_at(figures: Figures | None, dotted: str) -> Cell:
    """A figure as a table cell: a count, a measure, a percentage (Share), or None."""
    value = get(figures, dotted)
    if isinstance(value, dict):
        return share_from_figure(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if isinstance(value, int) else float(value)


def share_of(part: int | None, whole: int | None) -> Share | None:
    """A percentage of two counts, or None when either is not in the data."""
    return None if part is None or whole is None else share(part, whole)


def total(cells: Iterable[int | None]) -> int | None:
    """The sum of counts, None when any is not in the data."""
    values = list(cells)
    return None if any(value is None for value in values) else sum(v for v in values if v)


def year_label(year_end: date) -> str:
    """ "2015-16" for the year ending 31 March 2016 (a year within one calendar year: "2016")."""
    start = reporting_year(year_end).start
    if start.year == year_end.year:
        return str(year_end.year)
    return f"{start.year}-{str(year_end.year)[2:]}"


def year_before(year_end: date) -> date:
    """The year end a year earlier (29 February becomes 28 February)."""
    return reporting_year(year_end).start - timedelta(days=1)


def month_row_label(month_end: date) -> str:
    """ "Apr 2015": short enough for a chart's axis, plain for a screen reader."""
    return month_end.strftime("%b %Y")


@dataclass(frozen=True)
class Years:
    """The report's year and the two before it, with the figures of each (None: not covered)."""

    year_end: date
    this: Figures
    last: Figures | None
    before_last: Figures | None
    benchmarks: Benchmarks

    @property
    def labels(self) -> tuple[str, str, str]:
        last = year_before(self.year_end)
        return year_label(self.year_end), year_label(last), year_label(year_before(last))

    @property
    def month_ends(self) -> tuple[date, ...]:
        return reporting_year(self.year_end).month_ends

    def describe(self, list_name: str) -> Callable[[str], str]:
        """A code in the DfE's words for the year's collection, with the code after it."""
        codes = code_list(list_name, collection_year(self.year_end))

        def words(code: str) -> str:
            if code == "unknown":
                return "Not recorded"
            description = codes.description(code)
            return f"{description} ({code})" if description else code

        return words

    def compare(
        self, id: str, caption: str, rows: Sequence[tuple[str, str]], *, source: str,
        note: str = "", counts_children: bool = True,
    ) -> Table:  # fmt: skip
        """This year and last for each (label, figure key)."""
        this, last, _ = self.labels
        return Table(
            id, caption, ("", this, last),
            tuple((label, (cell_at(self.this, k), cell_at(self.last, k))) for label, k in rows),
            note=note, source=source, counts_children=counts_children,
        )  # fmt: skip

    def breakdown(
        self, id: str, caption: str, group: str, rows: Sequence[tuple[str, str]], *,
        source: str, note: str = "",
    ) -> Table:  # fmt: skip
        """Counts of a breakdown with each one's share of the year's total, both years, and a
        total row: (label, member key) rows under the figure `group`."""
        this, last, _ = self.labels
        present = set(get(self.this, group) or {}) | set(get(self.last, group) or {})
        if "unknown" in present and all(key != "unknown" for _, key in rows):
            rows = [*rows, ("Not recorded", "unknown")]
        totals = [total(member(f, group, key) for _, key in rows)
                  for f in (self.this, self.last)]  # fmt: skip
        body: list[Row] = []
        for label, key in rows:
            mine, theirs = member(self.this, group, key), member(self.last, group, key)
            body.append((label, (mine, share_of(mine, totals[0]), theirs,
                                 share_of(theirs, totals[1]))))  # fmt: skip
        body.append(("Total", (totals[0], share_of(totals[0], totals[0]), totals[1],
                               share_of(totals[1], totals[1]))))  # fmt: skip
        columns = ("", this, f"{this} (%)", last, f"{last} (%)")
        return Table(id, caption, columns, tuple(body), note, source, total_row=True)

    def by_code(self, group: str) -> list[str]:
        """The codes of a breakdown by code in either year, largest first this year."""
        codes = set(get(self.this, group) or {}) | set(get(self.last, group) or {})
        return sorted(codes, key=lambda code: (-(count(self.this, f"{group}.{code}") or 0), code))

    def monthly(
        self, id: str, caption: str, columns: Sequence[str],
        cells: Callable[[Figures | None, str], tuple[Cell, ...]], *, source: str,
        with_last_year: bool = True, total_row: tuple[Cell, ...] | None = None, note: str = "",
    ) -> Table:  # fmt: skip
        """One row per month: `cells(figures, "YYYY-MM")` this year, then (if asked) the same
        month a year earlier; a total row when one is given."""
        rows: list[Row] = []
        for month_end in self.month_ends:
            mine = cells(self.this, month_label(month_end))
            before = cells(self.last, month_label(add_months(month_end, -12)))
            rows.append((month_row_label(month_end), (*mine, *before) if with_last_year else mine))
        if total_row is not None:
            rows.append(("Total", total_row))
        return Table(
            id, caption, ("Month", *columns), tuple(rows), note, source,
            total_row=total_row is not None,
        )  # fmt: skip

    def benchmark_cells(self, measure: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
        """The comparators shown for a measure: their column headings and values."""
        shown = self.benchmarks.for_report(measure, self.year_end)
        return tuple(b.label for b in shown), tuple(b.value for b in shown)


def line_chart(
    id: str, title: str, table: Table, styles: Sequence[SeriesStyle], *, summary: str,
    percent: bool = False, y_label: str = "",
) -> Chart:  # fmt: skip
    """A line chart of a monthly table: one series per data column, styled in order."""
    series = tuple(Series(column, style) for column, style in enumerate(styles))
    return Chart(id, title, table.id, "line", series, y_label, percent, summary)
