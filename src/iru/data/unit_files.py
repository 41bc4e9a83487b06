"""A strict reader for the unit's own CSV files (docs/unit-data.md).

Strict: a wrong value stops the read with a `UnitFileError` naming the file, row, column and
value. Row numbers are spreadsheet rows (the header is row 1). Cross-references between files
(a chair's staff ID, a meeting's ID) are checked by the import service, which also knows the
database.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from iru.data.unit_rows import (
    AllocationRow,
    ChildNameRow,
    EscalationRow,
    MeetingRow,
    OversightNoteRow,
    ParticipationRow,
    RagRatingRow,
    StaffRow,
    TeamRow,
    UnitData,
)

Date = date  # `Cells.date` is a method: annotations inside the class use this name

UNIT_FILE_NAMES = (
    "teams.csv",
    "staff.csv",
    "children.csv",
    "allocations.csv",
    "meetings.csv",
    "participation.csv",
    "rag_ratings.csv",
    "escalations.csv",
    "oversight_notes.csv",
)


class UnitFileError(Exception):
    """A unit file that cannot be read, or a value in it that is wrong."""

    def __init__(
        self, file: str, row: int | None, column: str | None, value: str | None, message: str
    ) -> None:
        where = file + (f", row {row}" if row else "") + (f", column {column}" if column else "")
        shown = f" (value {value!r})" if value not in (None, "") else ""
        super().__init__(f"{where}: {message}{shown}")
        self.file, self.row, self.column, self.value = file, row, column, value


class Cells:
    """One CSV row's values, parsed strictly; every error names file, row and column."""

    def __init__(self, file: str, row: int, record: dict[str, str | None]) -> None:
        self.file, self.row, self._record = file, row, record

    def fail(self, column: str, message: str) -> UnitFileError:
        return UnitFileError(self.file, self.row, column, self._record.get(column), message)

    def text(self, column: str, *, required: bool = False) -> str:
        value = (self._record.get(column) or "").strip()
        if required and not value:
            raise self.fail(column, "a value is required")
        return value

    def choice(self, column: str, choices: Sequence[str], *, required: bool = True) -> str:
        value = self.text(column, required=required)
        if value and value not in choices:
            raise self.fail(column, f"must be one of {', '.join(choices)}")
        return value

    def date(self, column: str, *, required: bool = False) -> Date | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(column, "is not a date YYYY-MM-DD") from None

    def required_date(self, column: str) -> Date:
        value = self.date(column, required=True)
        if value is None:  # unreachable: `date(required=True)` raises first
            raise self.fail(column, "a value is required")
        return value

    def boolean(self, column: str, *, required: bool = False) -> bool | None:
        value = self.text(column, required=required).lower()
        if not value:
            return None
        if value not in ("true", "false"):
            raise self.fail(column, "must be true or false")
        return value == "true"

    def decimal(self, column: str, low: Decimal, high: Decimal) -> Decimal | None:
        value = self.text(column)
        if not value:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise self.fail(column, "is not a number") from None
        if not (low <= number <= high):
            raise self.fail(column, f"must be from {low} to {high}")
        return number

    def integer(self, column: str, choices: Sequence[int]) -> int:
        value = self.text(column, required=True)
        if not value.isdigit() or int(value) not in choices:
            raise self.fail(column, f"must be one of {', '.join(map(str, choices))}")
        return int(value)

    def items(self, column: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in self.text(column).split(";") if item.strip())


def read_unit_folder(folder: Path, *, name_prefix: str = "unit/") -> UnitData:
    """Read every known unit file present in `folder`."""
    files = [
        (name_prefix + name, (folder / name).read_bytes())
        for name in UNIT_FILE_NAMES
        if (folder / name).is_file()
    ]
    return read_unit_files(files)


def unit_files_under(source: Path) -> list[tuple[str, bytes]]:
    """The unit's files in every folder named `unit` under `source`, as (path relative to
    `source`, content), folders in path order: what `read_unit_files` reads."""
    folders = sorted(p for p in source.rglob("unit") if p.is_dir())
    return [
        (str(file.relative_to(source)), file.read_bytes())
        for folder in folders
        for name in UNIT_FILE_NAMES
        if (file := folder / name).is_file()
    ]


def read_unit_files(files: Sequence[tuple[str, bytes]]) -> UnitData:
    """Read unit files given as (name, content); the base name says which file each is."""
    tables: dict[str, tuple[Any, ...]] = {}
    for name, content in files:
        base = name.rsplit("/", 1)[-1]
        if base not in _PARSERS:
            raise UnitFileError(name, None, None, None, "is not one of the unit's files")
        columns, parse = _PARSERS[base]
        tables[base.removesuffix(".csv")] = tuple(_rows(name, content, columns, parse))
    return UnitData(files=tuple(name for name, _ in files), **tables)


