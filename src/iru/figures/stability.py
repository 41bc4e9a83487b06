"""Placement stability (FIGURES.md "Placement stability"): 3+ placements and long-term."""

from __future__ import annotations

import polars as pl

from iru.figures.groups import rank_in_run, run_starts
from iru.figures.output import ratio
from iru.rules.months import add_months_expr, age_on_expr
from iru.rules.years import ReportingYear, month_label

# stability.three_plus_placements: how many placements in the year count as many.
MANY_PLACEMENTS = 3
# stability.long_term (FIGURES.md): children under 16, in care for 2.5 years, in the same
# placement for 2 years. Spans the figure is defined by, not timescales.
LONG_TERM_UNDER_AGE = 16
LONG_TERM_CARE_MONTHS = 30
LONG_TERM_PLACEMENT_MONTHS = 24
_DAY = pl.col("day")


def stability_figures(
    placements: pl.DataFrame,
    children: pl.DataFrame,
    opened: pl.DataFrame,
    year: ReportingYear,
) -> dict[str, object]:
    """Every `stability.*` figure; `opened` is `lac.open_on(care, days)` for days including
    every month end of the year (YE among them)."""
    looked_after = (
        opened.filter(_DAY.is_in(year.month_ends))
        .sort("period_start")
        .unique(["day", "CHILD"], keep="last")  # the current period: the later-started one
        .select("day", "CHILD", "PERIOD", "period_start")
    )
    three_plus = _three_plus(placements, looked_after, year)
    long_term = _long_term(placements, children, looked_after)
    three_by_month = {month_label(day): three_plus.get(day, (0, 0)) for day in year.month_ends}
    long_by_month = {month_label(day): long_term.get(day, (0, 0)) for day in year.month_ends}
    return {
        "stability.three_plus_placements": ratio(*three_plus.get(year.end, (0, 0))),
        "stability.long_term": ratio(*long_term.get(year.end, (0, 0))),
        "stability.three_plus_placements_by_month": {
            label: ratio(*pair) for label, pair in three_by_month.items()
        },
        "stability.long_term_by_month": {
            label: ratio(*pair) for label, pair in long_by_month.items()
        },
    }


def _three_plus(
    placements: pl.DataFrame, looked_after: pl.DataFrame, year: ReportingYear
) -> dict[object, tuple[int, int]]:
    """Per month end M: (children looked after on M with 3+ placements open in [YS, M],
    children looked after on M). A placement is open in [YS, M] when it starts on or before M
    and does not end before YS."""
    # Placements are in child, start order: the child's third placement open in the year is
    # the first day it has 3; it counts on each month end M from that start on.
    in_year = placements.filter(
        (pl.col("start") <= year.end) & (pl.col("end").is_null() | (pl.col("end") >= year.start))
    )
    third = in_year.filter(rank_in_run(run_starts("CHILD")) == MANY_PLACEMENTS - 1).select(
        "CHILD", third_start=pl.col("start")
    )
    many = looked_after.join(third, on="CHILD").select(
        "day", "CHILD", many=pl.col("third_start") <= _DAY
    )
    counted = (
        looked_after.join(many, on=["day", "CHILD"], how="left")
        .group_by("day")
        .agg(numerator=pl.col("many").sum(), denominator=pl.len())
    )
    return {day: (int(n), int(d)) for day, n, d in counted.iter_rows()}


def _long_term(
    placements: pl.DataFrame, children: pl.DataFrame, looked_after: pl.DataFrame
) -> dict[object, tuple[int, int]]:
    """Per month end M: (numerator, denominator) of the long-term measure evaluated at M.

    Denominator: looked after on M, aged under 16 on M (a known DOB), current period started
    on or before M - 30 months. Numerator: the current placement (the period's last placement
    started on or before M) started on or before M - 2 years, taking the placement before an
    A1-A6 adoption placement when there is one (`long_term_start`).
    """
    eligible = looked_after.join(children.select("CHILD", "DOB"), on="CHILD", how="left").filter(
        (age_on_expr(pl.col("DOB"), _DAY) < LONG_TERM_UNDER_AGE).fill_null(False)
        & (pl.col("period_start") <= add_months_expr(_DAY, -LONG_TERM_CARE_MONTHS))
    )
    current = (
        eligible.select("day", "PERIOD")
        .join(placements.select("PERIOD", "start", "order", "long_term_start"), on="PERIOD")
        .filter(pl.col("start") <= _DAY)
        .sort("order")
        .unique(["day", "PERIOD"], keep="last")
        .filter(pl.col("long_term_start") <= add_months_expr(_DAY, -LONG_TERM_PLACEMENT_MONTHS))
        .select("day", "PERIOD", settled=pl.lit(True))
    )
    counted = (
        eligible.join(current, on=["day", "PERIOD"], how="left")
        .group_by("day")
        .agg(numerator=pl.col("settled").sum(), denominator=pl.len())
    )
    return {day: (int(n), int(d)) for day, n, d in counted.iter_rows()}
