"""Statutory LAC reviews of a period of care: mostly on time, some late, worse in August.

Each review is due as `iru.rules.timescales.lac_review_due` says (Care Planning Regulations
2010, reg 33: within 20 working days of the period's start, then 3 months after the first, then
6 months after the one before). Reviews are usually held some days before they are due; a late
one is held after it, and sets the next due date.
"""

from __future__ import annotations

import random
from datetime import date
from functools import cache

from iru.data.synthetic.calendar import Day, WorkingDays, years_old
from iru.data.synthetic.model import Period, Review
from iru.data.synthetic.people import Weighted
from iru.rules.participation import PN0, PN0_UNDER
from iru.rules.timescales import first_lac_review_due, lac_review_due
from iru.rules.years import collection_year

# Share of reviews held late, by collection year (2016 = 2015-16; the seed: 98% on time in
# 2013-14, 95% in 2014-15, 90% in 2015-16). Reviews falling due in the summer holidays (25 July
# to 31 August) are several times likelier to slip, and slip into August (the seed: 57% on time
# in August).
LATE_SHARE = {2012: 0.02, 2013: 0.02, 2014: 0.015, 2015: 0.04, 2016: 0.05}
LATE_SHARE_OTHERWISE = 0.05
AUGUST_FACTOR = 11.0
LATE_DAYS, AUGUST_LATE_DAYS = (1, 35), (1, 10)
# Days a review is held before it is due: first, second, later reviews.
EARLY_DAYS = ((0, 10), (0, 45), (0, 110))
# No review is held sooner than this many working days after the period starts (a choice of
# the generator, not a timescale: the first review needs the care plan in place).
EARLIEST_REVIEW_WORKING_DAYS = 3
PARTICIPATION = Weighted({"PN1": 55, "PN2": 4, "PN3": 3, "PN4": 4, "PN5": 12, "PN6": 14, "PN7": 8})


class ReviewScheduler:
    """Each period's reviews come from a random stream of its own (`seed`, child, start), so
    the reviews of one period do not change with `today` or with the periods before it."""

    def __init__(self, seed: int, wd: WorkingDays, today: Day) -> None:
        self.seed, self.wd, self.today = seed, wd, today
        self.rng = random.Random()

    def reviews(self, period: Period, dob: Day, child_id: str) -> list[Review]:
        """The reviews held in `period` up to today."""
        start = period.start
        self.rng.seed(f"{self.seed}:reviews:{child_id}:{start}")
        last = min(period.end if period.end is not None else self.today, self.today)
        held: list[Review] = []
        held_on: list[date] = []
        while True:
            due = _due(start, held_on)
            day = self._held(due, len(held), start)
            if day > last:
                return held
            code = PN0 if years_old(dob, day) < PN0_UNDER else PARTICIPATION.pick(self.rng)
            held.append(Review(day, code, due))
            held_on.append(date.fromordinal(day))

    def _held(self, due: Day, number: int, start: Day) -> Day:
        rng = self.rng
        late = LATE_SHARE.get(collection_year(date.fromordinal(due)), LATE_SHARE_OTHERWISE)
        when = date.fromordinal(due)
        holidays = when.month == 8 or (when.month == 7 and when.day >= 25)
        if holidays:
            late = min(0.8, late * AUGUST_FACTOR)
        if rng.random() < late:
            days = AUGUST_LATE_DAYS if holidays else LATE_DAYS
            return self.wd.on_or_after(due + rng.randint(*days))
        low, high = EARLY_DAYS[min(number, 2)]
        earliest = self.wd.add(start, EARLIEST_REVIEW_WORKING_DAYS)
        return max(self.wd.on_or_before(due - rng.randint(low, high)), earliest)


def _due(start: Day, held_on: list[date]) -> Day:
    """The next review's due date after the reviews held so far (`held_on`) in the period from
    `start`: `lac_review_due`, the first one cached (many periods start on the same day)."""
    if not held_on:
        return _first_due(start)
    return lac_review_due(date.fromordinal(start), held_on).toordinal()


@cache
def _first_due(start: Day) -> Day:
    return first_lac_review_due(date.fromordinal(start)).toordinal()
