"""Dates for the figures: the reporting year, month ends, working days, months and ages.

Every rule here is a column expression, so the figures never loop over rows (FIGURES.md,
"Conventions"). Nothing reads the clock: the year end is always passed in.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from iru.rules.calendar import england_bank_holidays

AGE_BANDS: tuple[str, ...] = ("under_1", "1_4", "5_9", "10_14", "15", "16_plus")


@dataclass(frozen=True)
class ReportingYear:
    """The year `start`..`end` inclusive and its 12 month ends (FIGURES.md "Reporting year")."""

    start: date
    end: date
    month_ends: tuple[date, ...]

    @property
    def day_before(self) -> date:
        return self.start - timedelta(days=1)

    @property
    def month_labels(self) -> tuple[str, ...]:
        return tuple(month_label(day) for day in self.month_ends)


def is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def add_months(day: date, months: int) -> date:
    """`day` + `months` calendar months, clipped to the month's last day (FIGURES.md)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def month_label(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def reporting_year(year_end: date) -> ReportingYear:
    """YS = YE - 1 year + 1 day; the 12 calendar months ending with YE's month.

    Raises ValueError when `year_end` is not the last day of a month (FIGURES.md, "Edge cases").
    """
    if not is_month_end(year_end):
        raise ValueError(f"year end {year_end.isoformat()} is not the last day of a month")
    start = add_months(year_end, -12) + timedelta(days=1)
    month_ends = tuple(
        _last_day(add_months(date(year_end.year, year_end.month, 1), offset))
        for offset in range(-11, 1)
    )
    return ReportingYear(start=start, end=year_end, month_ends=month_ends)


def _last_day(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def bank_holidays_covering(days: Iterable[date | None]) -> list[date]:
    """Weekday England bank holidays from the earliest year in `days` to a year after the latest
    (`iru.rules.calendar`: always `subdiv="ENG"`, plus any one-off days not yet packaged)."""
    years = [day.year for day in days if day is not None]
    if not years:
        return []
    return england_bank_holidays(min(years), max(years) + 1)


def add_working_days(start: pl.Expr, n: int, holidays_list: list[date]) -> pl.Expr:
    """The last day "within `n` working days of `start`": `start` is day 0.

    When `start` is not a working day the first working day after it is day 1, which is
    polars' `roll="backward"` (FIGURES.md: Sat 4 Jan 2025 + 20 WD = Fri 31 Jan 2025).
    """
    return start.dt.add_business_days(n, holidays=holidays_list, roll="backward")


def add_months_expr(day: pl.Expr, months: int) -> pl.Expr:
    """`day` + `months` months, clipped to month end (31 Aug + 6 months = 28/29 Feb)."""
    return day.dt.offset_by(f"{months}mo")


def age_on(dob: pl.Expr, day: pl.Expr) -> pl.Expr:
    """Completed years from `dob` to `day`; a 29 Feb birthday is 28 Feb in other years."""
    years = day.dt.year().cast(pl.Int32) - dob.dt.year().cast(pl.Int32)
    birth_md = dob.dt.month().cast(pl.Int32) * 100 + dob.dt.day().cast(pl.Int32)
    birth_md = pl.when((birth_md == 229) & ~day.dt.is_leap_year()).then(228).otherwise(birth_md)
    day_md = day.dt.month().cast(pl.Int32) * 100 + day.dt.day().cast(pl.Int32)
    return years - (day_md < birth_md).cast(pl.Int32)


def age_band(age: pl.Expr) -> pl.Expr:
    """FIGURES.md bands: under_1, 1_4, 5_9, 10_14, 15, 16_plus; `unknown` without a DOB."""
    return (
        pl.when(age.is_null())
        .then(pl.lit("unknown"))
        .when(age < 1)
        .then(pl.lit("under_1"))
        .when(age < 5)
        .then(pl.lit("1_4"))
        .when(age < 10)
        .then(pl.lit("5_9"))
        .when(age < 15)
        .then(pl.lit("10_14"))
        .when(age < 16)
        .then(pl.lit("15"))
        .otherwise(pl.lit("16_plus"))
    )


def month_in_year(day: pl.Expr, year: ReportingYear) -> pl.Expr:
    """The `YYYY-MM` label of the year's month holding `day` (a day in the year).

    Only YS can fall before the first month (YE 28 Feb 2017 gives YS 29 Feb 2016, as
    "YE - 1 year" clips to 28 Feb 2016): it is counted in the first month.
    """
    first_month = date(year.month_ends[0].year, year.month_ends[0].month, 1)
    return pl.max_horizontal(day, pl.lit(first_month)).dt.strftime("%Y-%m")
