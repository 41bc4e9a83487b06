"""A report's charts as accessible inline SVG (the web page, the PDF) and as PNG (Word).

Both are deterministic: the same chart and table give the same bytes, because a published
report is kept and hashed. The SVG has no fixed width (its viewBox keeps the proportions, so
it scales to the page), is an image with a title and a description (`role="img"`,
`aria-labelledby`), and its ids start with the chart's id, so that many charts can sit on one
page without one chart's clip path or glyph being drawn in another.

matplotlib's settings are global to the process: they are applied for the length of one
drawing under a lock, so two requests drawing at once cannot mix them.
"""

from __future__ import annotations

import base64
import functools
import io
import os
import re
import tempfile
import threading
from html import escape
from pathlib import Path
from typing import Any

# matplotlib caches its font list on first import: in a temporary folder of our own unless
# the environment says where, so no run writes into a home directory or warns about it.
os.environ.setdefault(
    "MPLCONFIGDIR", str(Path(tempfile.gettempdir()) / f"iru-matplotlib-{os.getuid()}")
)

import matplotlib
from matplotlib.figure import Figure
from matplotlib.typing import RcKeyType

from iru.reports.chart_drawing import (
    SUPPRESSED_NOTE,
    ChartError,
    chart_figure,
    check_chart,
    has_suppressed,
)
from iru.reports.document import Chart, Table, chart_text_alternative

__all__ = ["ChartError", "chart_png", "chart_svg", "chart_svg_data_url", "text_alternative"]

_SETTINGS: dict[RcKeyType, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["Liberation Sans", "DejaVu Sans"],  # Arial's metrics; DejaVu ships
    "svg.fonttype": "none",
    "svg.hashsalt": "iru-report",  # stable ids for clip paths and glyphs
    "hatch.linewidth": 0.8,
    "axes.unicode_minus": False,
}
_DRAWING = threading.Lock()


def chart_svg(chart: Chart, table: Table) -> str:
    """The chart as an inline `<svg>` element, titled and described for assistive technology
    (ChartError, saying why, if the table does not have the columns the chart plots).

    Kept for the process's life, so a report shown again (or a draft whose narrative alone
    changed) is not drawn again."""
    # The key is the repr too: 7 and 7.0 are equal in Python but not on the chart (7, 7.0).
    return _drawn_svg(repr((chart, table)), chart, table)


@functools.lru_cache(maxsize=256)
def _drawn_svg(key: str, chart: Chart, table: Table) -> str:
    with _DRAWING, matplotlib.rc_context(_SETTINGS):
        figure = chart_figure(chart, table)
        text = _save(figure, "svg").decode("utf-8")
    return accessible_svg(text, chart.id, chart.title, text_alternative(chart, table))


def chart_svg_data_url(chart: Chart, table: Table) -> str:
    """The same SVG as a `data:` URL, for an `<img>` (or ChartError): how the page, the
    downloaded HTML and the PDF show a chart (ADR 26). The page's Content-Security-Policy
    forbids inline styles, which matplotlib's SVG is full of, and WeasyPrint styled every
    element of an inline chart as HTML, at the cost of a table; as an image the chart is
    drawn, vector still, within its own document."""
    svg = chart_svg(chart, table)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def chart_png(chart: Chart, table: Table, dpi: int = 200) -> bytes:
    """The chart as a PNG image, the same drawing as the SVG, for Word (or ChartError)."""
    with _DRAWING, matplotlib.rc_context(_SETTINGS):
        return _save(chart_figure(chart, table), "png", dpi=dpi)


def text_alternative(chart: Chart, table: Table) -> str:
    """The chart in words, with what `c` means when a value is hidden (or ChartError)."""
    check_chart(chart, table)
    words = chart_text_alternative(chart, table)
    return f"{words} {SUPPRESSED_NOTE}." if has_suppressed(chart, table) else words


def _save(figure: Figure, kind: str, dpi: int = 72) -> bytes:
    buffer = io.BytesIO()
    if kind == "svg":
        # No date and no software version in the file: the same chart, the same bytes.
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    else:
        # The least zlib effort: compressing took a fifth of a PNG's time, for a few KB.
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None},
                       pil_kwargs={"compress_level": 1})  # fmt: skip
    return buffer.getvalue()


_ROOT = re.compile(r"<svg\b[^>]*>")
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(xlink:href="#|href="#|url\(#)([^")]+)')


def accessible_svg(svg: str, chart_id: str, title: str, description: str) -> str:
    """matplotlib's SVG made fit to sit inline in HTML: no XML prolog, no metadata, no
    document-wide stylesheet, no fixed size, ids prefixed, a title and a description."""
    prefix = f"{_safe_id(chart_id)}-svg"
    body = svg[svg.index("<svg") :]
    body = re.sub(r"\s*<metadata>.*?</metadata>", "", body, flags=re.DOTALL)
    # matplotlib's `*{...}` stylesheet would apply to the whole page: the same two
    # (inherited) properties are set on the root instead.
    body = re.sub(r"\s*<defs>\s*<style[^>]*>.*?</style>\s*</defs>", "", body, flags=re.DOTALL)
    body = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', body)
    body = _REFERENCE.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", body)
    match = _VIEWBOX.search(body[: body.index(">") + 1])
    view_box = match.group(1) if match else "0 0 504 245"
    root = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f' viewBox="{view_box}" id="{prefix}" class="iru-chart__image" role="img"'
        f' aria-labelledby="{prefix}-title {prefix}-desc" focusable="false"'
        f' stroke-linejoin="round" stroke-linecap="butt">'
        f'<title id="{prefix}-title">{escape(title)}</title>'
        f'<desc id="{prefix}-desc">{escape(description)}</desc>'
    )
    return _ROOT.sub(lambda _: root, body, count=1).strip()


def _safe_id(text: str) -> str:
    """An id fit for HTML: letters, digits and hyphens, starting with a letter."""
    cleaned = re.sub(r"[^A-Za-z0-9-]+", "-", text).strip("-") or "chart"
    return cleaned if cleaned[0].isalpha() else f"c-{cleaned}"
