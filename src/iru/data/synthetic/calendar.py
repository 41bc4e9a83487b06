"""Dates as day ordinals, England's working days and the files' date formats.

The generator handles a few million dates at national scale, so it works on `date.toordinal()`
integers and formats each distinct day once. The calendar rules are `iru.rules`' own: these are
ordinal adapters over them (working days as a sorted list, for speed) with no rule of their
own; `tests/synthetic/test_calendar.py` checks they agree with the rules.
"""

from __future__ import annotations

import bisect
from datetime import date
from functools import cache

from iru.rules.calendar import is_working_day
from iru.rules.months import age_on, birthday_in
from iru.rules.years import collection_year, collection_year_span

Day = int  # a date as date.toordinal()


class WorkingDays:
    """England's working days between two years inclusive (`iru.rules.calendar`: weekends, bank
    holidays and the one-off ones), for moving a day by working days quickly."""

    def __init__(self, first_year: int, last_year: int) -> None:
        first = date(first_year, 1, 1).toordinal()
        last = date(last_year, 12, 31).toordinal()
        self._days = [
            day for day in range(first, last + 1) if is_working_day(date.fromordinal(day))
        ]

    def add(self, day: Day, count: int) -> Day:
        """The `count`-th working day after `day`, `day` itself being day 0 (count >= 1): the
        ordinal form of `iru.rules.calendar.add_working_days`."""
        index = bisect.bisect_right(self._days, day)
        return self._days[index + count - 1]

    def on_or_before(self, day: Day) -> Day:
        """`day` if it is a working day, else the working day before it."""
        return self._days[bisect.bisect_right(self._days, day) - 1]

    def on_or_after(self, day: Day) -> Day:
        """`day` if it is a working day, else the working day after it."""
        return self._days[bisect.bisect_left(self._days, day)]


def birthday(dob: Day, years: int) -> Day:
    """The day a child born on `dob` turns `years` (`iru.rules.months.birthday_in`: 29 February
    falls on 28 February in a common year)."""
    born = date.fromordinal(dob)
    return birthday_in(born, born.year + years).toordinal()


def years_old(dob: Day, day: Day) -> int:
    """`iru.rules.months.age_on` on ordinals: completed years on `day`. A child not yet born on
    `day` (an unborn baby at a pre-birth conference) counts as 0, where the rule has no age."""
    if day < dob:
        return 0
    return age_on(date.fromordinal(dob), date.fromordinal(day))


@cache
def dmy(day: Day) -> str:
    """SSDA903 CSV date: DD/MM/YYYY."""
    return date.fromordinal(day).strftime("%d/%m/%Y")


@cache
def iso(day: Day) -> str:
    """CIN census and unit data date: YYYY-MM-DD."""
    return date.fromordinal(day).isoformat()


def ordinal(year: int, month: int, day: int) -> Day:
    return date(year, month, day).toordinal()


def collection_year_days(start_year: int) -> tuple[Day, Day]:
    """The first and last day of the collection year starting in April of `start_year` (the
    generator names collection years by their start year, `iru.rules.years` by their 31 March)."""
    first, last = collection_year_span(start_year + 1)
    return first.toordinal(), last.toordinal()


def start_year_of(day: Day) -> int:
    """The start year of the collection year holding `day` (`iru.rules.years.collection_year`
    minus one: the generator names collection years by their start year)."""
    return collection_year(date.fromordinal(day)) - 1
