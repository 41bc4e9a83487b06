"""A period of care: how it ends, its legal statuses and placements, as SSDA903 episodes.

A period is planned whole (route, end, legal-status changes, placement moves, temporary
placements), turned into episodes, then cut at `today`: what would happen later does not exist.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from iru.data.synthetic.calendar import Day, WorkingDays, birthday, years_old
from iru.data.synthetic.model import Episode, Period, Placement
from iru.data.synthetic.people import Weighted
from iru.data.synthetic.placements import (
    FIRST_PLACE,
    LATER_PLACE,
    REMAND_PLACE,
    TEMPORARY,
    age_band,
    placement,
    poisson,
    temporary,
)

# How a period ends, by age band at entry (the seed's ceased reasons and ages at ceasing).
ROUTE = {
    "under_1": Weighted({"adoption": 50, "sgo": 9, "home": 33, "other": 8}),
    "1_4": Weighted({"adoption": 53, "sgo": 21, "home": 22, "other": 4}),
    "5_9": Weighted({"adoption": 3, "sgo": 18, "home": 32, "until_18": 40, "other": 7}),
    "10_14": Weighted({"sgo": 3, "home": 30, "until_18": 61, "remand": 2, "other": 4}),
    "15": Weighted({"home": 36, "until_18": 52, "remand": 7, "other": 5}),
    "16_plus": Weighted({"home": 28, "until_18": 57, "remand": 10, "other": 5}),
}
# Babies who go home, or to relatives, mostly do so within months (the seed: 7 of 110 ceased
# under 1).
BABY_HOME_SPAN, BABY_SHORT = (14, 200), 0.8
SGO_REC = Weighted({"E45": 30, "E46": 16, "E47": 40, "E48": 14})
LEAVING_REC = Weighted({"E17": 84, "E5": 5, "E6": 2, "E7": 3, "E13": 6})
OTHER_REC = Weighted({"E13": 28, "E41": 20, "E8": 22, "E3": 10, "E16": 6, "E2": 4})
CATEGORY_OF_NEED = Weighted(
    {"N1": 60, "N2": 5, "N3": 3, "N4": 8, "N5": 12, "N6": 4, "N7": 1, "N8": 7}
)
PLACE_CHANGE_REASON = Weighted(
    {"CARPL": 45, "CREQB": 12, "CREQO": 8, "CHILD": 6, "LAREQ": 6, "STAND": 3, "ALLEG": 2,
     "CLOSE": 3, "APPRR": 1, "OTHER": 9}
)  # fmt: skip
TEMPORARY_KIND = Weighted({"T3": 40, "T4": 30, "T1": 10, "T2": 10, "T0": 10})
TEMPORARY_DAYS = {"T0": (1, 14), "T1": (1, 10), "T2": (3, 14), "T3": (3, 14), "T4": (1, 7)}
# Placement moves: early ones (mean days after coming into care) and later breakdowns.
EARLY_MOVES, EARLY_MOVES_TEEN, EARLY_MOVE_DAYS = 1.1, 1.6, 180
LATE_MOVES_PER_YEAR = 0.08
# Children going home are often placed with their parents first (P1), for some months.
HOME_FIRST, HOME_FIRST_DAYS = 0.9, (90, 420)
FOSTER = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
KIN = frozenset({"U1", "U2", "U3"})


@dataclass(slots=True)
class Change:
    """What changes on a day of a period: legal status, placement (and whether the carer stays)."""

    ls: str = ""
    placement: Placement | None = None
    same_carer: bool = False


@dataclass(slots=True)
class PeriodPlan:
    start: Day
    end: Day
    rec: str
    route: str
    changes: dict[Day, Change]


class CareHistories:
    """Plans periods of care for one authority; `wd` and `today` are shared by every period."""

    def __init__(self, rng: random.Random, wd: WorkingDays, today: Day) -> None:
        self.rng, self.wd, self.today = rng, wd, today

    def period(self, dob: Day, start: Day, route: str, home_post: str) -> Period | None:
        """The period starting on `start`, cut at today (None if it starts after today)."""
        if start > self.today:
            return None
        plan = self._plan(dob, start, route, home_post)
        episodes = self._episodes(plan, CATEGORY_OF_NEED.pick(self.rng), home_post)
        return Period(_cut(episodes, self.today))

    def route(self, age: int) -> str:
        return ROUTE[age_band(age)].pick(self.rng)

    def _plan(self, dob: Day, start: Day, route: str, home_post: str) -> PeriodPlan:
        end, rec, adoption_day = self._ending(dob, start, route)
        plan = PeriodPlan(start, end, rec, route, {})
        self._legal_statuses(plan, dob, adoption_day)
        self._placements(plan, dob, home_post, adoption_day)
        self._finish(plan, home_post)
        self._temporary_moves(plan)
        return plan

    def _ending(self, dob: Day, start: Day, route: str) -> tuple[Day, str, Day | None]:
        rng, adoption_day = self.rng, None
        if route == "adoption":
            adoption_day = start + rng.randint(365, 730)
            end, rec = adoption_day + rng.randint(120, 450), "E11" if rng.random() < 0.9 else "E12"
        elif route == "sgo":
            end, rec = start + rng.randint(365, 1000), SGO_REC.pick(rng)
        elif route == "home":
            span = rng.choice(((30, 240), (180, 900), (365, 1460), (240, 1000)))
            if start - dob < 365 and rng.random() < BABY_SHORT:
                span = BABY_HOME_SPAN
            end, rec = start + rng.randint(*span), "E4A" if rng.random() < 0.93 else "E4B"
        elif route == "until_18":
            end, rec = birthday(dob, 18), LEAVING_REC.pick(rng)
            if rng.random() < 0.1:
                end = max(start + 30, end - rng.randint(30, 540))
                rec = rng.choice(("E5", "E6", "E13"))
        elif route == "remand":
            end, rec = start + rng.randint(14, 120), "E14" if rng.random() < 0.7 else "E9"
        else:
            baby = start - dob < 365 and rng.random() < BABY_SHORT
            end = start + rng.randint(*(BABY_HOME_SPAN if baby else (60, 1200)))
            rec = OTHER_REC.pick(rng)
        eighteen = birthday(dob, 18)
        if end >= eighteen and route != "until_18":
            end, rec = eighteen, LEAVING_REC.pick(rng)
        return end, rec, adoption_day

    def _legal_statuses(self, plan: PeriodPlan, dob: Day, adoption_day: Day | None) -> None:
        rng, start, _end = self.rng, plan.start, plan.end
        if plan.route == "remand":
            first = "J1"
        elif plan.route == "until_18" and years_old(dob, start) >= 10:
            first = "V2" if rng.random() < 0.6 else "C1"
        else:
            first = rng.choices(("C1", "V2", "L2", "L1"), (60, 30, 6, 4))[0]
        plan.changes[start] = Change(ls=first)
        day, current = start, first
        if current in {"L1", "L2"}:
            day += rng.randint(1, 8)
            current = "C1"
            self._set_ls(plan, day, current)
        elif current == "V2" and plan.route in {"adoption", "sgo"}:
            day += rng.randint(30, 150)
            current = "C1"
            self._set_ls(plan, day, current)
        if adoption_day is not None:
            self._set_ls(plan, adoption_day - rng.randint(60, 200), "E1")
        elif current == "C1" and rng.random() < 0.85:
            self._set_ls(plan, day + rng.randint(180, 330), "C2")

    def _set_ls(self, plan: PeriodPlan, day: Day, ls: str) -> None:
        if plan.start < day < plan.end - 7:
            plan.changes.setdefault(day, Change()).ls = ls

    def _placements(
        self, plan: PeriodPlan, dob: Day, home_post: str, adoption_day: Day | None
    ) -> None:
        rng, start = self.rng, plan.start
        band = age_band(years_old(dob, start))
        first = REMAND_PLACE.pick(rng) if plan.route == "remand" else FIRST_PLACE[band].pick(rng)
        plan.changes[start].placement = placement(rng, first, home_post, start)
        settled = adoption_day if adoption_day is not None else plan.end
        for day in self._move_days(start, settled, band):
            if day not in plan.changes:
                place = LATER_PLACE[age_band(years_old(dob, day))].pick(rng)
                plan.changes[day] = Change(placement=placement(rng, place, home_post, day))
        if adoption_day is not None:
            self._adoption_placement(plan, adoption_day, home_post)

    def _move_days(self, start: Day, settled: Day, band: str) -> list[Day]:
        """Days of placement moves: most soon after coming into care, a few breakdowns later."""
        rng = self.rng
        teen = band in {"10_14", "15", "16_plus"}
        days = [start + int(rng.expovariate(1 / EARLY_MOVE_DAYS)) for _ in range(
            poisson(rng, EARLY_MOVES_TEEN if teen else EARLY_MOVES)
        )]  # fmt: skip
        years = (settled - start) / 365.25
        for _ in range(poisson(rng, LATE_MOVES_PER_YEAR * (1.5 if teen else 1.0) * years)):
            days.append(rng.randint(start, settled))
        return [day for day in days if start + 7 < day < settled - 14]

    def _adoption_placement(self, plan: PeriodPlan, day: Day, home_post: str) -> None:
        with_carer = self.rng.random() < 0.3
        change = plan.changes.setdefault(day, Change())
        change.ls = ""  # no change of legal status on the day of placement for adoption
        place = ("A5" if with_carer else "A6") if self.rng.random() < 0.85 else "A4"
        change.placement = placement(self.rng, place, home_post, day)
        change.same_carer = place == "A5"
        for later in [d for d in plan.changes if d > day]:
            del plan.changes[later]

    def _finish(self, plan: PeriodPlan, home_post: str) -> None:
        """Make the last placement agree with the way the period ends."""
        rng, last_day = self.rng, max(plan.changes)
        last = _current_placement(plan, plan.end)
        if plan.rec in {"E45", "E46"} and (last.place in KIN) != (plan.rec == "E45"):
            place = "U3" if plan.rec == "E45" else "U4"
            day = plan.end - rng.randint(120, 300)
            if day > last_day and day > plan.start:
                plan.changes[day] = Change(placement=placement(rng, place, home_post, day))
            else:
                plan.rec = "E47" if plan.rec == "E45" else "E48"
        elif plan.rec == "E17" and last.place not in FOSTER:
            plan.rec = "E5"
        elif plan.route == "home" and plan.end - plan.start > 200 and rng.random() < HOME_FIRST:
            day = plan.end - rng.randint(*HOME_FIRST_DAYS)
            if day > last_day and _current_ls(plan, day) in {"C1", "C2"}:
                plan.changes[day] = Change(placement=placement(rng, "P1", home_post, day))

    def _temporary_moves(self, plan: PeriodPlan) -> None:
        rng = self.rng
        if plan.end - plan.start < 120:
            return
        count = poisson(rng, 0.15 * (plan.end - plan.start) / 365.25)
        for _ in range(count):
            day = plan.start + 30 + int(rng.random() * (plan.end - plan.start - 60))
            kind = TEMPORARY_KIND.pick(rng)
            back = day + rng.randint(*TEMPORARY_DAYS[kind])
            normal = _current_placement(plan, day)
            if normal.place not in FOSTER or any(day - 14 <= d <= back + 14 for d in plan.changes):
                continue
            if back >= plan.end - 14:
                continue
            plan.changes[day] = Change(placement=temporary(rng, kind))
            plan.changes[back] = Change(placement=normal)

    def _episodes(self, plan: PeriodPlan, cin: str, home_post: str) -> list[Episode]:
        episodes: list[Episode] = []
        ls, current = "", None
        for day in sorted(plan.changes):
            change = plan.changes[day]
            moved = change.placement is not None and change.placement is not current
            new_ls = change.ls if change.ls and change.ls != ls else ""
            if not episodes:
                rne = "S"
            elif moved and new_ls:
                rne = "U" if change.same_carer else "B"
            elif moved:
                rne = "T" if change.same_carer else "P"
            elif new_ls:
                rne = "L"
            else:
                continue
            ls = new_ls or ls
            current = change.placement if moved else current
            assert current is not None
            if episodes:
                self._close(episodes[-1], day, current if moved else None)
            episodes.append(Episode(day, rne, ls, cin, current, home_post))
        episodes[-1].dec, episodes[-1].rec = plan.end, plan.rec
        return episodes

    def _close(self, episode: Episode, day: Day, next_placement: Placement | None) -> None:
        episode.dec, episode.rec = day, "X1"
        moved_on = next_placement is not None
        temporary_involved = episode.placement.place in TEMPORARY or (
            moved_on and next_placement is not None and next_placement.place in TEMPORARY
        )
        if moved_on and not temporary_involved:
            episode.reason_place_change = PLACE_CHANGE_REASON.pick(self.rng)


def _current_placement(plan: PeriodPlan, day: Day) -> Placement:
    found = None
    for when in sorted(plan.changes):
        if when > day:
            break
        change = plan.changes[when]
        if change.placement is not None:
            found = change.placement
    assert found is not None
    return found


def _current_ls(plan: PeriodPlan, day: Day) -> str:
    found = ""
    for when in sorted(plan.changes):
        if when > day:
            break
        found = plan.changes[when].ls or found
    return found


def _cut(episodes: list[Episode], today: Day) -> list[Episode]:
    """Episodes as known on `today`: none starting later, and the one open on `today` open."""
    kept = [episode for episode in episodes if episode.decom <= today]
    last = kept[-1]
    if last.dec is not None and last.dec > today:
        last.dec, last.rec, last.reason_place_change = None, "", ""
    return kept
