"""`iru report annual|rag`: a report from the web app's database, as a file.

    iru report annual --year-end 2016-03-31 --format pdf --out report.pdf
    iru report annual --year-end 2016-03-31 --format docx --out report.docx --published
    iru report rag --month 2016-03 --format pdf --out rag.pdf --edition public

The draft is drawn from the data as it stands; `--published` gives the latest published
version exactly as it was kept (`--version N` an earlier one). `--edition public` suppresses
small numbers (for anything that leaves the council). Each file written is an access event.
Exit status 0 with the file written; 2 with a one-line message on stderr (a year or month the
data does not cover, nothing published, a file that cannot be written). Never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from pathlib import Path

FORMATS = ("html", "pdf", "docx", "xlsx", "csv")


class Refused(Exception):
    """A report that cannot be made: the message says why, in one line."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=["annual", "rag"], help="which report")
    parser.add_argument("--year-end", metavar="YYYY-MM-DD",
                        help="annual: the last day of the reporting year, 31 March")  # fmt: skip
    parser.add_argument("--month", metavar="YYYY-MM", help="rag: the month")
    parser.add_argument("--format", choices=FORMATS, default="html")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE")
    parser.add_argument("--edition", choices=["full", "public"], default="full",
                        help="public: small numbers suppressed (DfE rule)")  # fmt: skip
    parser.add_argument("--published", action="store_true",
                        help="the published version, as kept on the day")  # fmt: skip
    parser.add_argument("--version", type=int, help="with --published: that version")


def _fail(message: str) -> int:
    print(f"iru report: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from iru.web.runtime import setup_django

    setup_django()
    try:
        period = _period(args)
        content = _published(args, period) if args.published else _draft(args, period)
    except Refused as refused:
        return _fail(str(refused))
    try:
        args.out.write_bytes(content)
    except OSError as error:
        return _fail(f"{args.out}: cannot write ({error.strerror})")
    _log(args, period)
    what = "published version" if args.published else "draft"
    print(f"Wrote {args.out}: the {args.kind} report for {period}, {what}, {args.edition} edition")
    return 0


def _period(args: argparse.Namespace) -> str:
    """The report's period: the year end (annual) or the month (rag), checked."""
    if args.kind == "annual":
        if not args.year_end:
            raise Refused("--year-end YYYY-MM-DD is needed for the annual report")
        try:
            return date.fromisoformat(args.year_end).isoformat()
        except ValueError:
            raise Refused(f"--year-end {args.year_end}: not a date as YYYY-MM-DD") from None
    if not args.month:
        raise Refused("--month YYYY-MM is needed for the RAG report")
    try:
        return date.fromisoformat(f"{args.month}-01").isoformat()[:7]
    except ValueError:
        raise Refused(f"--month {args.month}: not a month as YYYY-MM") from None


def _draft(args: argparse.Namespace, period: str) -> bytes:
    from iru.web import clock
    from iru.web.reports.outputs import edition_of, render_file

    today = clock.today()
    document = (
        _annual_draft(date.fromisoformat(period), today)
        if args.kind == "annual"
        else _rag_draft(period, today)
    )
    return render_file(edition_of(document, args.edition), args.format)


def _annual_draft(year_end: date, today: date):  # type: ignore[no-untyped-def]
    from iru.reports.annual import annual_document
    from iru.web.imports.selectors import report_year_ends
    from iru.web.reports.inputs import annual_inputs

    covered = report_year_ends(today=today)
    if year_end not in covered:
        if not covered:
            raise Refused("no returns have been imported: there is no year to report on")
        raise Refused(f"--year-end {year_end}: the data covers the years ending 31 March "
                      f"{covered[-1].year} to 31 March {covered[0].year}")  # fmt: skip
    return annual_document(annual_inputs(year_end=year_end, today=today))


def _rag_draft(month: str, today: date):  # type: ignore[no-untyped-def]
    from iru.web.reports.rag import unit_rag_document

    try:
        return unit_rag_document(month=month, today=today)
    except ValueError as error:
        raise Refused(f"--month {month}: {error}") from None


def _published(args: argparse.Namespace, period: str) -> bytes:
    from iru.web.reports.records import published_file_content

    try:
        return published_file_content(kind=args.kind, period=period, version=args.version,
                                      format=args.format, edition=args.edition)  # fmt: skip
    except LookupError as error:
        raise Refused(str(error)) from None


def _log(args: argparse.Namespace, period: str) -> None:
    from django.contrib.auth.models import AnonymousUser

    from iru.web.reports.access import report_downloaded

    command = f"cli:{getpass.getuser()} iru report {args.kind}"
    report_downloaded(user=AnonymousUser(), kind=args.kind, period=period, format=args.format,
                      edition=args.edition, path=command)  # fmt: skip
