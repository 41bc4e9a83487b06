"""`iru export reviews --year 2015-16 --out FILE`: the SSDA903 Reviews table from the web app's
database (the reviews imported and those recorded in the app), for the authority's return.

Exit status 0 with the file written and a line saying how many reviews it holds and how many
lack a REVIEW_CODE; 2 with a one-line message on stderr when the year is not written as
YYYY-YY, the database cannot be read or the file cannot be written. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from iru.data.write903 import reviews_csv, without_code
from iru.rules.years import collection_year_from_label, collection_year_label


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("table", choices=["reviews"], help="which SSDA903 table")
    parser.add_argument("--year", required=True, metavar="YYYY-YY",
                        help="the collection year, 1 April to 31 March: 2015-16")  # fmt: skip
    parser.add_argument("--out", required=True, type=Path, metavar="FILE",
                        help="the CSV file to write (SSDA903_2015-16_Reviews.csv)")  # fmt: skip


def _fail(message: str) -> int:
    print(f"iru export: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    try:
        year = collection_year_from_label(args.year)
    except ValueError as error:
        return _fail(f"--year {error}")
    if args.out.is_dir():
        return _fail(f"{args.out}: is a folder; give the file to write")
    try:
        from iru.web.runtime import setup_django, unapplied_migrations

        setup_django()
        if unapplied_migrations():
            return _fail("the database needs migrating first: run `iru manage migrate`")
        from iru.web.imports.return_exports import reviews_return_for_command

        command = f"iru export reviews --year {collection_year_label(year)}"
        rows = reviews_return_for_command(year=year, command=command)
    except Exception as error:  # a database that is not there must not print a traceback
        return _fail(f"cannot read the database: {_one_line(error)}")
    try:
        args.out.write_bytes(reviews_csv(rows).encode("utf-8"))
    except OSError as error:
        return _fail(f"{args.out}: cannot write ({error.strerror})")
    missing = without_code(rows)
    print(f"Wrote {args.out}: {len(rows)} reviews held in {collection_year_label(year)}, "
          f"{missing} without a REVIEW_CODE")  # fmt: skip
    return 0


def _one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__
