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
from decimal import Decimal
from pathlib import Path
from typing import Any

from iru.data.unit_cells import Cells, UnitFileError
from iru.data.unit_rows import (
    AllocationRow,
    ChildNameRow,
    EscalationRow,
    LeaveRow,
    MeetingRow,
    OversightNoteRow,
    ParticipationRow,
    PostHoldingRow,
    PostRow,
    RagRatingRow,
    StaffRow,
    TeamRow,
    UnitData,
)

__all__ = ["UNIT_FILE_NAMES", "UnitFileError", "read_unit_files", "read_unit_folder"]

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
    "posts.csv",
    "post_holdings.csv",
    "leave.csv",
)
# The choices of the people domain's models (`Post.Kind`, `PostHolding.Kind`, `Leave.Reason`)
# and of `MeetingChild.Booklet`; tests/data checks they agree.
POST_KINDS = ("iro", "icc", "lado", "manager", "admin", "minute_taker")
HOLDING_KINDS = ("substantive", "agency", "acting")
LEAVE_REASONS = ("maternity", "sickness", "other")
BOOKLETS = ("not_sent", "sent", "returned")
OUTCOMES = ("plan", "no_plan", "change_of_category", "child_died")


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
        c.choice("outcome", OUTCOMES, required=False),
        c.choice("category", ("NEG", "PHY", "SAB", "EMO", "MUL"), required=False),
    )


def _participation(c: Cells) -> ParticipationRow:
    """A child at a meeting: the PN code (a LAC review's) and the consultation booklet, each
    optional (`booklet` is a later column: a file without it is read as before)."""
    codes = tuple(f"PN{n}" for n in range(8))
    return ParticipationRow(
        c.row,
        c.text("meeting_id", required=True),
        c.text("child_id", required=True),
        c.choice("code", codes, required=False),
        c.choice("booklet", BOOKLETS, required=False),
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


def _post(c: Cells) -> PostRow:
    return PostRow(
        c.row,
        c.text("id", required=True),
        c.text("title", required=True),
        c.choice("kind", POST_KINDS),
        c.fte("fte"),
        *c.span(),
    )


def _post_holding(c: Cells) -> PostHoldingRow:
    return PostHoldingRow(
        c.row,
        c.text("id", required=True),
        c.text("post_id", required=True),
        c.text("staff_id", required=True),
        c.choice("kind", HOLDING_KINDS),
        *c.span(),
    )


def _leave(c: Cells) -> LeaveRow:
    return LeaveRow(
        c.row,
        c.text("id", required=True),
        c.text("holding_id", required=True),
        c.choice("reason", LEAVE_REASONS),
        *c.span(),
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
    "posts.csv": (("id", "title", "kind", "fte", "start", "end"), _post),
    "post_holdings.csv": (("id", "post_id", "staff_id", "kind", "start", "end"), _post_holding),
    "leave.csv": (("id", "holding_id", "reason", "start", "end"), _leave),
}
