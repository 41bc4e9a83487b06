"""`iru figures SOURCE --year-end YYYY-MM-DD [--from-db]`: every figure of FIGURES.md as JSON,
and the unit's own (`unit`, docs/figures.md) from the database or SOURCE's `unit` folders.

Exit status 0 with the JSON on stdout; 2 with a one-line message on stderr when the year end
is not a month's last day, SOURCE is not a folder, a file cannot be read at all, or the
database reader is not available. Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from iru.rules.years import is_month_end

if TYPE_CHECKING:
    from iru.data.dataset import Dataset
    from iru.figures.unit import UnitDataset


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source",
        metavar="SOURCE",
        nargs="?",
        type=Path,
        help="folder searched recursively for SSDA903 CSV and CIN census XML files",
    )
    parser.add_argument(
        "--year-end",
        required=True,
        metavar="YYYY-MM-DD",
        help="last day of the reporting year (the last day of a month, normally 31 March)",
    )
    parser.add_argument(
        "--from-db",
        action="store_true",
        help="read the web app's database instead of SOURCE: the returns imported and the "
        "meetings recorded in the app since",
    )
    parser.add_argument(
        "--returns-only",
        action="store_true",
        help="with --from-db: what the returns alone hold, without the meetings recorded in "
        "the app that no return holds yet (ADR 19)",
    )


def run(args: argparse.Namespace) -> int:
    year_end = _year_end(args.year_end)
    if year_end is None:
        return _fail(f"--year-end {args.year_end}: must be the last day of a month, as YYYY-MM-DD")
    try:
        dataset = _dataset(args)
        unit = _unit_dataset(args)
        figures = _figures(dataset, unit, year_end)
    except _CommandError as error:
        return _fail(str(error))
    except Exception as error:  # a bug must still not print a traceback at a councillor
        return _fail(f"internal error: {type(error).__name__}: {_one_line(error)}", 1)
    json.dump(figures, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


class _CommandError(Exception):
    pass


def _figures(dataset: Dataset, unit: UnitDataset | None, year_end: date) -> dict[str, object]:
    """The returns' figures, and the unit's (`unit`, before `warnings`) when its records
    were read: the returns prepared once for both."""
    from iru.figures import figures_for_year, prepare

    prepared = prepare(dataset)
    figures = figures_for_year(prepared, year_end)
    if unit is None:
        return figures
    from iru.figures.unit import unit_figures

    warnings = figures.pop("warnings")
    return figures | unit_figures(unit, prepared, year_end) | {"warnings": warnings}


def _unit_dataset(args: argparse.Namespace) -> UnitDataset | None:
    """The unit's records: the database's with --from-db (none with --returns-only: the
    returns alone hold none), else the `unit` folders under SOURCE, if any."""
    if args.from_db:
        if args.returns_only:
            return None
        try:
            from iru.web.reports.selectors import unit_dataset

            return unit_dataset()
        except Exception as error:
            raise _CommandError(f"cannot read the database: {_one_line(error)}") from None
    from iru.data.unit_files import UnitFileError, read_unit_files, unit_files_under
    from iru.figures.unit.files import FILES_READ, unit_dataset_from_files

    try:
        files = [f for f in unit_files_under(args.source) if f[0].endswith(FILES_READ)]
        return unit_dataset_from_files(read_unit_files(files)) if files else None
    except UnitFileError as error:
        raise _CommandError(_one_line(error)) from None
    except OSError as error:
        raise _CommandError(f"{error.filename or args.source}: {error.strerror}") from None


def _dataset(args: argparse.Namespace) -> Dataset:
    if args.from_db:
        try:
            from iru.web.runtime import setup_django

            setup_django()
            from iru.web.imports.selectors import dataset_from_database
            from iru.web.imports.unit_records import unit_writes
        except ImportError as error:
            raise _CommandError(f"--from-db is not available yet ({error})") from None
        try:
            only = unit_writes() if args.returns_only else None
            result: Dataset = dataset_from_database(returns_only=only)
        except Exception as error:
            raise _CommandError(f"cannot read the database: {_one_line(error)}") from None
        return result
    if args.returns_only:
        raise _CommandError("--returns-only reads the database: use it with --from-db")
    if args.source is None:
        raise _CommandError("SOURCE is required (a folder of SSDA903 / CIN census files)")
    if not args.source.is_dir():
        raise _CommandError(f"{args.source}: not a folder")
    from iru.data.problems import UnreadableFile

    try:
        from iru.data import read_source  # type: ignore[attr-defined,unused-ignore]
    except ImportError as error:
        raise _CommandError(f"the file reader is not available ({error})") from None

    try:
        dataset: Dataset = read_source(args.source)
    except UnreadableFile as error:
        raise _CommandError(_one_line(error)) from None
    except OSError as error:
        raise _CommandError(
            f"{getattr(error, 'filename', args.source)}: {error.strerror}"
        ) from None
    return dataset


def _year_end(text: str) -> date | None:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if is_month_end(day) else None


def _one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _fail(message: str, status: int = 2) -> int:
    print(f"iru figures: {message}", file=sys.stderr)
    return status
