"""Import of the unit's own files (teams, staff, allocations, meetings, RAG...) in bulk.

This module resolves each row's references (a chair's staff ID, a meeting's ID) to primary
keys, failing with the file, row, column and value of an unknown one, and hands each domain
its rows: the domains write their own records. A later import with the same `id` replaces the
row (docs/unit-data.md). What staff added by hand (rows without an external id, names typed
in) is kept: a child's name from the files is used only while the child has none.
"""

from __future__ import annotations

from collections.abc import Callable

from iru.data.unit_files import UnitFileError
from iru.data.unit_rows import UnitData
from iru.web.caseloads.services import allocations_import
from iru.web.children.services.returns import child_names_import
from iru.web.core.upsert import TableCount
from iru.web.disputes.services.imports import (
    escalations_import,
    rag_ratings_import,
    rating_reasons_import,
)
from iru.web.disputes.services.ratings import rag_reasons_add_uncatalogued
from iru.web.imports.services.establishment import import_establishment
from iru.web.imports.services.refs import Refs
from iru.web.meetings.selectors import meeting_pks_by_external_id
from iru.web.meetings.services.imports import meeting_children_import, meetings_import
from iru.web.oversight.services import oversight_notes_import
from iru.web.people.selectors import staff_pks_by_external_id, team_pks_by_external_id
from iru.web.people.services import staff_import, teams_import

Warn = Callable[[str], None]


def import_unit(*, unit: UnitData, children: dict[str, int], warn: Warn) -> dict[str, TableCount]:
    """Write every table of the unit's files, in the order their references need."""
    refs = Refs(unit, children)
    counts = {"teams": _teams(unit), "staff": _staff(unit, refs)}
    counts |= import_establishment(unit, refs)
    names = {r.id: (r.given_name, r.family_name) for r in unit.children}
    counts["children_names"] = child_names_import(names)
    counts["allocations"] = _allocations(unit, refs)
    counts["meetings"], counts["meeting_children"] = _meetings(unit, refs)
    counts["rag_ratings"] = _rag_ratings(unit, refs, warn)
    counts["escalations"] = _escalations(unit, refs)
    counts["oversight_notes"] = _notes(unit, refs)
    return counts


def _teams(unit: UnitData) -> TableCount:
    return teams_import([{"external_id": t.id, "name": t.name, "kind": t.kind} for t in unit.teams])


def _staff(unit: UnitData, refs: Refs) -> TableCount:
    teams = team_pks_by_external_id()
    rows = [
        {
            "external_id": s.id,
            "given_name": s.given_name,
            "family_name": s.family_name,
            "role": s.role,
            "team_id": refs.find(teams, s.team_id, "staff.csv", s.row, "team_id"),
            "fte": s.fte,
            "email": s.email,
        }
        for s in unit.staff
    ]
    return staff_import(rows)


def _allocations(unit: UnitData, refs: Refs) -> TableCount:
    staff, teams = staff_pks_by_external_id(), team_pks_by_external_id()
    f = "allocations.csv"
    rows = [
        {
            "external_id": a.id,
            "child_id": refs.children[a.child_id],
            "kind": a.kind,
            "chair_id": refs.find(staff, a.chair_id, f, a.row, "chair_id"),
            "social_worker_id": refs.find(staff, a.social_worker_id, f, a.row, "social_worker_id"),
            "team_id": refs.find(teams, a.team_id, f, a.row, "team_id"),
            "start": a.start,
            "end": a.end,
        }
        for a in unit.allocations
    ]
    return allocations_import(rows)


def _meetings(unit: UnitData, refs: Refs) -> tuple[TableCount, TableCount]:
    staff = staff_pks_by_external_id()
    rows = [
        {
            "external_id": m.id,
            "kind": m.kind,
            "date": m.date,
            "chair_id": refs.find(staff, m.chair_id, "meetings.csv", m.row, "chair_id"),
            "attendees": list(m.attendees),
            "reports_shared_3_days": m.reports_shared_3_days,
            "outcome": m.outcome,
            "category": m.category,
        }
        for m in unit.meetings
    ]
    count = meetings_import(rows)
    return count, _meeting_children(unit, refs)


