"""`iru report annual --year-end YYYY-MM-DD --out FILE`: the Annual Independent Chairperson's
Report from the web app's database, as one HTML document (the same tables as the app's page).

Exit status 0 with the file written; 2 with a one-line message on stderr when the year end is
not one the data covers or the file cannot be written. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=["annual"], help="which report")
    parser.add_argument("--year-end", required=True, metavar="YYYY-MM-DD",
                        help="the last day of the reporting year: 31 March")  # fmt: skip
    parser.add_argument("--format", choices=["html"], default="html",
                        help="html (PDF and Word are to come)")  # fmt: skip
    parser.add_argument("--out", required=True, type=Path, metavar="FILE")


def _fail(message: str) -> int:
    print(f"iru report: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    try:
        year_end = date.fromisoformat(args.year_end)
    except ValueError:
        return _fail(f"--year-end {args.year_end}: not a date as YYYY-MM-DD")
    from iru.web.runtime import setup_django

    setup_django()
    from django.template.loader import render_to_string

    from iru.reports.annual import annual_report, year_before
    from iru.web import clock
    from iru.web.imports.selectors import report_year_ends, statutory_figures

    today = clock.today()
    covered = report_year_ends(today=today)
    if year_end not in covered:
        if not covered:
            return _fail("no returns have been imported: there is no year to report on")
        return _fail(f"--year-end {year_end}: the data covers the years ending 31 March "
                     f"{covered[-1].year} to 31 March {covered[0].year}")  # fmt: skip
    this = statutory_figures(year_end=year_end, today=today)
    before = year_before(year_end)
    last = statutory_figures(year_end=before, today=today) if before in covered else None
    html = render_to_string(
        "reports/annual_document.html", {"report": annual_report(this, last, year_end)}
    )
    try:
        args.out.write_text(html, encoding="utf-8")
    except OSError as error:
        return _fail(f"{args.out}: cannot write ({error.strerror})")
    print(f"Wrote {args.out}: the annual report for the year ending {year_end:%-d %B %Y}")
    return 0
