"""Write the unit's own data (docs/unit-data.md) for the synthetic authority under `unit/`."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from iru.data.synthetic.authority import Authority
from iru.data.synthetic.calendar import Day, WorkingDays, collection_year_days, iso, years_old
from iru.data.synthetic.unit_allocations import Allocator
from iru.data.synthetic.unit_meetings import Recorder
from iru.data.synthetic.unit_posts import Establishment
from iru.data.synthetic.unit_rag import RagProcess
from iru.data.synthetic.unit_staff import Staff, Team, Unit

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
    "participation": ["meeting_id", "child_id", "code", "booklet"],
    "posts": ["id", "title", "kind", "fte", "start", "end"],
    "post_holdings": ["id", "post_id", "staff_id", "kind", "start", "end"],
    "leave": ["id", "holding_id", "reason", "start", "end"],
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
    establishment = Establishment(rng, unit, authority.today)
    allocator = Allocator(rng, unit, establishment.chair_spells)
    recorder = Recorder(rng, wd, authority.today, allocator)
    for child in authority.children:
        for period in child.periods:
            if not period.short_breaks and (period.end is None or period.end >= window):
                allocator.for_period(child, period, child.family_id % areas, authority.today)
        recorder.lac_reviews(child, window)
    family_staff = _conferences(authority, unit, allocator, recorder, window, areas)
    _cp_allocations(authority, allocator, family_staff, window, areas)
    rag = RagProcess(rng, wd, authority.today, unit, recorder.records)
    for meeting in sorted(recorder.records.meetings, key=lambda m: (m.date, m.id)):
        rag.rate(meeting)
    for allocation in allocator.allocations:
        rag.notes(allocation)
    return _write_all(folder, authority, unit, establishment, allocator, recorder)


def _conferences(
    authority: Authority, unit: Unit, allocator: Allocator, recorder: Recorder, window: int,
    areas: int,
) -> dict[int, tuple[Staff, Team]]:  # fmt: skip
    """Record the conferences from `window` in date order (a family keeps its chair while the
    chair is available); return each family's social worker and team."""
    by_id = {child.id: child for child in authority.children}
    family_staff: dict[int, tuple[Staff, Team]] = {}
    held = [c for c in authority.conferences if c.date >= window and c.child_ids[0] in by_id]
    for conference in sorted(held, key=lambda c: (c.date, c.child_ids[0])):
        family = by_id[conference.child_ids[0]].family_id
        if family not in family_staff:
            team = unit.team("cp", family % areas, family)
            family_staff[family] = (allocator.worker(team), team)
        chair, _until = allocator.family_chair(family, family % areas, conference.date)
        ages = [years_old(by_id[i].dob, conference.date) for i in conference.child_ids]
        recorder.conference(conference, chair, family_staff[family][1], ages)
    return family_staff


def _cp_allocations(
    authority: Authority, allocator: Allocator, family_staff: dict[int, tuple[Staff, Team]],
    window: int, areas: int,
) -> None:  # fmt: skip
    for child in authority.children:
        staff = family_staff.get(child.family_id)
        if staff is None:
            continue
        family = (child.family_id, child.family_id % areas)
        for episode in child.cin:
            for plan in episode.plans:
                if plan.end is None or plan.end >= window:
                    allocator.for_plan(child.id, plan, family, *staff)


def _write_all(
    folder: Path, authority: Authority, unit: Unit, establishment: Establishment,
    allocator: Allocator, recorder: Recorder,
) -> dict[str, int]:  # fmt: skip
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
        "posts": [
            [p.id, p.title, p.kind, f"{p.fte:g}", iso(p.start), ""] for p in establishment.posts
        ],
        "post_holdings": [
            [h.id, h.post.id, h.staff.id, h.kind, iso(h.start), _day(h.end)]
            for h in establishment.holdings
        ],
        "leave": [
            [v.id, v.holding.id, v.reason, iso(v.start), _day(v.end)] for v in establishment.leaves
        ],
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


def _day(day: Day | None) -> str:
    return iso(day) if day is not None else ""
