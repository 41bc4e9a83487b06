"""England working days, and the day-0 convention for "within N working days of D".

A working day is any day other than a Saturday, a Sunday or an England and Wales bank holiday,
Christmas Day and Good Friday included (CPPCR 2010 reg 2(1), quoting the Banking and Financial
Dealings Act 1971; FIGURES.md "Conventions"; DOMAIN.md section 5). Bank holidays come from
`holidays.country_holidays("GB", subdiv="ENG")`: without `subdiv` the package returns only the
UK-wide days and silently omits Easter Monday and the late summer bank holiday.

One-off bank holidays (a coronation, a state funeral) are proclaimed at short notice and reach
the `holidays` package only in a later release. Until we upgrade the pinned package, add each one
to `ONE_OFF_BANK_HOLIDAYS` below with the proclamation it comes from, and remove it again once the
package carries it (a test fails while both have it, as a reminder).

"Within N working days" has its scalar form (`add_working_days`) and its polars form
(`add_working_days_expr`, with the bank holidays passed in) side by side, as has the count
between two days (`working_days_between`, `working_days_between_expr`).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Literal

import holidays
import polars as pl

# Future one-off bank holidays not yet in the pinned `holidays` release: date -> source.
# Empty while holidays==0.109 knows every proclaimed day (it has 2022-09-19 and 2023-05-08).
ONE_OFF_BANK_HOLIDAYS: dict[date, str] = {}

_SATURDAY = 5


def bank_holidays_in_year(year: int, one_offs: dict[date, str] | None = None) -> frozenset[date]:
    """Return the England bank holidays of `year` that fall on a weekday.

    The package also lists the holiday itself when it falls at a weekend (e.g. Sun 25 Dec
    2022); we keep only weekdays, where the substitute day ("observed") is the holiday.
    `one_offs` defaults to `ONE_OFF_BANK_HOLIDAYS`.
    """
    extra = ONE_OFF_BANK_HOLIDAYS if one_offs is None else one_offs
    listed = holidays.country_holidays("GB", subdiv="ENG", years=year)
    days = {day for day in listed if day.year == year}
    days.update(day for day in extra if day.year == year)
    return frozenset(day for day in days if day.weekday() < _SATURDAY)


@functools.cache
def _cached_year(year: int) -> frozenset[date]:
    return bank_holidays_in_year(year)


@functools.cache
def _cached_range(first_year: int, last_year: int) -> tuple[date, ...]:
    days: set[date] = set()
    for year in range(first_year, last_year + 1):
        days.update(_cached_year(year))
    return tuple(sorted(days))


def england_bank_holidays(first_year: int, last_year: int) -> list[date]:
    """Return the weekday England bank holidays of `first_year`..`last_year` inclusive, sorted.

    For vectorised code: polars' `add_business_days` / `business_day_count` take this list as
    `holidays=` (weekends are excluded by their own `week_mask`). A fresh list each call.
    """
    if last_year < first_year:
        raise ValueError(f"last_year {last_year} is before first_year {first_year}")
    return list(_cached_range(first_year, last_year))


def bank_holidays_covering(days: Iterable[date | None]) -> list[date]:
    """Return the weekday England bank holidays from the earliest year in `days` to a year after
    the latest, for `add_working_days_expr` (the extra year holds due dates past the last start).

    Empty when `days` has no date. `None` values are skipped (a column's min or max when empty).
    """
    years = [day.year for day in days if day is not None]
    if not years:
        return []
    return england_bank_holidays(min(years), max(years) + 1)


def is_working_day(day: date) -> bool:
    """Return True when `day` is a working day in England (not a weekend or bank holiday)."""
    return day.weekday() < _SATURDAY and day not in _cached_year(day.year)


def why_not_working(day: date) -> str | None:
    """Why `day` is not a working day in England ("a Saturday", "a Sunday", "a bank holiday"),
    or None when it is one."""
    if day.weekday() == _SATURDAY:
        return "a Saturday"
    if day.weekday() > _SATURDAY:
        return "a Sunday"
    return "a bank holiday" if day in _cached_year(day.year) else None


def add_working_days(start: date, n: int) -> date:
    """Return the `n`-th working day after `start`, with `start` itself as day 0.

    This is the last day that is "within `n` working days of `start`" (FIGURES.md
    "Conventions"; DOMAIN.md 1.1 item 7). If `start` is not a working day, the first working
    day after it is day 1: Sat 4 Jan 2025 + 20 = Fri 31 Jan 2025. `n = 0` returns `start`.
    A negative `n` counts back the same way: the `|n|`-th working day before `start`.
    """
    step = timedelta(days=1 if n >= 0 else -1)
    day = start
    remaining = abs(n)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def add_working_days_expr(start: pl.Expr, n: int, holidays: list[date]) -> pl.Expr:
    """`add_working_days` for a column of dates (null stays null).

    `holidays` must hold every bank holiday from the earliest `start` to the latest result
    (`bank_holidays_covering`); weekends are polars' own `week_mask`. Day 0 is `start` itself;
    when it is not a working day the first working day after it is day 1, which is polars'
    `roll="backward"` (Sat 4 Jan 2025 + 20 = Fri 31 Jan 2025), and counting back the first one
    before it is day -1 (`roll="forward"`). `n = 0` returns `start`, as the scalar form does.
    """
    if n == 0:
        return start
    roll: Literal["backward", "forward"] = "backward" if n > 0 else "forward"
    return start.dt.add_business_days(n, holidays=holidays, roll=roll)


def _weekdays_through(day: date) -> int:
    # Weekdays from 1 Jan 0001 (a Monday, ordinal 1) up to and including `day`.
    weeks, extra = divmod(day.toordinal(), 7)
    return weeks * 5 + min(extra, 5)


def _working_days_after_through(start: date, end: date) -> int:
    """Working days d with start < d <= end, for start <= end."""
    weekdays = _weekdays_through(end) - _weekdays_through(start)
    holidays_in_range = _cached_range(start.year, end.year)
    first = bisect.bisect_right(holidays_in_range, start)
    last = bisect.bisect_right(holidays_in_range, end)
    return weekdays - (last - first)


def last_working_day_by(day: date) -> date:
    """`day` if it is a working day, else the working day before it: the last day to act on
    a deadline that falls on a weekend or bank holiday."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def working_days_left(today: date, due: date) -> int:
    """Working days from `today` to a deadline `due`, as every page shows them: to the deadline's
    working-day substitute (`last_working_day_by`), never below 0 while `due` is today or later;
    negative, the working days overdue (`working_days_between`), once `due` has passed.

    Tue 15 Mar 2016 to Good Friday 25 Mar 2016 is 7 (to Thu 24 Mar), not 8.
    """
    if due < today:
        return -working_days_between(due, today)
    return max(0, working_days_between(today, last_working_day_by(due)))


def working_days_between(start: date, end: date) -> int:
    """Return how many working days `end` is after `start` in the day-0 convention.

    For `end >= start` this is the least `n >= 0` with `end <= add_working_days(start, n)`, so
    "`end` is within `n` working days of `start`" is exactly `working_days_between(start, end)
    <= n`. When `end` is a working day that is the number of working days after `start` up to
    and including `end`. A non-working `end` after `start` counts as the next working day: a
    meeting on the Saturday after a Friday deadline is one day late, not on time.
    For `end < start` the result is negative: `-working_days_between(end, start)`.
    """
    if end < start:
        return -working_days_between(end, start)
    if end == start:
        return 0
    count = _working_days_after_through(start, end)
    return count if is_working_day(end) else count + 1


def working_days_between_expr(start: pl.Expr, end: pl.Expr, holidays: list[date]) -> pl.Expr:
    """`working_days_between` for columns of dates (Int32; null where either date is null).

    `holidays` must hold every bank holiday between the earliest and latest date
    (`bank_holidays_covering`). Working days after the earlier date up to and including the
    later are polars' `business_day_count` from the day after each (it counts [start, end));
    a non-working later date counts as the next working day, as the scalar form says.
    """
    early = pl.min_horizontal(start, end)
    late = pl.max_horizontal(start, end)
    one_day = pl.duration(days=1)
    after = pl.business_day_count(early + one_day, late + one_day, holidays=holidays)
    not_working = (late > early) & ~late.dt.is_business_day(holidays=holidays)
    count = after + not_working.cast(pl.Int32)
    return (
        pl.when(start.is_null() | end.is_null())
        .then(None)
        .when(end < start)
        .then(-count)
        .otherwise(count)
    )
