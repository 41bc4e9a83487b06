"""The unit and the social work teams: teams, staff, and who is allocated to each child when.

The default unit is the seed's: 2 full-time IROs and one of 30 hours, 2 full-time ICCs and one of
20 hours, an agency chair covering a vacancy, a head of service and admin staff. Larger scales
repeat that set per area. Allocations are spells (chair, social worker, team) that change when a
chair or social worker changes or a young person moves to the leaving care team at 16.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from iru.data.synthetic.calendar import Day, birthday
from iru.data.synthetic.model import Child, Period, Plan
from iru.data.synthetic.people import FAMILY_NAMES, GIVEN_NAMES_BOYS, GIVEN_NAMES_GIRLS, one_of

TEAM_KINDS = (
    ("Looked After Children Team North", "lac"),
    ("Looked After Children Team South", "lac"),
    ("Safeguarding Team North", "cp"),
    ("Safeguarding Team South", "cp"),
    ("Children with Disabilities Team", "disability"),
    ("Leaving Care Team", "leaving_care"),
    ("Assessment Team", "assessment"),
)
# A full-time week is 37 hours: the seed's part-time IRO works 30, its part-time ICC 20.
IRO_FTE = (1.0, 1.0, round(30 / 37, 2), 1.0)  # the last: an agency chair covering a vacancy
ICC_FTE = (1.0, 1.0, round(20 / 37, 2))
SOCIAL_WORKERS_PER_TEAM = 6
ADMIN_PER_AREA = 5


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str
    kind: str
    area: int


@dataclass(frozen=True, slots=True)
class Staff:
    id: str
    given_name: str
    family_name: str
    role: str
    team_id: str
    fte: float | None
    email: str
    area: int


@dataclass(frozen=True, slots=True)
class Allocation:
    id: str
    child_id: str
    kind: str  # lac / cp
    chair_id: str
    social_worker_id: str
    team_id: str
    start: Day
    end: Day | None


class Unit:
    """Teams and staff for `areas` areas, with helpers to pick people for a child."""

    def __init__(self, rng: random.Random, areas: int) -> None:
        self.rng, self.areas = rng, areas
        self.teams: list[Team] = []
        self.staff: list[Staff] = []
        self._emails: set[str] = set()
        self._managers: dict[str, Staff] = {}
        self._add("head_of_service", "", 1.0, 0)
        for area in range(areas):
            self._area(area)

    def _area(self, area: int) -> None:
        suffix = f", Area {area + 1}" if self.areas > 1 else ""
        for fte in IRO_FTE:
            self._add("iro", "", fte, area)
        for fte in ICC_FTE:
            self._add("icc", "", fte, area)
        for _ in range(ADMIN_PER_AREA):
            self._add("admin", "", None, area)
        for name, kind in TEAM_KINDS:
            team = Team(f"T{len(self.teams) + 1:03d}", name + suffix, kind, area)
            self.teams.append(team)
            self._add("team_manager", team.id, None, area)
            for _ in range(SOCIAL_WORKERS_PER_TEAM):
                self._add("social_worker", team.id, None, area)

    def _add(self, role: str, team_id: str, fte: float | None, area: int) -> None:
        rng = self.rng
        given = one_of(rng, GIVEN_NAMES_GIRLS if rng.random() < 0.8 else GIVEN_NAMES_BOYS)
        family = one_of(rng, FAMILY_NAMES)
        email = f"{given}.{family}".lower()
        number = 1
        while f"{email}{number if number > 1 else ''}" in self._emails:
            number += 1
        email = f"{email}{number if number > 1 else ''}"
        self._emails.add(email)
        staff_id = f"S{len(self.staff) + 1:05d}"
        self.staff.append(
            Staff(staff_id, given, family, role, team_id, fte, f"{email}@council.example", area)
        )

    def people(self, role: str, area: int) -> list[Staff]:
        return [s for s in self.staff if s.role == role and s.area == area]

    def team(self, kind: str, area: int, pick: int = 0) -> Team:
        teams = [t for t in self.teams if t.kind == kind and t.area == area]
        return teams[pick % len(teams)]

    def manager_of(self, team_id: str) -> Staff:
        if not self._managers:
            self._managers = {s.team_id: s for s in self.staff if s.role == "team_manager"}
        return self._managers[team_id]


class Allocator:
    """Spells of allocation for each period of care and each child protection plan."""

    def __init__(self, rng: random.Random, unit: Unit) -> None:
        self.rng, self.unit = rng, unit
        self.allocations: list[Allocation] = []
        self._by_child: dict[str, list[Allocation]] = {}
        self._chairs = {
            (role, area): unit.people(role, area)
            for role in ("iro", "icc")
            for area in range(unit.areas)
        }
        self._workers = {
            team.id: [s for s in unit.staff if s.team_id == team.id and s.role == "social_worker"]
            for team in unit.teams
        }

    def chair(self, role: str, area: int) -> Staff:
        chairs = self._chairs[(role, area)]
        return self.rng.choices(chairs, [c.fte or 1.0 for c in chairs])[0]

    def worker(self, team: Team) -> Staff:
        return one_of(self.rng, self._workers[team.id])

    def for_period(self, child: Child, period: Period, area: int, today: Day) -> None:
        """Spells for one period of care: chair and social worker changes, leaving care at 16."""
        rng, unit = self.rng, self.unit
        start, end = period.start, period.end
        disabled = period.episodes[0].cin == "N2"
        sixteen = birthday(child.dob, 16)
        kind = "disability" if disabled else ("leaving_care" if sixteen <= start else "lac")
        team = unit.team(kind, area, child.family_id)
        chair, worker = self.chair("iro", area), self.worker(team)
        limit = end if end is not None else today + 1
        changes = {start + rng.randint(200, 900) for _ in range(rng.randint(0, 3))} | {sixteen}
        spell_start = start
        for change in sorted(changes):
            if not spell_start < change < limit or change > today:
                continue
            self._add(child.id, "lac", chair, worker, team, spell_start, change)
            spell_start = change
            if change == sixteen and not disabled:
                team = unit.team("leaving_care", area)
            elif rng.random() < 0.3:
                chair = self.chair("iro", area)
            worker = self.worker(team)
        self._add(child.id, "lac", chair, worker, team, spell_start, end)

    def at(self, child_id: str, kind: str, day: Day) -> Allocation | None:
        """The child's allocation of `kind` on `day` (the latest spell starting on or before it)."""
        found = None
        for allocation in self._by_child.get(child_id, []):
            if (
                allocation.kind == kind
                and allocation.start <= day
                and (allocation.end is None or allocation.end >= day)
            ):
                found = allocation
        return found

    def for_plan(self, child_id: str, plan: Plan, chair: Staff, worker: Staff, team: Team) -> None:
        self._add(child_id, "cp", chair, worker, team, plan.start, plan.end)

    def _add(
        self, child_id: str, kind: str, chair: Staff, worker: Staff, team: Team, start: Day,
        end: Day | None,
    ) -> None:  # fmt: skip
        allocation_id = f"A{len(self.allocations) + 1:07d}"
        allocation = Allocation(
            allocation_id, child_id, kind, chair.id, worker.id, team.id, start, end
        )
        self.allocations.append(allocation)
        self._by_child.setdefault(child_id, []).append(allocation)
