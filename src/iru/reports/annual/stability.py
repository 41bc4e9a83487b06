"""Placement stability by month, cumulative from the start of the year, with last year's line
and the England and statistical-neighbour values entered in the app (FIGURES.md "Placement
stability")."""

from __future__ import annotations

from iru.reports.annual.layout import Figures, Years, line_chart, share_at
from iru.reports.document import Block, Cell, SeriesStyle

SOURCE = "SSDA903 Episodes and Header"
COMPARATOR: SeriesStyle = "comparator"
MEASURES = (
    (
        "stability.long_term",
        "stability-long-term",
        "Children looked after for 2.5 years or more, under 16, in the same placement for 2 "
        "years (%)",
        "The share of under 16s looked after for at least two and a half years who have been "
        "in the same placement for two years, at each month end",
    ),
    (
        "stability.three_plus_placements",
        "stability-three-plus",
        "Children looked after with 3 or more placements, cumulative from the start of the "
        "year (%)",
        "The share of children looked after at each month end who have had three or more "
        "placements since the start of the year",
    ),
)


def stability(years: Years) -> tuple[Block, ...]:
    this, last, _ = years.labels
    blocks: list[Block] = []
    for measure, id, caption, summary in MEASURES:
        headings, values = years.benchmark_cells(measure)

        def month(figures: Figures | None, m: str, key: str = measure) -> tuple[Cell, ...]:
            return (share_at(figures, f"{key}_by_month.{m}"),)

        table = years.monthly(
            id, caption, (this, last, *headings), month,
            source=f"{SOURCE} ({measure}_by_month); comparators as entered in the app",
        )  # fmt: skip
        # The comparators are one value for the year: the same in every month's row.
        rows = tuple((label, (*cells, *values)) for label, cells in table.rows)
        table = type(table)(table.id, table.caption, table.columns, rows, table.note,
                            table.source)  # fmt: skip
        comparators = (COMPARATOR,) * len(values)
        styles: tuple[SeriesStyle, ...] = ("ours", "last_year", *comparators)
        compared = " and ".join(headings)
        blocks += [
            line_chart(
                f"{id}-chart",
                caption,
                table,
                styles,
                percent=True,
                y_label="%",
                summary=f"{summary}, {this} against {last}"
                + (f" and {compared}." if compared else "."),
            ),
            table,
        ]
    return tuple(blocks)
