"""Dates for the figures only: age bands and the reporting-year month a day counts in.

The calendar rules themselves (working days, months, ages, collection and reporting years) live
in `iru.rules`; these are column expressions over them, so the figures never loop over rows
(FIGURES.md "Conventions"). Nothing reads the clock: the year end is always passed in.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from iru.rules.years import ReportingYear

AGE_BANDS: tuple[str, ...] = ("under_1", "1_4", "5_9", "10_14", "15", "16_plus")


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
