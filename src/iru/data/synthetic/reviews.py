"""Statutory LAC reviews of a period of care: mostly on time, some late, worse in August.

Each review is due within 20 working days of the period's start, then 3 months after the first,
then 6 months after the one before (Care Planning Regulations 2010, reg 33). Reviews are usually
held some days before they are due; a late one is held after it, and sets the next due date.
"""

from __future__ import annotations

import random
from datetime import date

from iru.data.synthetic.calendar import Day, WorkingDays, add_months, age_on, collection_year
from iru.data.synthetic.model import Period, Review
from iru.data.synthetic.people import Weighted

# Share of reviews held late, by collection year (the seed: 98% on time in 2013-14, 95% in
# 2014-15, 90% in 2015-16). Reviews falling due in the summer holidays (25 July to 31 August)
# are several times likelier to slip, and slip into August (the seed: 57% on time in August).
LATE_SHARE = {2011: 0.02, 2012: 0.02, 2013: 0.015, 2014: 0.04, 2015: 0.05}
LATE_SHARE_OTHERWISE = 0.05
AUGUST_FACTOR = 11.0
LATE_DAYS, AUGUST_LATE_DAYS = (1, 35), (1, 10)
# Days a review is held before it is due: first, second, later reviews.
EARLY_DAYS = ((0, 10), (0, 45), (0, 110))
PARTICIPATION = Weighted({"PN1": 55, "PN2": 4, "PN3": 3, "PN4": 4, "PN5": 12, "PN6": 14, "PN7": 8})


class ReviewScheduler:
    def __init__(self, rng: random.Random, wd: WorkingDays, today: Day) -> None:
        self.rng, self.wd, self.today = rng, wd, today

    def reviews(self, period: Period, dob: Day) -> list[Review]:
        """The reviews held in `period` up to today."""
        start = period.start
        last = min(period.end if period.end is not None else self.today, self.today)
        held: list[Review] = []
        due = self.wd.add(start, 20)
        while True:
            day = self._held(due, len(held), start)
            if day > last:
                return held
            code = "PN0" if age_on(dob, day) < 4 else PARTICIPATION.pick(self.rng)
            held.append(Review(day, code, due))
            due = add_months(day, 3 if len(held) == 1 else 6)

    def _held(self, due: Day, number: int, start: Day) -> Day:
        rng = self.rng
        late = LATE_SHARE.get(collection_year(due), LATE_SHARE_OTHERWISE)
        when = date.fromordinal(due)
        holidays = when.month == 8 or (when.month == 7 and when.day >= 25)
        if holidays:
            late = min(0.8, late * AUGUST_FACTOR)
        if rng.random() < late:
            days = AUGUST_LATE_DAYS if holidays else LATE_DAYS
            return self.wd.on_or_after(due + rng.randint(*days))
        low, high = EARLY_DAYS[min(number, 2)]
        return max(self.wd.on_or_before(due - rng.randint(low, high)), self.wd.add(start, 3))
