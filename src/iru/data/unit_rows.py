"""Typed rows of the unit's own files (docs/unit-data.md), as read by `unit_files`.

Each row carries its spreadsheet row number so later errors can point at it. Dates that a file
requires are typed `date`; the reader guarantees them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class TeamRow:
    row: int
    id: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class StaffRow:
    row: int
    id: str
    given_name: str
    family_name: str
    role: str
    team_id: str
    fte: Decimal | None
    email: str


@dataclass(frozen=True, slots=True)
class ChildNameRow:
    row: int
    id: str
    given_name: str
    family_name: str


@dataclass(frozen=True, slots=True)
class AllocationRow:
    row: int
    id: str
    child_id: str
    kind: str
    chair_id: str
    social_worker_id: str
    team_id: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class MeetingRow:
    row: int
    id: str
    kind: str
    date: date
    chair_id: str
    child_ids: tuple[str, ...]
    attendees: tuple[str, ...]
    reports_shared_3_days: bool | None
    outcome: str
    category: str


@dataclass(frozen=True, slots=True)
class ParticipationRow:
    row: int
    meeting_id: str
    child_id: str
    code: str  # PN0-PN7 at a LAC review; "" at a conference
    booklet: str = ""  # not_sent / sent / returned; "" not said


@dataclass(frozen=True, slots=True)
class PostRow:
    row: int
    id: str
    title: str
    kind: str
    fte: Decimal
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class PostHoldingRow:
    row: int
    id: str
    post_id: str
    staff_id: str
    kind: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class LeaveRow:
    row: int
    id: str
    holding_id: str
    reason: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class RagRatingRow:
    row: int
    id: str
    meeting_id: str
    child_id: str
    rating: str
    reasons: tuple[str, ...]
    comment: str
    team_manager_id: str
    sent: date | None
    response_due: date | None
    responded: date | None
    response: str


@dataclass(frozen=True, slots=True)
class EscalationRow:
    row: int
    id: str
    child_id: str
    raised_by: str
    raised: date
    stage: int
    stage_due: date | None
    resolved: date | None
    outcome: str
    cafcass_referral: bool
    summary: str


@dataclass(frozen=True, slots=True)
class OversightNoteRow:
    row: int
    id: str
    child_id: str
    author_id: str
    date: date
    text: str


@dataclass(frozen=True)
class UnitData:
    """Everything read from a unit folder. A table is empty when its file was absent."""

    files: tuple[str, ...] = ()
    teams: tuple[TeamRow, ...] = ()
    staff: tuple[StaffRow, ...] = ()
    children: tuple[ChildNameRow, ...] = ()
    allocations: tuple[AllocationRow, ...] = ()
    meetings: tuple[MeetingRow, ...] = ()
    participation: tuple[ParticipationRow, ...] = ()
    rag_ratings: tuple[RagRatingRow, ...] = ()
    escalations: tuple[EscalationRow, ...] = ()
    oversight_notes: tuple[OversightNoteRow, ...] = ()
    posts: tuple[PostRow, ...] = ()
    post_holdings: tuple[PostHoldingRow, ...] = ()
    leave: tuple[LeaveRow, ...] = ()

    def child_ids(self) -> set[str]:
        """Every child ID the unit's files mention."""
        ids = {r.id for r in self.children} | {r.child_id for r in self.allocations}
        ids |= {c for m in self.meetings for c in m.child_ids}
        ids |= {r.child_id for r in self.participation} | {r.child_id for r in self.rag_ratings}
        ids |= {r.child_id for r in self.escalations} | {r.child_id for r in self.oversight_notes}
        return ids
