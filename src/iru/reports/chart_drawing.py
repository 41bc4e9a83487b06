"""A chart of a report drawn as a matplotlib `Figure` (no pyplot, no global figure state).

The values come from the chart's table, row by row, the total row left out, through
`cell_number`; a cell that is not a number (None, "c", words) is a gap: no point and no bar
(a hidden value says `c` where its bar would stand). Each bar carries an SVG id naming its
series and row (`<chart>-bar-<series>-<row>`), so a test can see which bars were drawn.
Colour is never the only difference between series (WCAG 1.4.1): lines differ in dashes and
markers, bars in fill (solid, hatched, outlined).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from iru.reports.chart_layout import Layout, category_labels, layout_for
from iru.reports.chart_scales import value_axis
from iru.reports.document import (
    SUPPRESSED,
    Chart,
    Series,
    SeriesStyle,
    Table,
    cell_number,
    cell_text,
)

# GOV.UK's palette with its orange darkened to 4.5:1 on white (graphics need 3:1, WCAG 1.4.11).
PALETTE = ("#1d70b8", "#c2570c", "#505a5f", "#00703c", "#4c2c92")
MARKERS = ("o", "s", "^", "D", "v")
INK = "#0b0c0c"
GRID = "#d8dadc"
SUPPRESSED_NOTE = "c: a value of 1 to 5, not shown"
LABEL_SIZE = 7.5
TICK_SIZE = 8.5
# Each kind of series' line: its width and dashes.
LINES: dict[SeriesStyle, tuple[float, Literal["-", "--", ":"]]] = {
    "ours": (2.6, "-"),
    "comparator": (1.8, "--"),
    "last_year": (1.8, ":"),
}
HATCHES: dict[SeriesStyle, str | None] = {"ours": None, "comparator": "//", "last_year": None}


@dataclass(frozen=True)
class Plotted:
    """One series as drawn: its heading, its values (None a gap) and their labels."""

    series: Series
    index: int
    heading: str
    values: tuple[float | None, ...]
    texts: tuple[str, ...]

    @property
    def colour(self) -> str:
        return PALETTE[self.index % len(PALETTE)]

    @property
    def marker(self) -> str:
        return MARKERS[self.index % len(MARKERS)]

    @property
    def solid(self) -> bool:
        return self.series.style == "ours"


def plotted_series(chart: Chart, table: Table) -> list[Plotted]:
    """Each series of the chart with its values from the table's body."""
    return [
        Plotted(
            series=series,
            index=index,
            heading=table.columns[series.column + 1],
            values=tuple(cell_number(cells[series.column]) for _, cells in table.body),
            texts=tuple(cell_text(cells[series.column]) for _, cells in table.body),
        )
        for index, series in enumerate(chart.series)
    ]


def has_suppressed(chart: Chart, table: Table) -> bool:
    """Whether any plotted cell is hidden as `c` (the chart then says what c means)."""
    return any(cells[s.column] == SUPPRESSED for _, cells in table.body for s in chart.series)


class ChartError(ValueError):
    """A chart that cannot be drawn from the table it names (the message says why)."""


def check_chart(chart: Chart, table: Table | None) -> None:
    """ChartError if the chart cannot be drawn from `table`: it is missing, or the chart
    plots a column the table does not have."""
    if table is None:
        raise ChartError(f"{chart.title}: its table ({chart.table_id}) is not in the report.")
    values = min([len(table.columns) - 1, *(len(cells) for _, cells in table.rows)])
    outside = [s.column + 1 for s in chart.series if not 0 <= s.column < values]
    if not chart.series or outside:
        raise ChartError(
            f"{chart.title}: the table {table.caption!r} has {values} columns of values; the"
            f" chart plots {', '.join(map(str, outside)) or 'none of them'}."
        )


def chart_figure(chart: Chart, table: Table) -> Figure:
    """The chart as a Figure: line, column or bar, with a legend naming each series.
    ChartError if the table does not have the columns the chart plots."""
    check_chart(chart, table)
    plotted = plotted_series(chart, table)
    labels = [label for label, _ in table.body]
    suppressed = has_suppressed(chart, table)
    layout = layout_for(chart, labels, len(plotted), note=suppressed)
    figure = Figure(figsize=(layout.width, layout.height))
    figure.subplots_adjust(**layout.margins)
    axes = figure.add_subplot()
    _style_axes(axes, horizontal=chart.kind == "bar")
    if chart.kind == "line":
        for item in plotted:
            axes.plot(range(len(labels)), [_nan(v) for v in item.values], **_line_look(item))
    else:
        _draw_bars(axes, chart, plotted, layout)
    _label_categories(figure, axes, chart, layout, labels)
    value_axis(axes, chart, [v for item in plotted for v in item.values if v is not None])
    _legend(figure, chart, plotted, layout)
    if not labels:
        axes.text(0.5, 0.5, "Nothing to show", transform=axes.transAxes, ha="center", color=INK)
    if suppressed:
        figure.text(0.01, 0.015, SUPPRESSED_NOTE, fontsize=LABEL_SIZE, color=INK)
    return figure


