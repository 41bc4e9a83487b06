"""Collection years and reporting years: which year a day belongs to, and a year's months.

A DfE collection year runs from 1 April to 31 March and is named by its 31 March: 2016 is
2015-16 (SSDA903 and CIN census guidance; `iru.rules.codes` keys its code lists the same way).
A reporting year ends on a month's last day YE, normally 31 March (FIGURES.md "Conventions",
"Reporting year"). Nothing here reads the clock: `today` is always passed in.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from iru.rules.months import add_months

COLLECTION_YEAR_FIRST_MONTH = 4  # April: a collection year runs from 1 April
COLLECTION_YEAR_END = (3, 31)  # to 31 March, (month, day)
MONTHS_IN_YEAR = 12
_YEAR_LABEL = re.compile(r"([12]\d{3})[-/](\d{2})")


def collection_year(day: date) -> int:
    """Return the collection year holding `day`, named by its 31 March.

    1 Apr 2015 to 31 Mar 2016 is 2016 (2015-16): 31 Mar 2016 -> 2016, 1 Apr 2016 -> 2017.
    """
    return day.year + 1 if day.month >= COLLECTION_YEAR_FIRST_MONTH else day.year


def collection_year_expr(day: pl.Expr) -> pl.Expr:
    """`collection_year` for a column of dates (Int32; null stays null)."""
    from_april = (day.dt.month() >= COLLECTION_YEAR_FIRST_MONTH).cast(pl.Int32)
    return day.dt.year().cast(pl.Int32) + from_april


def collection_year_span(year: int) -> tuple[date, date]:
    """Return the first and last day of collection year `year`: 2016 is 1 Apr 2015 to 31 Mar
    2016."""
    return date(year - 1, COLLECTION_YEAR_FIRST_MONTH, 1), date(year, *COLLECTION_YEAR_END)


def collection_year_label(year: int) -> str:
    """The collection year as the DfE writes it: 2016 is "2015-16"."""
    return f"{year - 1}-{year % 100:02d}"


def collection_year_from_label(text: str) -> int:
    """The collection year written "2015-16" (or "2015/16"): 2016. ValueError for anything
    else, including two years that do not follow each other ("2015-17")."""
    match = _YEAR_LABEL.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a collection year written as YYYY-YY, e.g. 2015-16")
    first, second = int(match[1]), int(match[2])
    if second != (first + 1) % 100:
        raise ValueError(f"{text!r}: {match[2]} does not follow {first}")
    return first + 1


def current_year_end(today: date) -> date:
    """Return the 31 March ending the collection year holding `today` (ADR 0005): 31 March of
    this year before April, otherwise 31 March next year."""
    return collection_year_span(collection_year(today))[1]


def is_month_end(day: date) -> bool:
    """Whether `day` is the last day of its month (a valid year end, FIGURES.md "Edge cases")."""
    return day.day == calendar.monthrange(day.year, day.month)[1]


def month_label(day: date) -> str:
    """The figures' key for `day`'s month: `YYYY-MM` (FIGURES.md `*.month_end.{YYYY-MM}`)."""
    return f"{day.year:04d}-{day.month:02d}"


@dataclass(frozen=True)
class ReportingYear:
    """The year `start`..`end` inclusive and its 12 month ends (FIGURES.md "Reporting year")."""

    start: date
    end: date
    month_ends: tuple[date, ...]

    @property
    def day_before(self) -> date:
        """YS - 1 day: the "at year start" figures count on this day."""
        return self.start - timedelta(days=1)

    @property
    def month_labels(self) -> tuple[str, ...]:
        return tuple(month_label(day) for day in self.month_ends)


def reporting_year(year_end: date) -> ReportingYear:
    """Return the reporting year ending `year_end`: YS = YE - 1 year + 1 day, and the 12 calendar
    months ending with YE's month, each ending on its last day (FIGURES.md "Reporting year").

    "YE - 1 year" is month arithmetic, so it clips: YE 29 Feb 2016 gives YS 1 Mar 2015, and YE
    28 Feb 2017 gives YS 29 Feb 2016, the day before its first month (March 2016) begins.
    Raises ValueError when `year_end` is not the last day of a month (FIGURES.md "Edge cases").
    """
    if not is_month_end(year_end):
        raise ValueError(f"year end {year_end.isoformat()} is not the last day of a month")
    start = add_months(year_end, -MONTHS_IN_YEAR) + timedelta(days=1)
    first_of_month = year_end.replace(day=1)
    month_ends = tuple(
        _last_day_of_month(add_months(first_of_month, offset))
        for offset in range(1 - MONTHS_IN_YEAR, 1)
    )
    return ReportingYear(start=start, end=year_end, month_ends=month_ends)


def complete_month_ends(*, year_end: date, today: date) -> list[date]:
    """Return the month ends of the reporting year ending `year_end` that are before `today`:
    the months whose figures are complete on `today` (ADR 0005, the dashboard's year so far).

    Raises ValueError, as `reporting_year` does, when `year_end` is not a month's last day.
    """
    return [end for end in reporting_year(year_end).month_ends if end < today]


def _last_day_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])
