"""LAC statutory reviews and their timeliness (FIGURES.md "LAC statutory reviews").

`reviews_with_due_dates` does the year-independent work once: each review row gets its period
of care and its due date; `review_figures` then counts one reporting year.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from iru.figures.calendar import month_in_year
from iru.figures.groups import previous_in_run, rank_in_run, run_starts
from iru.figures.output import UNKNOWN, counts_by, fixed_breakdown, ratio
from iru.figures.periods import latest_rows
from iru.rules.timescales import lac_review_due_expr
from iru.rules.years import ReportingYear

PARTICIPATION_CODES = tuple(f"PN{n}" for n in range(8))
_REVIEW = pl.col("REVIEW")


def reviews_with_due_dates(
    reviews: pl.DataFrame,
    periods: pl.DataFrame,
    short_breaks: pl.DataFrame,
    holidays: list[date],
) -> pl.DataFrame:
    """One row per review (CHILD + REVIEW) with `PERIOD` (null in no period), `due`,
    `in_timescale` and `ignored` (in no period but inside a V3/V4 episode).

    A review belongs to the period containing its date (DECOM <= REVIEW <= DEC), the later-
    started one when two do. Due: `iru.rules.timescales.lac_review_due_expr` (CPPCR 2010 reg 33),
    from the review's rank in its period and the review before it.
    """
    rows = latest_rows(reviews, ["CHILD", "REVIEW"]).select("CHILD", "REVIEW", "REVIEW_CODE")
    containing = (
        rows.join(periods.select("CHILD", "PERIOD", "start", "end"), on="CHILD")
        .filter(
            (pl.col("start") <= _REVIEW) & (pl.col("end").is_null() | (pl.col("end") >= _REVIEW))
        )
        .sort("start")
        .unique(["CHILD", "REVIEW"], keep="last")
        .select("CHILD", "REVIEW", "PERIOD", "start")
    )
    in_short_break = (
        rows.join(short_breaks.select("CHILD", "DECOM", "DEC"), on="CHILD")
        .filter(
            (pl.col("DECOM") <= _REVIEW) & (pl.col("DEC").is_null() | (pl.col("DEC") >= _REVIEW))
        )
        .select("CHILD", "REVIEW")
        .unique()
        .with_columns(in_short_break=pl.lit(True))
    )
    rows = (
        rows.join(containing, on=["CHILD", "REVIEW"], how="left")
        .join(in_short_break, on=["CHILD", "REVIEW"], how="left")
        .sort(["PERIOD", "REVIEW"], nulls_last=True)
    )
    starts = run_starts("PERIOD")
    previous = previous_in_run(_REVIEW, starts)
    due = lac_review_due_expr(rank_in_run(starts), pl.col("start"), previous, holidays)
    return rows.with_columns(
        due=pl.when(pl.col("PERIOD").is_not_null()).then(due),
        ignored=pl.col("PERIOD").is_null() & pl.col("in_short_break").fill_null(False),
    ).with_columns(in_timescale=(pl.col("due") >= _REVIEW).fill_null(False))


def review_figures(reviews: pl.DataFrame, year: ReportingYear) -> dict[str, object]:
    """Every `reviews.*` figure for one year, from `reviews_with_due_dates`."""
    in_year = reviews.filter(_REVIEW.is_between(year.start, year.end))
    held = in_year.filter(pl.col("PERIOD").is_not_null()).with_columns(
        code=pl.when(pl.col("REVIEW_CODE").is_in(PARTICIPATION_CODES).fill_null(False))
        .then(pl.col("REVIEW_CODE"))
        .otherwise(pl.lit(UNKNOWN)),
        month=month_in_year(_REVIEW, year),
    )
    unmatched = in_year.filter(pl.col("PERIOD").is_null() & ~pl.col("ignored")).height
    timely = held.filter(pl.col("in_timescale"))
    participated = held.filter(pl.col("code").is_in(PARTICIPATION_CODES[1:7])).height
    asked = held.filter(pl.col("code") != "PN0").height
    held_by_month = counts_by(held, "month")
    timely_by_month = counts_by(timely, "month")
    return {
        "reviews.held": held.height,
        "reviews.in_timescale": ratio(timely.height, held.height),
        "reviews.by_month": {
            label: {
                "held": held_by_month.get(label, 0),
                "in_timescale": timely_by_month.get(label, 0),
            }
            for label in year.month_labels
        },
        "reviews.unmatched": unmatched,
        "reviews.participation": fixed_breakdown(counts_by(held, "code"), PARTICIPATION_CODES),
        "reviews.participation_rate": ratio(participated, asked),
    }
