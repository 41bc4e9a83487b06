"""Import of the unit's own files (teams, staff, allocations, meetings, RAG...) in bulk.

A later import with the same `id` replaces the row (docs/unit-data.md). What staff added by
hand (rows without an external id, names typed in) is kept: a child's name from the files is
used only while the child has none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models

from iru.web.children.models import Allocation, Child
from iru.web.imports.unit_files import UnitFileError
from iru.web.imports.unit_rows import UnitData
from iru.web.imports.upsert import TableCount, load_by, upsert
from iru.web.meetings.models import Meeting, MeetingChild
from iru.web.people.models import Staff, Team
from iru.web.rag import services as rag_services
from iru.web.rag.models import Escalation, OversightNote, RagRating, RagReason

Warn = Callable[[str], None]


class Refs:
    """External ids -> primary keys, checked: an unknown id is an error naming where it was."""

    def __init__(self, unit: UnitData, children: dict[str, int]) -> None:
        self.unit, self.children = unit, children

    def file(self, base: str) -> str:
        return next((f for f in self.unit.files if f.rsplit("/", 1)[-1] == base), base)

    def load(self, model: type[models.Model]) -> dict[str, int]:
        rows = model._default_manager.exclude(external_id=None).values_list("external_id", "pk")
        return dict(rows)

    def find(self, table: dict[str, int], value: str, base: str, row: int, column: str) -> Any:
        if not value:
            return None
        if value not in table:
            raise UnitFileError(self.file(base), row, column, value, "no record with this id")
        return table[value]


def _by_external_id(model: type[models.Model], rows: list[dict[str, Any]]) -> TableCount:
    existing = load_by(model, "external_id", [r["external_id"] for r in rows])
    return upsert(model, rows, key=("external_id",), existing=existing)


def import_unit(*, unit: UnitData, children: dict[str, int], warn: Warn) -> dict[str, TableCount]:
    refs = Refs(unit, children)
    counts = {"teams": _teams(unit), "staff": _staff(unit, refs)}
    counts["children_names"] = _names(unit)
    counts["allocations"] = _allocations(unit, refs)
    counts["meetings"], counts["meeting_children"] = _meetings(unit, refs)
    counts["rag_ratings"] = _rag_ratings(unit, refs, warn)
    counts["escalations"] = _escalations(unit, refs)
    counts["oversight_notes"] = _notes(unit, refs)
    return counts


def _teams(unit: UnitData) -> TableCount:
    rows = [{"external_id": t.id, "name": t.name, "kind": t.kind} for t in unit.teams]
    return _by_external_id(Team, rows)


def _staff(unit: UnitData, refs: Refs) -> TableCount:
    teams = refs.load(Team)
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
    return _by_external_id(Staff, rows)


def _names(unit: UnitData) -> TableCount:
    """Fill in names for children who have none; a name typed in by staff wins."""
    names = {r.id: r for r in unit.children}
    count = TableCount()
    to_update = []
    for child in load_by(Child, "la_child_id", names):
        row = names[child.la_child_id]
        if child.given_name or child.family_name or not (row.given_name or row.family_name):
            count.unchanged += 1
            continue
        child.given_name, child.family_name = row.given_name, row.family_name
        to_update.append(child)
    Child.objects.bulk_update(to_update, ["given_name", "family_name"], batch_size=1000)
    count.updated = len(to_update)
    return count


def _allocations(unit: UnitData, refs: Refs) -> TableCount:
    staff, teams = refs.load(Staff), refs.load(Team)
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
    return _by_external_id(Allocation, rows)


def _meetings(unit: UnitData, refs: Refs) -> tuple[TableCount, TableCount]:
    staff = refs.load(Staff)
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
    count = _by_external_id(Meeting, rows)
    return count, _meeting_children(unit, refs)


def _meeting_children(unit: UnitData, refs: Refs) -> TableCount:
    """Each meeting covers exactly the children its row lists, with their participation."""
    meetings = refs.load(Meeting)
    codes = {
        (
            refs.find(meetings, p.meeting_id, "participation.csv", p.row, "meeting_id"),
            refs.children[p.child_id],
        ): p.code
        for p in unit.participation
    }
    links = {(meetings[m.id], refs.children[c]): "" for m in unit.meetings for c in m.child_ids}
    links |= codes
    rows = [{"meeting_id": m, "child_id": c, "participation": p} for (m, c), p in links.items()]
    existing = load_by(MeetingChild, "meeting_id", {m for m, _ in links})
    listed = {meetings[m.id] for m in unit.meetings}
    stale = [
        e.pk for e in existing if e.meeting_id in listed and (e.meeting_id, e.child_id) not in links
    ]
    MeetingChild.objects.filter(pk__in=stale).delete()
    return upsert(MeetingChild, rows, key=("meeting_id", "child_id"), existing=existing)


def _rag_ratings(unit: UnitData, refs: Refs, warn: Warn) -> TableCount:
    staff, meetings, f = refs.load(Staff), refs.load(Meeting), "rag_ratings.csv"
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
    count = _by_external_id(RagRating, rows)
    codes = {code for r in unit.rag_ratings for code in r.reasons}
    for code in rag_services.rag_reasons_add_uncatalogued(codes=codes):
        warn(f"{refs.file(f)}: reason {code!r} is not in the RAG catalogue; recorded as seen")
    _rating_reasons(unit, refs)
    return count


def _rating_reasons(unit: UnitData, refs: Refs) -> None:
    """Each rating has exactly the reasons its row lists."""
    through = RagRating.reasons.through
    ratings = refs.load(RagRating)
    reasons = dict(RagReason.objects.values_list("code", "pk"))
    wanted = {(ratings[r.id], reasons[c]) for r in unit.rag_ratings for c in r.reasons}
    existing = load_by(through, "ragrating_id", [ratings[r.id] for r in unit.rag_ratings])
    have = {(e.ragrating_id, e.ragreason_id): e.pk for e in existing}  # type: ignore[attr-defined]  # auto-created M2M model
    through.objects.filter(pk__in=[pk for k, pk in have.items() if k not in wanted]).delete()
    through.objects.bulk_create(
        [through(ragrating_id=a, ragreason_id=b) for a, b in sorted(wanted - have.keys())],
        batch_size=1000,
    )


def _escalations(unit: UnitData, refs: Refs) -> TableCount:
    staff = refs.load(Staff)
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
    return _by_external_id(Escalation, rows)


def _notes(unit: UnitData, refs: Refs) -> TableCount:
    staff = refs.load(Staff)
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
    return _by_external_id(OversightNote, rows)
