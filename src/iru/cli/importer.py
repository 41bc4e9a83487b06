"""`iru import PATH`: SSDA903, CIN census and unit files into the database, all or nothing."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from iru.data.dataset import Dataset

SHOWN_WARNINGS = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="a folder of returns (and unit/), or one file")
    parser.add_argument("--user", help="the username to record as having run the import")


def run(args: argparse.Namespace) -> int:
    from iru.web.runtime import setup_django

    setup_django()
    from iru.web import clock

    try:  # the command, not the library, reads the clock
        summary = import_path(args.path, username=args.user, today=clock.today())
    except ImportStopped as stopped:
        print(f"iru import: {stopped}", file=sys.stderr)
        return 2
    print_summary(summary)
    return 0


class ImportStopped(Exception):
    """Nothing was imported; the message says why in one line."""


def import_path(path: Path, *, today: date, username: str | None = None, label: str = "") -> Any:
    """Read `path` and import it, storing every child's next meeting as of `today`; raises
    `ImportStopped` with a one-line reason on failure."""
    from iru.web.imports.services.dataset import import_dataset
    from iru.web.runtime import (
        database_made_before_message,
        migrations_of_apps_gone,
        unapplied_migrations,
    )

    if not path.exists():
        raise ImportStopped(f"{path}: no such file or folder")
    if migrations_of_apps_gone():
        raise ImportStopped(database_made_before_message("DATABASE_URL"))
    if unapplied_migrations():
        raise ImportStopped("the database needs migrating first: run `iru manage migrate`")
    user = _user(username)
    dataset, unit = read_path(path)
    with _Progress(dataset) as progress:
        try:
            return import_dataset(
                dataset=dataset,
                unit=unit,
                user=user,
                source=str(path),
                label=label,
                today=today,
                progress=progress,
            )
        except Exception as error:  # recorded on the ImportRun; shown in one line
            raise ImportStopped(f"nothing imported: {error}") from error


def read_path(path: Path) -> tuple[Dataset, Any]:
    """The returns (via `iru.data.read_source`) and the unit files under `path`."""
    from iru.data import read_source
    from iru.data.problems import UnreadableFile
    from iru.data.unit_files import (
        UNIT_FILE_NAMES,
        UnitFileError,
        read_unit_files,
        unit_files_under,
    )

    try:
        if path.is_file() and path.name in UNIT_FILE_NAMES:
            return Dataset(), read_unit_files([(f"unit/{path.name}", path.read_bytes())])
        unit_files = unit_files_under(path) if path.is_dir() else []
        unit = read_unit_files(unit_files) if unit_files else None
        return read_source(path), unit
    except (UnreadableFile, UnitFileError) as error:
        raise ImportStopped(f"{error}; nothing imported") from error
    except OSError as error:
        raise ImportStopped(
            f"{error.filename or path}: cannot be read ({error.strerror})"
        ) from error


def _user(username: str | None) -> Any:
    if not username:
        return None
    from iru.web.people.selectors import user_by_username

    user = user_by_username(username)
    if user is None:
        raise ImportStopped(f"no user called {username!r}")
    return user


class _Progress:
    """A tqdm bar over the import's steps, shown for large imports on a terminal."""

    def __init__(self, dataset: Dataset) -> None:
        self.rows = sum(dataset.frame(name).height for name in ("header", "episodes", "reviews"))

    def __enter__(self) -> Any:
        from tqdm import tqdm

        from iru.web.imports.services.dataset import STEPS

        disable = None if self.rows >= 10_000 else True  # None: on a terminal only
        self.bar = tqdm(total=len(STEPS), desc="importing", unit="table", disable=disable)
        return lambda step: (self.bar.set_postfix_str(step), self.bar.update())

    def __exit__(self, *exc: object) -> None:
        self.bar.close()


def print_summary(summary: Any) -> None:
    print(
        f"Import {summary.run_id}: {summary.children_added} children added, "
        f"{summary.children_updated} updated."
    )
    for name, count in summary.tables.items():
        if count.added or count.updated or count.unchanged:
            print(
                f"  {name}: {count.added} added, {count.updated} updated, "
                f"{count.unchanged} unchanged"
            )
    print(f"{len(summary.warnings)} warning{'s' if len(summary.warnings) != 1 else ''}.")
    for warning in summary.warnings[:SHOWN_WARNINGS]:
        print(f"  {warning}")
    print_to_check(summary)


def print_to_check(summary: Any) -> None:
    """What the import left for admin to look at (ADR 0018): counts, the first few, and where
    the web app lists every one."""
    overlaps, moved = summary.overlaps, summary.due_changes
    print(f"{len(overlaps)} {_children(len(overlaps))} left with overlapping episodes.")
    for overlap in overlaps[:SHOWN_WARNINGS]:
        dates = ", ".join(
            f"{e.decom:%d/%m/%Y} to {f'{e.dec:%d/%m/%Y}' if e.dec else 'open'}"
            for e in overlap.episodes
        )
        print(f"  child {overlap.child}: {dates}")
    print(f"{len(moved)} next due date{'s' if len(moved) != 1 else ''} changed.")
    if overlaps or moved:
        print(f"Every one is listed in the web app: Imports, import {summary.run_id}.")


def _children(count: int) -> str:
    return "child" if count == 1 else "children"
