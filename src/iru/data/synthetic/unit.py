"""Write the unit's own data (docs/unit-data.md) for the synthetic authority under `unit/`."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from iru.data.synthetic.authority import Authority
from iru.data.synthetic.calendar import WorkingDays, collection_year_days, iso, years_old
from iru.data.synthetic.model import Child
from iru.data.synthetic.unit_meetings import Recorder
from iru.data.synthetic.unit_rag import RagProcess
from iru.data.synthetic.unit_staff import Allocator, Staff, Team, Unit

COLUMNS = {
    "teams": ["id", "name", "kind"],
    "staff": ["id", "given_name", "family_name", "role", "team_id", "fte", "email"],
    "children": ["id", "given_name", "family_name"],
    "allocations": [
        "id", "child_id", "kind", "chair_id", "social_worker_id", "team_id", "start", "end",
    ],
    "meetings": [
        "id", "kind", "date", "chair_id", "child_ids", "attendees", "reports_shared_3_days",
        "outcome", "category",
    ],
    "participation": ["meeting_id", "child_id", "code"],
    "rag_ratings": [
        "id", "meeting_id", "child_id", "rating", "reasons", "comment", "team_manager_id", "sent",
        "response_due", "responded", "response",
    ],
    "escalations": [
        "id", "child_id", "raised_by", "raised", "stage", "stage_due", "resolved", "outcome",
        "cafcass_referral", "summary",
    ],
    "oversight_notes": ["id", "child_id", "author_id", "date", "text"],
}  # fmt: skip


def write_unit(folder: Path, authority: Authority, seed: int, areas: int) -> dict[str, int]:
    """Build and write every unit file; return row counts by file."""
    rng = random.Random(f"{seed}:unit")
    wd = WorkingDays(authority.first_year - 1, authority.last_year + 2)
    window = collection_year_days(authority.first_year)[0]
    unit = Unit(rng, areas)
    allocator = Allocator(rng, unit)
    recorder = Recorder(rng, wd, authority.today, unit, allocator)
    by_id = {child.id: child for child in authority.children}
    for child in authority.children:
        for period in child.periods:
            if not period.short_breaks and (period.end is None or period.end >= window):
                allocator.for_period(child, period, child.family_id % areas, authority.today)
        recorder.lac_reviews(child, window)
    family_staff: dict[int, tuple[Staff, Staff, Team]] = {}
    for conference in authority.conferences:
        if conference.date < window:
            continue
        first = by_id.get(conference.child_ids[0])
        if first is None:
            continue
        chair, _worker, team = _family_staff(family_staff, allocator, unit, first, areas)
        oldest = max(
            years_old(by_id[i].dob, conference.date) for i in conference.child_ids if i in by_id
        )
        recorder.conference(conference, chair, team, oldest)
    _cp_allocations(authority, allocator, family_staff, window)
    rag = RagProcess(rng, wd, authority.today, unit, recorder.records)
    for meeting in sorted(recorder.records.meetings, key=lambda m: (m.date, m.id)):
        rag.rate(meeting)
    for allocation in allocator.allocations:
        rag.notes(allocation)
    return _write_all(folder, authority, unit, allocator, recorder)


def _family_staff(
    cache: dict[int, tuple[Staff, Staff, Team]], allocator: Allocator, unit: Unit, child: Child,
    areas: int,
) -> tuple[Staff, Staff, Team]:  # fmt: skip
    if child.family_id not in cache:
        area = child.family_id % areas
        team = unit.team("cp", area, child.family_id)
        cache[child.family_id] = (allocator.chair("icc", area), allocator.worker(team), team)
    return cache[child.family_id]


def _cp_allocations(
    authority: Authority, allocator: Allocator, family_staff: dict[int, tuple[Staff, Staff, Team]],
    window: int,
) -> None:  # fmt: skip
    for child in authority.children:
        staff = family_staff.get(child.family_id)
        if staff is None:
            continue
        for episode in child.cin:
            for plan in episode.plans:
                if plan.end is None or plan.end >= window:
                    allocator.for_plan(child.id, plan, *staff)


def _write_all(
    folder: Path, authority: Authority, unit: Unit, allocator: Allocator, recorder: Recorder
) -> dict[str, int]:
    records = recorder.records
    rows: dict[str, list[list[str]]] = {
        "teams": [[t.id, t.name, t.kind] for t in unit.teams],
        "staff": [
            [s.id, s.given_name, s.family_name, s.role, s.team_id,
             "" if s.fte is None else f"{s.fte:g}", s.email]
            for s in unit.staff
        ],
        "children": [[c.id, c.given_name, c.family_name] for c in authority.children],
        "allocations": [
            [a.id, a.child_id, a.kind, a.chair_id, a.social_worker_id, a.team_id, iso(a.start),
             iso(a.end) if a.end is not None else ""]
            for a in allocator.allocations
        ],
        "meetings": [
            [m.id, m.kind, iso(m.date), m.chair_id, ";".join(m.child_ids), ";".join(m.attendees),
             "true" if m.reports_shared else "false", m.outcome, m.category]
            for m in records.meetings
        ],
        "participation": [list(row) for row in records.participation],
        "rag_ratings": records.ratings,
        "escalations": records.escalations,
        "oversight_notes": records.notes,
    }  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in rows.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(COLUMNS[name])
            writer.writerows(table)
    return {f"unit_{name}": len(table) for name, table in rows.items()}