def _rows(
    name: str, content: bytes, columns: Sequence[str], parse: Callable[[Cells], Any]
) -> list[Any]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnitFileError(name, None, None, None, "is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [column.strip() for column in reader.fieldnames or []]
    missing = [column for column in columns if column not in header]
    if missing:
        raise UnitFileError(name, 1, missing[0], None, "the column is missing")
    reader.fieldnames = header
    try:
        return [parse(Cells(name, number, record)) for number, record in enumerate(reader, 2)]
    except csv.Error as error:
        raise UnitFileError(
            name, reader.line_num, None, None, f"is not valid CSV: {error}"
        ) from None


def _team(c: Cells) -> TeamRow:
    kinds = ("lac", "cp", "disability", "leaving_care", "assessment")
    return TeamRow(
        c.row,
        c.text("id", required=True),
        c.text("name", required=True),
        c.choice("kind", kinds, required=False),
    )


def _staff(c: Cells) -> StaffRow:
    roles = ("iro", "icc", "head_of_service", "admin", "team_manager", "social_worker")
    return StaffRow(
        c.row,
        c.text("id", required=True),
        c.text("given_name", required=True),
        c.text("family_name", required=True),
        c.choice("role", roles),
        c.text("team_id"),
        c.decimal("fte", Decimal(0), Decimal(1)),
        c.text("email"),
    )


def _child(c: Cells) -> ChildNameRow:
    return ChildNameRow(
        c.row, c.text("id", required=True), c.text("given_name"), c.text("family_name")
    )


def _allocation(c: Cells) -> AllocationRow:
    return AllocationRow(
        c.row,
        c.text("id", required=True),
        c.text("child_id", required=True),
        c.choice("kind", ("lac", "cp")),
        c.text("chair_id"),
        c.text("social_worker_id"),
        c.text("team_id"),
        c.required_date("start"),
        c.date("end"),
    )


def _meeting(c: Cells) -> MeetingRow:
    return MeetingRow(
        c.row,
        c.text("id", required=True),
        c.choice("kind", ("lac_review", "icpc", "rcpc")),
        c.required_date("date"),
        c.text("chair_id"),
        c.items("child_ids"),
        c.items("attendees"),
        c.boolean("reports_shared_3_days"),
        c.choice("outcome", ("plan", "no_plan"), required=False),
        c.choice("category", ("NEG", "PHY", "SAB", "EMO", "MUL"), required=False),
    )


def _participation(c: Cells) -> ParticipationRow:
    codes = tuple(f"PN{n}" for n in range(8))
    return ParticipationRow(
        c.row,
        c.text("meeting_id", required=True),
        c.text("child_id", required=True),
        c.choice("code", codes),
    )


def _rag_rating(c: Cells) -> RagRatingRow:
    return RagRatingRow(
        c.row,
        c.text("id", required=True),
        c.text("meeting_id"),
        c.text("child_id", required=True),
        c.choice("rating", ("red", "amber", "green")),
        c.items("reasons"),
        c.text("comment"),
        c.text("team_manager_id"),
        c.date("sent"),
        c.date("response_due"),
        c.date("responded"),
        c.text("response"),
    )


def _escalation(c: Cells) -> EscalationRow:
    return EscalationRow(
        c.row,
        c.text("id", required=True),
        c.text("child_id", required=True),
        c.text("raised_by"),
        c.required_date("raised"),
        c.integer("stage", (1, 2, 3, 4)),
        c.date("stage_due"),
        c.date("resolved"),
        c.text("outcome"),
        bool(c.boolean("cafcass_referral")),
        c.text("summary"),
    )


def _oversight_note(c: Cells) -> OversightNoteRow:
    return OversightNoteRow(
        c.row,
        c.text("id", required=True),
        c.text("child_id", required=True),
        c.text("author_id"),
        c.required_date("date"),
        c.text("text"),
    )


_PARSERS: dict[str, tuple[tuple[str, ...], Callable[[Cells], Any]]] = {
    "teams.csv": (("id", "name", "kind"), _team),
    "staff.csv": (("id", "given_name", "family_name", "role", "team_id", "fte", "email"), _staff),
    "children.csv": (("id", "given_name", "family_name"), _child),
    "allocations.csv": (
        ("id", "child_id", "kind", "chair_id", "social_worker_id", "team_id", "start", "end"),
        _allocation,
    ),
    "meetings.csv": (
        (
            "id",
            "kind",
            "date",
            "chair_id",
            "child_ids",
            "attendees",
            "reports_shared_3_days",
            "outcome",
            "category",
        ),
        _meeting,
    ),
    "participation.csv": (("meeting_id", "child_id", "code"), _participation),
    "rag_ratings.csv": (
        (
            "id",
            "meeting_id",
            "child_id",
            "rating",
            "reasons",
            "comment",
            "team_manager_id",
            "sent",
            "response_due",
            "responded",
            "response",
        ),
        _rag_rating,
    ),
    "escalations.csv": (
        (
            "id",
            "child_id",
            "raised_by",
            "raised",
            "stage",
            "stage_due",
            "resolved",
            "outcome",
            "cafcass_referral",
            "summary",
        ),
        _escalation,
    ),
    "oversight_notes.csv": (("id", "child_id", "author_id", "date", "text"), _oversight_note),
}
