"""Who is allocated to each child when: spells of chair, social worker and team.

A looked-after child's spells change when their chair or social worker changes, when their chair
leaves the post or goes on leave (another chair takes the child on), and at 16, when a young
person moves to the leaving care team. A family's conferences are chaired by one conference chair
while that chair is available, then by another; their plans' allocations follow the same chairs.
Chairs are picked from `unit_posts.ChairSpell`s, part-time chairs less often.
"""

from __future__ import annotations

import random

from iru.data.synthetic.calendar import Day, birthday
from iru.data.synthetic.model import Child, Period, Plan
from iru.data.synthetic.people import one_of
from iru.data.synthetic.unit_posts import ChairSpell
from iru.data.synthetic.unit_staff import Allocation, Staff, Team, Unit

Chair = tuple[Staff, Day | None]  # a chair and the day they stop being available (None: open)


class Allocator:
    """Spells of allocation for each period of care and each child protection plan."""

    def __init__(
        self, rng: random.Random, unit: Unit, spells: dict[tuple[str, int], list[ChairSpell]]
    ) -> None:
        self.rng, self.unit, self._spells = rng, unit, spells
        self.allocations: list[Allocation] = []
        self._by_child: dict[str, list[Allocation]] = {}
        self._family_chairs: dict[int, list[tuple[Day, Day | None, Staff]]] = {}
        self._workers = {
            team.id: [s for s in unit.staff if s.team_id == team.id and s.role == "social_worker"]
            for team in unit.teams
        }

    def chair(self, kind: str, area: int, day: Day) -> Chair:
        """A chair of `kind` (iro / icc) available on `day`, and until when (after `day`).
        When none is (before the posts open, for a long period of care), one of the next."""
        spells = self._spells[(kind, area)]
        available = [spell for spell in spells if spell.covers(day)]
        if not available:
            later = [spell.start for spell in spells if spell.start > day]
            if not later:
                return self.rng.choice(spells).staff, None
            available = [spell for spell in spells if spell.covers(min(later))]
        spell = self.rng.choices(available, [spell.weight for spell in available])[0]
        return spell.staff, spell.end

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
        (chair, until), worker = self.chair("iro", area, start), self.worker(team)
        limit = min(end if end is not None else today + 1, today + 1)
        changes = {start + rng.randint(200, 900) for _ in range(rng.randint(0, 3))} | {sixteen}
        events = sorted(change for change in changes if start < change < limit)
        spell_start = start
        while True:
            if until is not None and until < limit and (not events or until < events[0]):
                if until > spell_start:  # the chair leaves or goes on leave
                    self._add(child.id, "lac", chair, worker, team, spell_start, until)
                    spell_start = until
                chair, until = self.chair("iro", area, max(until, spell_start))
                continue
            if not events:
                break
            change = events.pop(0)
            self._add(child.id, "lac", chair, worker, team, spell_start, change)
            spell_start = change
            if change == sixteen and not disabled:
                team = unit.team("leaving_care", area)
            elif rng.random() < 0.3:
                chair, until = self.chair("iro", area, change)
            worker = self.worker(team)
        self._add(child.id, "lac", chair, worker, team, spell_start, end)

    def family_chair(self, family_id: int, area: int, day: Day) -> Chair:
        """The conference chair of a family on `day`: the one before while still available,
        else another."""
        history = self._family_chairs.setdefault(family_id, [])
        for start, until, staff in history:
            if start <= day and (until is None or day < until):
                return staff, until
        staff, until = self.chair("icc", area, day)
        history.append((day, until, staff))
        return staff, until

    def for_plan(
        self, child_id: str, plan: Plan, family: tuple[int, int], worker: Staff, team: Team
    ) -> None:
        """Spells for one plan, with the family's chairs; `family` is (family id, area)."""
        day = plan.start
        while True:
            chair, until = self.family_chair(*family, day)
            if until is None or (plan.end is not None and until >= plan.end):
                self._add(child_id, "cp", chair, worker, team, day, plan.end)
                return
            self._add(child_id, "cp", chair, worker, team, day, until)
            day = until

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