def _meeting_children(unit: UnitData, refs: Refs) -> TableCount:
    """Each meeting covers exactly the children its row lists, with their participation (a PN
    code at a LAC review) and consultation booklet."""
    meetings = meeting_pks_by_external_id()
    kinds = {m.id: m.kind for m in unit.meetings}
    links = {
        (meetings[m.id], refs.children[c]): ("", "") for m in unit.meetings for c in m.child_ids
    }
    for p in unit.participation:
        meeting = refs.find(meetings, p.meeting_id, "participation.csv", p.row, "meeting_id")
        if p.code and kinds.get(p.meeting_id, "lac_review") != "lac_review":
            raise UnitFileError(
                refs.file("participation.csv"), p.row, "code", p.code,
                "a PN code is for a LAC review: leave it empty for a conference",
            )  # fmt: skip
        links[(meeting, refs.children[p.child_id])] = (p.code, p.booklet)
    return meeting_children_import(links, listed={meetings[m.id] for m in unit.meetings})


def _rag_ratings(unit: UnitData, refs: Refs, warn: Warn) -> TableCount:
    staff, meetings, f = staff_pks_by_external_id(), meeting_pks_by_external_id(), "rag_ratings.csv"
    rows = [
        {
            "external_id": r.id,
            "meeting_id": refs.find(meetings, r.meeting_id, f, r.row, "meeting_id"),
            "child_id": refs.children[r.child_id],
            "rating": r.rating,
            "comment": r.comment,
            "team_manager_id": refs.find(staff, r.team_manager_id, f, r.row, "team_manager_id"),
            "sent": r.sent,
            "response_due": r.response_due,
            "responded": r.responded,
            "response": r.response,
        }
        for r in unit.rag_ratings
    ]
    _once_per_meeting(unit, refs)
    count = rag_ratings_import(rows)
    codes = {code for r in unit.rag_ratings for code in r.reasons}
    for code in rag_reasons_add_uncatalogued(codes=codes):
        warn(f"{refs.file(f)}: reason {code!r} is not in the RAG catalogue; recorded as seen")
    rating_reasons_import({r.id: r.reasons for r in unit.rag_ratings})
    return count


def _once_per_meeting(unit: UnitData, refs: Refs) -> None:
    """A child's case is rated once after a meeting (the database refuses a second rating):
    say where the file has two."""
    first: dict[tuple[str, str], int] = {}
    for r in unit.rag_ratings:
        if not r.meeting_id:
            continue
        seen = first.setdefault((r.meeting_id, r.child_id), r.row)
        if seen != r.row:
            raise UnitFileError(
                refs.file("rag_ratings.csv"), r.row, "meeting_id", r.meeting_id,
                f"the child is already rated after this meeting (row {seen})",
            )  # fmt: skip


def _escalations(unit: UnitData, refs: Refs) -> TableCount:
    staff = staff_pks_by_external_id()
    rows = [
        {
            "external_id": e.id,
            "child_id": refs.children[e.child_id],
            "raised_by_id": refs.find(staff, e.raised_by, "escalations.csv", e.row, "raised_by"),
            "raised": e.raised,
            "stage": e.stage,
            "stage_due": e.stage_due,
            "resolved": e.resolved,
            "outcome": e.outcome,
            "cafcass_referral": e.cafcass_referral,
            "summary": e.summary,
        }
        for e in unit.escalations
    ]
    return escalations_import(rows)


def _notes(unit: UnitData, refs: Refs) -> TableCount:
    staff = staff_pks_by_external_id()
    rows = [
        {
            "external_id": n.id,
            "child_id": refs.children[n.child_id],
            "author_id": refs.find(staff, n.author_id, "oversight_notes.csv", n.row, "author_id"),
            "date": n.date,
            "text": n.text,
        }
        for n in unit.oversight_notes
    ]
    return oversight_notes_import(rows)
