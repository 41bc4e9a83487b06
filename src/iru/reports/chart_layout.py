"""The size and margins of a chart, worked out from its labels rather than measured.

matplotlib's tight layout draws the figure once more to measure it; at about fifteen charts a
report that doubles the time, so the margins are estimated from the number and length of the
labels (an average glyph of the 8.5 pt label font is taken as 0.55 em wide).
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass

from iru.reports.document import Chart

WIDTH = 7.0  # inches: A4's text width at 18 mm margins, so the PNG in Word is not rescaled
COLUMN_HEIGHT = 3.4
POINTS = 72.0
TICK_SIZE = 8.5
GLYPH = 0.55  # average glyph width, in ems
LINE = 0.17  # inches per line of tick labels
LEGEND_ROW = 0.26  # inches per row of the legend
BAR_WRAP = 46  # characters a line of a horizontal bar's label: long reasons in 2-3 lines
NOTE = 0.22  # inches for the note under the chart


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    margins: dict[str, float]  # subplots_adjust fractions: left, right, top, bottom
    wrap: int  # characters a line of the category labels
    legend_columns: int
    slot_points: float  # the width (or height) of one category, in points


_MONTH = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})$")


def category_labels(labels: list[str], wrap: int) -> list[str]:
    """The row labels as the category axis shows them: months shortened ("Apr"; twelve full
    names do not fit side by side), the year under the first month and each January ("Apr"
    over "2015", "May", ..., "Jan" over "2016"); anything else wrapped at spaces."""
    months = [match for label in labels if (match := _MONTH.match(label))]
    if not labels or len(months) < len(labels):
        return [textwrap.fill(label, wrap, break_long_words=False) for label in labels]
    years = [None, *(m.group(2) for m in months)]
    return [
        f"{m.group(1)}\n{m.group(2)}" if m.group(2) != year else m.group(1)
        for m, year in zip(months, years, strict=False)
    ]


def layout_for(chart: Chart, labels: list[str], series: int, *, note: bool) -> Layout:
    """The figure's size and margins for `labels` along the category axis, with room for
    the note under the chart when `note`."""
    columns = min(max(series, 1), 3)
    top = 0.12 + LEGEND_ROW * math.ceil(max(series, 1) / columns)
    below = NOTE if note else 0.0
    if chart.kind == "bar":
        return _horizontal(labels, series, top, below, columns)
    left, right = 0.8, 0.2
    slot = (WIDTH - left - right) * POINTS / max(len(labels), 1)
    wrap = max(4, int(slot / (TICK_SIZE * GLYPH)))
    lines = max((label.count("\n") + 1 for label in category_labels(labels, wrap)), default=1)
    bottom = 0.2 + LINE * lines + below
    return Layout(
        width=WIDTH,
        height=COLUMN_HEIGHT,
        margins=_fractions(left, right, top, bottom, WIDTH, COLUMN_HEIGHT),
        wrap=wrap,
        legend_columns=columns,
        slot_points=slot,
    )


def _horizontal(labels: list[str], series: int, top: float, note: float, columns: int) -> Layout:
    """Horizontal bars: the labels down the left, wrapped; the height grows with the rows."""
    wrapped = [textwrap.wrap(label, BAR_WRAP) or [""] for label in labels]
    longest = max((len(line) for lines in wrapped for line in lines), default=1)
    left = min(3.2, 0.25 + longest * TICK_SIZE * GLYPH / POINTS)
    lines = max((len(lines) for lines in wrapped), default=1)
    row = max(0.3 * max(1.0, 0.65 * series), LINE * lines + 0.1)
    bottom = 0.5 + note
    height = top + bottom + row * max(len(labels), 1)
    return Layout(
        width=WIDTH,
        height=height,
        margins=_fractions(left, 0.45, top, bottom, WIDTH, height),
        wrap=BAR_WRAP,
        legend_columns=columns,
        slot_points=row * POINTS,
    )


def _fractions(
    left: float, right: float, top: float, bottom: float, width: float, height: float
) -> dict[str, float]:
    return {
        "left": left / width,
        "right": 1 - right / width,
        "top": 1 - top / height,
        "bottom": bottom / height,
    }
