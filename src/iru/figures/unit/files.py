"""The unit's files (docs/unit-data.md, read by `iru.data.unit_files`) as a `UnitDataset`, so
`iru figures SOURCE` counts the unit's figures from the `unit/` folder `iru generate` writes.

The files name rows by their own string IDs; the dataset numbers them (a meeting, a member of
staff, a post, an escalation) in file order. A row repeating an earlier row's ID replaces it,
as the import does. Without `posts.csv` the caseloads take the chairs' own FTE; a participation
row without a booklet is `not_recorded`. The files hold no escalation stages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

import polars as pl

from iru.data.unit_rows import UnitData
from iru.figures.unit.dataset import UnitDataset, unit_frame

# The unit's files these figures read (a unit folder's RAG ratings and oversight notes, its
# largest files, are left unread).
FILES_READ = (
    "staff.csv",
    "allocations.csv",
    "meetings.csv",
    "participation.csv",
    "escalations.csv",
    "posts.csv",
    "post_holdings.csv",
    "leave.csv",
)


class _Row(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Row)


def unit_dataset_from_files(data: UnitData) -> UnitDataset:
    """`data`'s staff, allocations, meetings (with participation) and escalations."""
    staff = _last_rows(data.staff)
    staff_number = {row.id: number for number, row in enumerate(staff)}
    meetings, covered = _meetings(data, staff_number)
    posts, holdings, leaves = _establishment(data, staff_number)
    return UnitDataset(
        posts=posts,
        holdings=holdings,
        leaves=leaves,
        meetings=meetings,
        meeting_children=covered,
        allocations=unit_frame(
            "allocations",
            ["child_id", "kind", "chair_id", "start", "end"],
            [
                (r.child_id, r.kind, staff_number.get(r.chair_id), r.start, r.end)
                for r in _last_rows(data.allocations)
            ],
        ),
        staff=unit_frame(
            "staff",
            ["staff_id", "role", "fte"],
            [(n, r.role, None if r.fte is None else float(r.fte)) for n, r in enumerate(staff)],
        ),
        escalations=unit_frame(
            "escalations",
            ["escalation_id", "raised", "stage", "resolved", "cafcass_referral"],
            [
                (n, r.raised, r.stage, r.resolved, r.cafcass_referral)
                for n, r in enumerate(_last_rows(data.escalations))
            ],
        ),
    )


def _meetings(data: UnitData, staff_number: dict[str, int]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The meetings, and the children each covered with their participation code."""
    meetings = _last_rows(data.meetings)
    codes = {(r.meeting_id, r.child_id): r.code for r in data.participation}
    booklets = {(r.meeting_id, r.child_id): r.booklet for r in data.participation}
    held = unit_frame(
        "meetings",
        ["meeting_id", "kind", "date", "chair_id", "outcome", "attendees"],
        [
            (n, r.kind, r.date, staff_number.get(r.chair_id), r.outcome or None, r.attendees)
            for n, r in enumerate(meetings)
        ],
    )
    covered = unit_frame(
        "meeting_children",
        ["meeting_id", "child_id", "participation", "booklet"],
        [
            (n, child, codes.get((r.id, child)) or None, booklets.get((r.id, child)) or None)
            for n, r in enumerate(meetings)
            for child in dict.fromkeys(r.child_ids)
        ],
    )
    return held, covered


def _establishment(
    data: UnitData, staff_number: dict[str, int]
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The posts, who held them and their leave, numbered in file order."""
    posts = _last_rows(data.posts)
    post_number = {row.id: number for number, row in enumerate(posts)}
    holdings = _last_rows(data.post_holdings)
    holding_number = {row.id: number for number, row in enumerate(holdings)}
    return (
        unit_frame(
            "posts",
            ["post_id", "kind", "fte", "start", "end"],
            [(n, r.kind, float(r.fte), r.start, r.end) for n, r in enumerate(posts)],
        ),
        unit_frame(
            "holdings",
            ["holding_id", "post_id", "staff_id", "kind", "start", "end"],
            [
                (
                    n,
                    post_number.get(r.post_id),
                    staff_number.get(r.staff_id),
                    r.kind,
                    r.start,
                    r.end,
                )
                for n, r in enumerate(holdings)
            ],
        ),
        unit_frame(
            "leaves",
            ["holding_id", "start", "end"],
            [(holding_number.get(r.holding_id), r.start, r.end) for r in _last_rows(data.leave)],
        ),
    )


def _last_rows(rows: Sequence[R]) -> list[R]:
    """Each ID's last row, in the order the IDs first appear."""
    return list({row.id: row for row in rows}.values())