def _style_axes(axes: Axes, *, horizontal: bool) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.spines["left" if horizontal else "bottom"].set_color(INK)
    axes.spines["bottom" if horizontal else "left"].set_visible(False)
    axes.grid(axis="x" if horizontal else "y", color=GRID, linewidth=0.7)
    axes.set_axisbelow(True)
    axes.tick_params(colors=INK, labelsize=TICK_SIZE, length=0)


def _nan(value: float | None) -> float:
    return math.nan if value is None else value


def _line_look(item: Plotted) -> dict[str, Any]:
    """Ours solid, thick, with filled markers; others dashed or dotted, open markers."""
    width, dashes = LINES[item.series.style]
    return {
        "color": item.colour,
        "linewidth": width,
        "linestyle": dashes,
        "marker": item.marker,
        "markersize": 6 if item.solid else 5,
        "markerfacecolor": item.colour if item.solid else "white",
        "markeredgewidth": 1.4,
        "label": item.heading,
    }


def _bar_look(item: Plotted) -> dict[str, Any]:
    """Ours solid; a comparator hatched; last year an outline: the fill tells them apart."""
    return {
        "facecolor": item.colour if item.solid else "white",
        "edgecolor": item.colour,
        "hatch": HATCHES[item.series.style],
        "linewidth": 0 if item.solid else 1.4,
        "label": item.heading,
    }


def _draw_bars(axes: Axes, chart: Chart, plotted: list[Plotted], layout: Layout) -> None:
    """Bars grouped by row, one per series (drawn in one call a series: a call per bar costs
    more than the bar); each labelled with its value, a hidden one with `c`."""
    vertical = chart.kind == "column"
    width = 0.8 / len(plotted)
    draw = axes.bar if vertical else axes.barh
    for number, item in enumerate(plotted):
        offset = (number - (len(plotted) - 1) / 2) * width
        present = [(row, value) for row, value in enumerate(item.values) if value is not None]
        bars = draw([row + offset for row, _ in present], [value for _, value in present],
                    width, **_bar_look(item))  # fmt: skip
        for (row, _), bar in zip(present, bars, strict=True):
            bar.set_gid(f"{chart.id}-bar-{item.index}-{row}")
        for row, (value, text) in enumerate(zip(item.values, item.texts, strict=True)):
            if value is None and text != SUPPRESSED:
                continue  # a missing value: nothing to say on the chart
            upright = vertical and len(text) * LABEL_SIZE * 0.55 > layout.slot_points * width + 2
            _value_label(axes, row + offset, value or 0.0, text, vertical=vertical, upright=upright)
    if not vertical:
        axes.invert_yaxis()  # the table's first row at the top


def _value_label(
    axes: Axes, place: float, value: float, text: str, *, vertical: bool, upright: bool
) -> None:
    """The value at the end of its bar (upright when wider than the bar); `c` italic."""
    axes.annotate(
        text,
        (place, value) if vertical else (value, place),
        xytext=(0, 2) if vertical else (3, 0),
        textcoords="offset points",
        ha="center" if vertical else "left",
        va="bottom" if vertical else "center",
        rotation=90 if upright else 0,
        fontsize=LABEL_SIZE,
        fontstyle="italic" if text == SUPPRESSED else "normal",
        color=INK,
    )


def _label_categories(
    figure: Figure, axes: Axes, chart: Chart, layout: Layout, labels: list[str]
) -> None:
    """The table's row labels along the category axis, wrapped to fit. They are plain text
    rather than tick labels: matplotlib's ticks are a third of a chart's drawing time."""
    wrapped = category_labels(labels, layout.wrap)
    horizontal = chart.kind == "bar"
    if horizontal:
        axes.set_yticks([])
        axes.set_ylim(max(len(labels), 1) - 0.5, -0.5)
        place = offset_copy(axes.get_yaxis_transform(), fig=figure, x=-4, units="points")
    else:
        axes.set_xticks([])
        axes.set_xlim(-0.5, max(len(labels), 1) - 0.5)
        place = offset_copy(axes.get_xaxis_transform(), fig=figure, y=-4, units="points")
    for position, label in enumerate(wrapped):
        axes.text(
            0 if horizontal else position,
            position if horizontal else 0,
            label,
            transform=place,
            ha="right" if horizontal else "center",
            va="center" if horizontal else "top",
            multialignment="right" if horizontal else "center",
            fontsize=TICK_SIZE,
            color=INK,
        )


def _legend(figure: Figure, chart: Chart, plotted: list[Plotted], layout: Layout) -> None:
    """Every series named by its column heading, above the chart."""
    handles: list[Line2D | Patch] = [
        Line2D([], [], **_line_look(item)) if chart.kind == "line" else Patch(**_bar_look(item))
        for item in plotted
    ]
    figure.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(layout.margins["left"], 0.995),
        ncols=layout.legend_columns,
        frameon=False,
        fontsize=TICK_SIZE,
        handlelength=3,
        borderaxespad=0.2,
        columnspacing=1.6,
    )
