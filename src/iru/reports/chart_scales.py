"""A chart's value axis: where it stops and how its numbers read.

Percentages run 0 to 100, so that a change of a few points does not look like a collapse,
unless every value is 20 or less (a rate of repeat plans, say), when the axis stops at the
next multiple of 5 and the values can be told apart. Counts run from 0 to a round number at or
above the largest. Bars get a little room at the end for the value written there.
"""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MaxNLocator

from iru.reports.document import Chart

STEPS = [1, 2, 2.5, 5, 10]
BAR_LABEL_ROOM = 1.08


def value_axis_top(largest: float, *, percent: bool) -> float:
    """The top of the value axis for values up to `largest`."""
    if percent:
        return 100.0 if largest > 20 else max(5.0, 5.0 * math.ceil(largest / 5))
    if largest <= 0:
        return 1.0
    ticks = MaxNLocator(nbins=5, steps=STEPS, integer=True).tick_values(0, largest)
    return float(ticks[-1])


def value_axis(axes: Axes, chart: Chart, values: list[float]) -> None:
    """Set the value axis (y, or x for horizontal bars): its range, ticks and label."""
    top = value_axis_top(max(values, default=0.0), percent=chart.percent)
    if chart.kind != "line":
        top *= BAR_LABEL_ROOM
    horizontal = chart.kind == "bar"
    (axes.set_xlim if horizontal else axes.set_ylim)(0, top)
    axis = axes.xaxis if horizontal else axes.yaxis
    axis.set_major_locator(MaxNLocator(nbins=5, steps=STEPS, integer=not chart.percent))
    if chart.percent:
        axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}%"))
    else:
        axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    (axes.set_xlabel if horizontal else axes.set_ylabel)(
        chart.y_label, fontsize=8.5, color="#0b0c0c"
    )
