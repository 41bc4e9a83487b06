"""The whole synthetic authority: every child's care and protection history up to `today`.

Flows come from `scales`: each collection year so many children start to be looked after (some
with siblings, some after a child protection plan), so many families reach an initial conference,
and so many children are referred, enquired into or assessed and closed. Looked-after children's
histories start 18 years before the first year written, so the first year's stock is realistic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from iru.data.synthetic.calendar import (
    Day,
    WorkingDays,
    birthday,
    collection_year_days,
    start_year_of,
)
from iru.data.synthetic.care import CareHistories
from iru.data.synthetic.model import Child, Conference
from iru.data.synthetic.people import (
    CP_ETHNIC,
    LAC_ETHNIC,
    Weighted,
    family_name,
    given_name,
    postcode,
    upn,
)
from iru.data.synthetic.protection import ChildProtection
from iru.data.synthetic.reviews import ReviewScheduler
from iru.data.synthetic.scales import (
    CIN_ONLY_CHILDREN,
    LAC_ENTRIES_OTHERWISE,
    Scale,
    cp_families,
    lac_entries,
)
from iru.data.synthetic.short_breaks import short_breaks

# The seed's ages on starting to be looked after, and a typical spread on plans.
LAC_ENTRY_AGE = Weighted({"0": 18, "1-4": 19, "5-9": 13, "10-14": 25, "15": 14, "16-17": 10})
CP_AGE = Weighted({"0": 11, "1-4": 28, "5-9": 30, "10-14": 24, "15": 4, "16-17": 3})
LAC_SIBLINGS = Weighted({"1": 74, "2": 19, "3": 7})
# Children of a family brought to conference (mean 2.45): the seed's 299 review conferences for
# about 267 children on plans, each reviewed about 2.6 times a year, need about 2.35 children at
# each review conference ("managing large family groups" is part of the chairs' work).
CP_SIBLINGS = Weighted({"1": 27, "2": 31, "3": 23, "4": 11, "5": 5, "6": 3})
CARE_AFTER_PLAN = 0.3  # children under 14 coming into care after a child protection plan
RE_ENTRY = 0.12  # children returned home who come back into care
REPEAT_PLAN = 0.17  # families brought back to conference after their case closed
REPEAT_AFTER = (60, 1200)  # days from the case closing to the repeat referral
SHORT_BREAK_CHILDREN = 8.0
ENQUIRY_ONLY_CHILDREN = 140.0
LAC_HISTORY_YEARS = 18


@dataclass
class Authority:
    children: list[Child]
    conferences: list[Conference]
    first_year: int  # collection years written, by their start year
    last_year: int
    today: Day
    extra: dict[str, int] = field(default_factory=dict)


class Builder:
    def __init__(self, seed: int, scale: Scale, today: Day, first_year: int) -> None:
        self.seed, self.scale, self.today, self.first_year = seed, scale, today, first_year
        last = start_year_of(today)
        self.wd = WorkingDays(first_year - LAC_HISTORY_YEARS - 1, last + 4)
        self.rng = random.Random(f"{seed}:people")
        self.care = CareHistories(random.Random(f"{seed}:care"), self.wd, today)
        self.reviews = ReviewScheduler(seed, self.wd, today)
        self.cp = ChildProtection(random.Random(f"{seed}:protection"), self.wd, today)
        self.children: list[Child] = []
        self.conferences: list[Conference] = []
        self.family = 0

    def count(self, rate: float) -> int:
        return round(rate * self.scale.multiplier)

    def year_days(self, year: int) -> tuple[Day, Day]:
        first, last = collection_year_days(year)
        return first, min(last, self.today)

    def share_of_year(self, year: int) -> float:
        """The share of the collection year up to today: the year holding today has only that
        share of a year's flows (1.0 for a year already over)."""
        first, last = collection_year_days(year)
        return max(0.0, min(1.0, (self.today - first + 1) / (last - first + 1)))

    def new_family(
        self, size: int, ages: Weighted, on: Day, ethnic: Weighted, rng: random.Random
    ) -> list[Child]:
        self.family += 1
        surname, ethnicity, home = family_name(rng), ethnic.pick(rng), postcode(rng)
        lead = _age_days(rng, ages.pick(rng))
        family = []
        for number in range(size):
            days = lead if number == 0 else max(0, lead + rng.randint(-4 * 365, 4 * 365))
            days = min(days, 17 * 365 + 300)
            sex = "F" if rng.random() < 0.48 else "M"
            dob = on - days
            pupil = upn(rng) if days > 4 * 365 else ""
            child = Child(
                str(1_000_000 + len(self.children)), sex, dob, ethnicity, pupil,
                given_name(rng, sex), surname, self.family, home,
            )  # fmt: skip
            self.children.append(child)
            family.append(child)
        return family

    def build(self) -> None:
        last = start_year_of(self.today)
        for year in range(self.first_year - LAC_HISTORY_YEARS, last + 1):
            rate = lac_entries(year) if year >= self.first_year else LAC_ENTRIES_OTHERWISE
            self.lac_year(year, self.count(rate * self.share_of_year(year)))
        for year in range(self.first_year - 2, last + 1):
            self.cp_year(year)

    def lac_year(self, year: int, entrants: int) -> None:
        rng = self.rng
        first, last = self.year_days(year)
        while entrants > 0 and first <= last:
            size = min(int(LAC_SIBLINGS.pick(rng)), entrants)
            entrants -= size
            start = rng.randint(first, last)
            family = self.new_family(size, LAC_ENTRY_AGE, start, LAC_ETHNIC, rng)
            self.come_into_care(family, start)

    def come_into_care(self, family: list[Child], start: Day) -> None:
        """Children starting a period of care together, some after a child protection plan."""
        rng = self.rng
        youngest = max(child.dob for child in family)
        after_plan = (
            start - youngest < 14 * 365
            and start - youngest > 200
            and rng.random() < CARE_AFTER_PLAN
        )
        if after_plan:
            outcome = self.cp.case(family, start - rng.randint(90, 420), care_from=start)
            self.conferences += outcome.conferences
        for child in family:
            self.lac_period(child, start, linked=after_plan)

    def lac_period(self, child: Child, start: Day, *, linked: bool) -> None:
        age = (start - child.dob) * 100 // 36525
        route = self.care.route(int(age))
        period = self.care.period(child.dob, start, route, child.home_post)
        if period is None:
            return
        period.reviews = self.reviews.reviews(period, child.dob, child.id)
        child.periods.append(period)
        last = period.episodes[-1]
        cin = child.cin[-1] if linked else None
        if cin is None:
            referral = max(child.dob, start - self.rng.randint(0, 90))
            cin = self.cp.care_episode(child, referral, period.episodes[0].cin)
        self.cp.close_with_care(cin, last.dec, last.rec)
        back = last.dec is not None and last.rec in {"E4A", "E4B"} and self.rng.random() < RE_ENTRY
        if back and last.dec is not None:
            again = last.dec + self.rng.randint(90, 720)
            if again <= self.today and again < birthday(child.dob, 17):
                self.lac_period(child, again, linked=False)

    def cp_year(self, year: int) -> None:
        """The year's families brought to conference, each with its own random stream (so a
        year's cases do not change with `today` or with the years after), and the children
        enquired into or assessed without a conference."""
        first, last = self.year_days(year)
        if first > last:
            return
        share = self.share_of_year(year)
        for index in range(self.count(cp_families(year) * share)):
            rng = random.Random(f"{self.seed}:family:{year}:{index}")
            referral = rng.randint(first, last)
            size = int(CP_SIBLINGS.pick(rng))
            family = self.new_family(size, CP_AGE, referral, CP_ETHNIC, rng)
            self.protect(family, referral, ChildProtection(rng, self.wd, self.today))
        self.in_need_year(year, share)

    def in_need_year(self, year: int, share: float) -> None:
        rng = random.Random(f"{self.seed}:in-need:{year}")
        cp = ChildProtection(rng, self.wd, self.today)
        first, last = self.year_days(year)
        for _ in range(self.count(ENQUIRY_ONLY_CHILDREN * share)):
            referral = rng.randint(first, last)
            cp.enquiry_only(self.new_family(1, CP_AGE, referral, CP_ETHNIC, rng)[0], referral)
        for _ in range(self.count(CIN_ONLY_CHILDREN * share)):
            referral = rng.randint(first, last)
            cp.in_need_only(self.new_family(1, CP_AGE, referral, CP_ETHNIC, rng)[0], referral)
        for _ in range(self.count(SHORT_BREAK_CHILDREN * share)):
            self.short_break_child(rng.randint(first, last), cp)

    def protect(self, family: list[Child], referral: Day, cp: ChildProtection) -> None:
        """A family's child protection case, and perhaps a repeat one after it closed."""
        outcome = cp.case(family, referral)
        self.conferences += outcome.conferences
        if outcome.closed is None or cp.rng.random() >= REPEAT_PLAN:
            return
        again = outcome.closed + cp.rng.randint(*REPEAT_AFTER)
        family = [child for child in family if again < birthday(child.dob, 17)]
        if family and again <= self.today:
            self.protect(family, again, cp)

    def short_break_child(self, start: Day, cp: ChildProtection) -> None:
        rng = cp.rng
        ages = Weighted({"5-9": 50, "10-14": 50})
        child = self.new_family(1, ages, start, LAC_ETHNIC, rng)[0]
        end = min(start + rng.randint(365, 4 * 365), birthday(child.dob, 18) - 1)
        period = short_breaks(rng, start, end, child.home_post, self.today)
        if period is None:
            return
        child.periods.append(period)
        episode = cp.care_episode(child, start - rng.randint(30, 120), "N2")
        cp.close_with_care(episode, end if end <= self.today else None, "E8")


def build_authority(seed: int, scale: Scale, today: Day) -> Authority:
    """Every child's history for `seed` and `scale`, as known on `today`."""
    last = start_year_of(today)
    first = scale.written_from(last)
    builder = Builder(seed, scale, today, first)
    builder.build()
    window = collection_year_days(first)[0]
    children = [child for child in builder.children if _touches(child, window)]
    return Authority(children, builder.conferences, first, last, today)


def _touches(child: Child, window: Day) -> bool:
    """Whether anything of the child's is open on or after `window`."""
    for period in child.periods:
        if period.end is None or period.end >= window:
            return True
    return any(e.closure is None or e.closure >= window for e in child.cin)


def _age_days(rng: random.Random, band: str) -> int:
    if band == "0":
        return rng.randint(0, 14) if rng.random() < 0.4 else rng.randint(0, 364)
    if "-" in band:
        low, high = (int(part) for part in band.split("-"))
        return rng.randint(low * 365 + 1, high * 365 + 364)
    return rng.randint(int(band) * 365 + 1, int(band) * 365 + 364)
