"""Working days, month arithmetic, ages and the reporting year (FIGURES.md "Conventions")."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from iru.figures.calendar import (
    add_months_expr,
    add_working_days,
    age_band,
    age_on,
    bank_holidays_covering,
    reporting_year,
)

HOLIDAYS = bank_holidays_covering([date(2014, 1, 1), date(2025, 12, 31)])


def _one(expr: pl.Expr) -> object:
    return pl.select(expr).item()


@pytest.mark.parametrize(
    ("start", "n", "last_day"),
    [
        # FIGURES.md: a Saturday start makes Monday day 1.
        (date(2025, 1, 4), 20, date(2025, 1, 31)),
        (date(2025, 1, 6), 20, date(2025, 2, 3)),
        # FIGURES.md: skips Fri 25 Dec, Mon 28 Dec (Boxing Day substitute) and Fri 1 Jan.
        (date(2015, 12, 21), 15, date(2016, 1, 14)),
        # NOTES 08: Mon 7 Dec 2015 + 20 = Thu 7 Jan 2016 (Wed 6 Jan without the substitute day).
        (date(2015, 12, 7), 20, date(2016, 1, 7)),
        # A bank holiday start (Christmas Day 2015, a Friday): Tue 29 Dec is day 1, so
        # day 15 is Tue 19 Jan 2016 (29,30,31 | 4-8 | 11-15 | 18,19).
        (date(2015, 12, 25), 15, date(2016, 1, 19)),
        # Easter 2016: Good Friday 25 Mar and Easter Monday 28 Mar; Thu 24 Mar + 1 = Tue 29 Mar.
        (date(2016, 3, 24), 1, date(2016, 3, 29)),
        # DOMAIN.md 5: the DfE specimen, 1970-06-02 + 15 WD = 1970-06-23 (no holiday between).
        (date(2016, 6, 2), 15, date(2016, 6, 23)),
    ],
)
def test_within_n_working_days_counts_the_start_as_day_0(start, n, last_day):
    assert _one(add_working_days(pl.lit(start), n, HOLIDAYS)) == last_day


@pytest.mark.parametrize(
    ("day", "months", "result"),
    [
        (date(2015, 8, 31), 3, date(2015, 11, 30)),  # clipped: 31 Nov does not exist
        (date(2015, 8, 31), 6, date(2016, 2, 29)),  # into a leap February
        (date(2016, 8, 31), 6, date(2017, 2, 28)),  # into a common February
        (date(2015, 11, 30), 6, date(2016, 5, 30)),  # a month end does not map to a month end
        (date(2016, 4, 30), -30, date(2013, 10, 30)),  # FIGURES.md
        (date(2016, 2, 29), -24, date(2014, 2, 28)),  # FIGURES.md: 29 Feb 2016 - 2 years
        (date(2016, 3, 31), -30, date(2013, 9, 30)),  # the long-term cut-off of YE 2016
    ],
)
def test_month_arithmetic_clips_to_the_month_end(day, months, result):
    assert _one(add_months_expr(pl.lit(day), months)) == result


@pytest.mark.parametrize(
    ("dob", "day", "age"),
    [
        (date(2008, 2, 29), date(2018, 2, 27), 9),
        (date(2008, 2, 29), date(2018, 2, 28), 10),  # birthday on 28 Feb in a common year
        (date(2000, 2, 29), date(2016, 2, 28), 15),  # leap year: the birthday is 29 Feb
        (date(2000, 2, 29), date(2016, 2, 29), 16),
        (date(2002, 4, 1), date(2017, 4, 1), 15),  # the birthday itself
        (date(2002, 4, 1), date(2017, 3, 31), 14),
    ],
)
def test_age_is_completed_years(dob, day, age):
    assert _one(age_on(pl.lit(dob), pl.lit(day))) == age


def test_age_bands_cover_every_age_and_unknown():
    ages = pl.Series("age", [0, 1, 4, 5, 9, 10, 14, 15, 16, 40, None], dtype=pl.Int32)
    bands = pl.select(age_band(pl.lit(ages))).to_series().to_list()
    assert bands == [
        "under_1", "1_4", "1_4", "5_9", "5_9", "10_14", "10_14", "15", "16_plus", "16_plus",
        "unknown",
    ]  # fmt: skip


def test_reporting_year_and_its_months():
    year = reporting_year(date(2016, 3, 31))
    assert (year.start, year.day_before) == (date(2015, 4, 1), date(2015, 3, 31))
    assert year.month_ends[0] == date(2015, 4, 30)
    assert year.month_ends[10] == date(2016, 2, 29)
    assert year.month_labels[-1] == "2016-03"


def test_a_year_end_that_is_not_a_month_end_is_refused():
    with pytest.raises(ValueError, match="last day of a month"):
        reporting_year(date(2016, 3, 30))
