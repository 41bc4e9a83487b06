"""The unit and the social work teams: teams and staff.

`Unit` holds the head of service, the social work teams (a manager and six social workers each)
and every staff record; the unit's own posts and their holders (chairs, LADO, admin) are
`unit_posts.Establishment`'s, which adds their staff records here. Larger scales repeat the set
per area. Who is allocated to each child when is `unit_allocations`'.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from iru.data.synthetic.calendar import Day
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
SOCIAL_WORKERS_PER_TEAM = 6


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
        self.head_of_service = self.add_staff("head_of_service", "", 1.0, 0)
        for area in range(areas):
            self._area(area)

    def _area(self, area: int) -> None:
        suffix = f", Area {area + 1}" if self.areas > 1 else ""
        for name, kind in TEAM_KINDS:
            team = Team(f"T{len(self.teams) + 1:03d}", name + suffix, kind, area)
            self.teams.append(team)
            self.add_staff("team_manager", team.id, None, area)
            for _ in range(SOCIAL_WORKERS_PER_TEAM):
                self.add_staff("social_worker", team.id, None, area)

    def add_staff(self, role: str, team_id: str, fte: float | None, area: int) -> Staff:
        """A new staff record with an invented name and a unique e-mail address."""
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
        staff = Staff(staff_id, given, family, role, team_id, fte, f"{email}@council.example", area)
        self.staff.append(staff)
        return staff

    def team(self, kind: str, area: int, pick: int = 0) -> Team:
        teams = [t for t in self.teams if t.kind == kind and t.area == area]
        return teams[pick % len(teams)]

    def manager_of(self, team_id: str) -> Staff:
        if not self._managers:
            self._managers = {s.team_id: s for s in self.staff if s.role == "team_manager"}
        return self._managers[team_id]
