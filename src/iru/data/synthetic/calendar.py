"""Dates as day ordinals, England's working days, calendar months and the files' date formats.

The generator handles a few million dates at national scale, so it works on `date.toordinal()`
integers and formats each distinct day once.
"""

from __future__ import annotations

import bisect
from datetime import date, timedelta
from functools import cache, lru_cache

import holidays

Day = int  # a date as date.toordinal()


class WorkingDays:
    """England's working days (FIGURES.md, "Working day") between two years inclusive."""

    def __init__(self, first_year: int, last_year: int) -> None:
        bank_holidays = holidays.country_holidays(
            "GB", subdiv="ENG", years=range(first_year, last_year + 1)
        )
        first = date(first_year, 1, 1).toordinal()
        last = date(last_year, 12, 31).toordinal()
        self._days = [
            day
            for day in range(first, last + 1)
            if (day - 1) % 7 < 5 and date.fromordinal(day) not in bank_holidays
        ]

    def add(self, day: Day, count: int) -> Day:
        """The `count`-th working day after `day`, `day` itself being day 0 (count >= 1)."""
        index = bisect.bisect_right(self._days, day)
        return self._days[index + count - 1]

    def on_or_before(self, day: Day) -> Day:
        """`day` if it is a working day, else the working day before it."""
        return self._days[bisect.bisect_right(self._days, day) - 1]

    def on_or_after(self, day: Day) -> Day:
        """`day` if it is a working day, else the working day after it."""
        return self._days[bisect.bisect_left(self._days, day)]


def add_months(day: Day, months: int) -> Day:
    """`day` plus `months` calendar months, clipped to the month's last day (FIGURES.md)."""
    when = date.fromordinal(day)
    index = when.year * 12 + when.month - 1 + months
    year, month = divmod(index, 12)
    return _clipped(year, month + 1, when.day)


@lru_cache(maxsize=512)
def _clipped(year: int, month: int, day: int) -> Day:
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last = (next_month - timedelta(days=1)).day
    return date(year, month, min(day, last)).toordinal()


def birthday(dob: Day, years: int) -> Day:
    """The day a child born on `dob` turns `years` (29 February -> 28 February)."""
    return add_months(dob, 12 * years)


def age_on(dob: Day, day: Day) -> int:
    """Completed years on `day` (FIGURES.md: born 29 February, a birthday on 28 February)."""
    years = date.fromordinal(day).year - date.fromordinal(dob).year
    return years if birthday(dob, years) <= day else years - 1


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


def collection_year(day: Day) -> int:
    """The start year of the collection year (1 April to 31 March) holding `day`."""
    when = date.fromordinal(day)
    return when.year if when.month >= 4 else when.year - 1
