"""Calendar-month arithmetic and ages, as FIGURES.md "Conventions" defines them.

Each rule has its scalar form (one `date`) and its polars form (a column of dates, `pl.Expr`)
side by side; `tests/rules/test_months.py` feeds both the same examples.
"""

from __future__ import annotations

import calendar
from datetime import date

import polars as pl

_FEBRUARY = 2
_LEAP_DAY = 229  # 29 February as month * 100 + day
_LAST_COMMON_FEBRUARY_DAY = 228


def add_months(day: date, months: int) -> date:
    """Return `day` moved by `months` calendar months, clipped to the target month's last day.

    FIGURES.md "Conventions" (month arithmetic), DOMAIN.md 1.1 item 7: a month end does not map
    to a month end, so 31 Aug + 3 = 30 Nov, 31 Aug 2015 + 6 = 29 Feb 2016, 30 Apr 2016 - 30 =
    30 Oct 2013. Years are 12 months: 29 Feb 2016 - 24 = 28 Feb 2014. "Within N months of D"
    means on or before `add_months(D, N)`. `months` may be negative.
    """
    month_index = day.year * 12 + (day.month - 1) + months
    year, month_zero_based = divmod(month_index, 12)
    month = month_zero_based + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last_day))


def add_months_expr(day: pl.Expr, months: int) -> pl.Expr:
    """`add_months` for a column of dates (null stays null).

    polars' calendar offset `"<n>mo"` clips to the target month's last day the same way:
    31 Aug 2015 + 6 = 29 Feb 2016, 31 Aug 2016 + 6 = 28 Feb 2017.
    """
    return day.dt.offset_by(f"{months}mo")


def birthday_in(dob: date, year: int) -> date:
    """Return the birthday of someone born on `dob` in `year` (29 Feb falls on 28 Feb)."""
    if dob.month == _FEBRUARY and dob.day == 29 and not calendar.isleap(year):
        return date(year, _FEBRUARY, 28)
    return dob.replace(year=year)


def age_on(dob: date, day: date) -> int:
    """Return the age in completed years on `day` of a child born on `dob`.

    FIGURES.md "Conventions" (age): a child born on 29 Feb has its birthday on 28 Feb in
    non-leap years, so is 1 on 28 Feb 2017 when born 29 Feb 2016. Raises ValueError when `day`
    is before `dob` (an unborn child has no age; check the data before asking).
    """
    if day < dob:
        raise ValueError(f"{day.isoformat()} is before the date of birth {dob.isoformat()}")
    years = day.year - dob.year
    return years if day >= birthday_in(dob, day.year) else years - 1


def age_on_expr(dob: pl.Expr, day: pl.Expr) -> pl.Expr:
    """`age_on` for columns (Int32; null where either date is null).

    The same rule: the birthday in `day`'s year is 28 Feb for a 29 Feb birth in a common year.
    Where `day` is before `dob` the scalar form raises but a column cannot, so this gives a
    negative age: the figures band a known, if wrong, DOB and keep `unknown` for a missing one.
    """
    years = day.dt.year().cast(pl.Int32) - dob.dt.year().cast(pl.Int32)
    birth = _month_day(dob)
    birth = (
        pl.when((birth == _LEAP_DAY) & ~day.dt.is_leap_year())
        .then(_LAST_COMMON_FEBRUARY_DAY)
        .otherwise(birth)
    )
    return years - (_month_day(day) < birth).cast(pl.Int32)


def _month_day(day: pl.Expr) -> pl.Expr:
    return day.dt.month().cast(pl.Int32) * 100 + day.dt.day().cast(pl.Int32)
