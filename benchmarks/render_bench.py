"""Benchmark the report renderers on a document the size of the annual report.

    .venv/bin/python benchmarks/render_bench.py [--scale 10] [--repeat 3] [--out DIR]

The document is invented, shaped like the annual report: 12 sections, 40 tables (14 of months
with a total row and percentages, 22 of a year's breakdowns, 4 of reasons with long labels)
and 15 charts (line, column and bar). `--scale` multiplies every count (10: a council ten
times the default authority; the tables have the same rows at any scale, only the numbers
grow). Prints, for each step, the best and the median wall time of `--repeat` runs and the
CPU time of the best (the machine may be shared):

  (a) one chart as SVG, drawn (not from the cache), per chart;
  (b) the whole report as HTML (reports/document.html), charts drawn afresh; and again with
      the charts cached, as when a draft is shown again after its narrative is edited;
  (c) that HTML as PDF (WeasyPrint);
  (d) the report as Word (charts as PNG).

Targets at 10 x (2 cores): HTML < 2 s, PDF < 10 s, Word < 5 s. Not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iru.web.settings.test")

import django  # noqa: E402

django.setup()

from django.template.loader import render_to_string  # noqa: E402

from iru.reports import charts  # noqa: E402
from iru.reports.document import (  # noqa: E402
    Chart,
    ReportDocument,
    Row,
    Section,
    Series,
    Table,
    share,
)
from iru.reports.docx import docx_from_document  # noqa: E402
from iru.reports.pdf import pdf_from_html  # noqa: E402

MONTHS = [
    f"{m} {y}"
    for y, ms in (
        (2015, "April May June July August September October November December"),
        (2016, "January February March"),
    )
    for m in ms.split()
]
REASON = "The care plan does not reflect the child's current needs, wishes and feelings ({})"


def _month_table(number: int, scale: int) -> Table:
    rows: list[Row] = []
    for index, month in enumerate(MONTHS):
        held = scale * (60 + (index * 7 + number * 3) % 25)
        timely = held - scale * (3 + (index + number) % 6)
        rows.append((month, (held, timely, share(timely, held), 88.0, 86.5 + index % 4)))
    held, timely = sum(r[1][0] for r in rows), sum(r[1][1] for r in rows)  # type: ignore[misc]
    rows.append(("Total", (held, timely, share(timely, held), 88.0, 87.0)))  # type: ignore[arg-type]
    columns = ("Month", "Held", "In timescale", "% in timescale", "England %", "Last year %")
    return Table(
        f"month-{number}",
        f"Month table {number}",
        columns,
        tuple(rows),
        note="A note under the table.",
        source="reviews.by_month",
        total_row=True,
    )


def _year_table(number: int, scale: int) -> Table:
    rows = tuple(
        (
            f"Category {i} of table {number}",
            (scale * (5 + i * 11 % 17), scale * (4 + i * 7 % 13), share(i, 9)),
        )
        for i in range(1 + number % 8)
    )
    return Table(
        f"year-{number}",
        f"Year table {number}",
        ("Category", "This year", "Last year", "%"),
        rows,
        source="lac.starters",
    )


def _reason_table(number: int, scale: int) -> Table:
    rows = tuple((REASON.format(i), (scale * (20 - i),)) for i in range(12))
    return Table(f"reasons-{number}", f"Reasons {number}", ("Reason", "Ratings"), rows)


def annual_sized_document(scale: int) -> ReportDocument:
    """40 tables and 15 charts in 12 sections, counts multiplied by `scale`."""
    months = [_month_table(n, scale) for n in range(14)]
    years = [_year_table(n, scale) for n in range(22)]
    reasons = [_reason_table(n, scale) for n in range(4)]
    charts_ = [
        Chart(
            f"chart-month-{n}",
            f"Chart {n}",
            t.id,
            "line" if n % 2 else "column",
            (Series(2), Series(3, "comparator"), Series(4, "last_year"))
            if n % 2
            else (Series(0), Series(1, "last_year")),
            "Percent",
            percent=n % 2 == 1,
        )
        for n, t in enumerate(months[:12])
    ]
    charts_ += [
        Chart(f"chart-reasons-{n}", f"Reasons chart {n}", t.id, "bar", (Series(0),))
        for n, t in enumerate(reasons[:3])
    ]
    blocks: list[list[Table | Chart]] = [[] for _ in range(12)]
    for index, table in enumerate([*months, *years, *reasons]):
        chart = next((c for c in charts_ if c.table_id == table.id), None)
        blocks[index % 12] += [chart, table] if chart else [table]
    sections = tuple(
        Section(f"s{n}", f"Section {n}", tuple(b), f"s{n}", "Some **words**.")
        for n, b in enumerate(blocks)
    )
    return ReportDocument(
        "annual",
        "Annual report",
        "April 2015 to March 2016",
        "Borsetshire Council",
        "2016-03-31",
        date(2016, 4, 29),
        sections,
    )


def _timed(step: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Best and median wall seconds, and the CPU seconds of the best run."""
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        step()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    best = min(runs)
    return best[0], statistics.median(r[0] for r in runs), best[1]


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write report.html, .pdf and .docx here")
    options = parser.parse_args(argv[1:])
    document = annual_sized_document(options.scale)
    print(
        f"document: {len(document.tables)} tables, {len(document.charts)} charts, "
        f"scale {options.scale}, best of {options.repeat}"
    )
    render_to_string("reports/document.html", {"document": document})  # templates, fonts loaded

    def svg_each() -> None:
        charts._drawn_svg.cache_clear()
        for chart in document.charts:
            charts.chart_svg(chart, document.table(chart.table_id))

    def html_cold() -> str:
        charts._drawn_svg.cache_clear()
        return render_to_string("reports/document.html", {"document": document})

    html = html_cold()
    rows = [
        ("(a) SVG, per chart", _timed(svg_each, options.repeat), len(document.charts)),
        ("(b) HTML, charts drawn", _timed(html_cold, options.repeat), 1),
        (
            "    HTML, charts cached",
            _timed(
                lambda: render_to_string("reports/document.html", {"document": document}),
                options.repeat,
            ),
            1,
        ),
        ("(c) PDF from the HTML", _timed(lambda: pdf_from_html(html), options.repeat), 1),
        ("(d) Word", _timed(lambda: docx_from_document(document), options.repeat), 1),
    ]
    print(f"{'step':28} {'best s':>8} {'median s':>9} {'cpu s':>7}")
    for name, (best, median, cpu), per in rows:
        print(f"{name:28} {best / per:8.3f} {median / per:9.3f} {cpu / per:7.3f}")
    if options.out:
        options.out.mkdir(parents=True, exist_ok=True)
        (options.out / "report.html").write_text(html)
        (options.out / "report.pdf").write_bytes(pdf_from_html(html))
        (options.out / "report.docx").write_bytes(docx_from_document(document))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv)
