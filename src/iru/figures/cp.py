"""Child protection figures from the CIN census (FIGURES.md "Child protection").

`cp_tables` does the year-independent work once (plans with repeat flags, conferences with
their timeliness); `cp_figures` counts one reporting year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from iru.data.dataset import Dataset
from iru.figures.calendar import month_in_year
from iru.figures.groups import previous_in_run, rank_in_run, run_starts
from iru.figures.output import (
    UNKNOWN,
    code_breakdown,
    counts_by,
    cumulative,
    fixed_breakdown,
    ratio,
)
from iru.figures.periods import latest_rows
from iru.rules.months import add_months_expr
from iru.rules.timescales import icpc_due_expr, rcpc_due_expr
from iru.rules.years import ReportingYear

CATEGORIES = ("NEG", "PHY", "SAB", "EMO", "MUL")
# "2 years" in cp.open_2_years_plus, cp.repeat_within_2_years and the longest duration band:
# a span FIGURES.md measures plans by, in calendar months (years are 12 months), not a timescale.
TWO_YEARS_MONTHS = 24
# cp.ended_by_duration: each band and the months that end it (CPPendDate < CPPstartDate + N
# months), the last band open-ended. How long a plan lasted, not a timescale.
DURATION_BAND_ENDS = (
    ("under_3_months", 3),
    ("3_to_6_months", 6),
    ("6_to_12_months", 12),
    ("1_to_2_years", TWO_YEARS_MONTHS),
)
LONGEST_BAND = "2_years_plus"
DURATION_BANDS = (*(band for band, _months in DURATION_BAND_ENDS), LONGEST_BAND)
_START, _END = pl.col("CPPstartDate"), pl.col("CPPendDate")


@dataclass(frozen=True)
class CpTables:
    plans: pl.DataFrame  # one row per plan, with duration band, category, repeat flags
    initial: pl.DataFrame  # one row per initial conference: date, counted, within
    reviews: pl.DataFrame  # one row per review conference: LAchildID, date, in_timescale
    ethnicity: pl.DataFrame  # LAchildID, Ethnicity


def cp_tables(dataset: Dataset, holidays: list[date]) -> CpTables:
    plans = latest_rows(dataset.cp_plans, ["LAchildID", "CPPstartDate"])
    return CpTables(
        plans=_plans(plans),
        initial=_initial_conferences(dataset, holidays),
        reviews=_review_conferences(dataset.cp_reviews, plans),
        ethnicity=latest_rows(dataset.cin_children, ["LAchildID"]).select("LAchildID", "Ethnicity"),
    )


def _plans(plans: pl.DataFrame) -> pl.DataFrame:
    """Plans with `band` (duration, when ended), `category` and the two repeat flags."""
    earlier = (
        plans.select("LAchildID", "CPPstartDate")
        .join(
            plans.select("LAchildID", _START.alias("before"), _END.alias("before_end")),
            on="LAchildID",
        )
        .filter(pl.col("before") < _START)
        .group_by("LAchildID", "CPPstartDate")
        .agg(
            earlier=pl.lit(True),
            within_2_years=(
                pl.col("before_end").is_null()
                | (pl.col("before_end") >= add_months_expr(_START, -TWO_YEARS_MONTHS))
            ).any(),
        )
    )
    band = pl.lit(LONGEST_BAND)
    for name, months in reversed(DURATION_BAND_ENDS):
        band = pl.when(add_months_expr(_START, months) > _END).then(pl.lit(name)).otherwise(band)
    category = pl.coalesce("LatestCategoryOfAbuse", "InitialCategoryOfAbuse")
    return plans.join(earlier, on=["LAchildID", "CPPstartDate"], how="left").with_columns(
        band=pl.when(_END.is_not_null()).then(band),
        category=pl.when(category.is_in(CATEGORIES).fill_null(False))
        .then(category)
        .otherwise(pl.lit(UNKNOWN)),
        repeat=pl.col("earlier").fill_null(False)
        | (pl.col("NumberOfPreviousCPP") > 0).fill_null(False),
        repeat_within_2_years=pl.col("within_2_years").fill_null(False),
    )


def _initial_conferences(dataset: Dataset, holidays: list[date]) -> pl.DataFrame:
    """Section 47 conferences, plus CINdetails-level ones no section 47 of the child has.

    `counted`: in the 15-day denominator (a start, and the conference on or after it);
    `within`: held within 15 working days of the section 47 start (`icpc_due_expr`).
    """
    start, held = pl.col("S47ActualStartDate"), pl.col("DateOfInitialCPC")
    columns = ("LAchildID", "S47ActualStartDate", "DateOfInitialCPC")
    section47 = _section47(dataset.section47).filter(held.is_not_null()).select(columns)
    # Matched on the child and date, never the block: a block's own date that none of the
    # child's section 47s has is a conference of its own, even beside a section 47 of another date.
    own = (
        dataset.cin_details.filter(pl.col("LAchildID").is_not_null() & held.is_not_null())
        .select("LAchildID", "DateOfInitialCPC")
        .unique()
        .join(section47, on=["LAchildID", "DateOfInitialCPC"], how="anti")
        .with_columns(S47ActualStartDate=pl.lit(None, dtype=pl.Date()))
        .select(columns)
    )
    conferences = pl.concat([section47, own])
    counted = (held >= start).fill_null(False)
    return conferences.select(
        date=held,
        counted=counted,
        within=counted & (held <= icpc_due_expr(start, holidays)),
    )


def _section47(section47: pl.DataFrame) -> pl.DataFrame:
    """One row per section 47 enquiry: key LAchildID + start (+ conference date without one)."""
    start, held = pl.col("S47ActualStartDate"), pl.col("DateOfInitialCPC")
    keyed = section47.filter(
        pl.col("LAchildID").is_not_null() & (start.is_not_null() | held.is_not_null())
    ).with_columns(_conference=pl.when(start.is_null()).then(held))
    return keyed.unique(
        subset=["LAchildID", "S47ActualStartDate", "_conference"], keep="last", maintain_order=True
    )


def _review_conferences(reviews: pl.DataFrame, plans: pl.DataFrame) -> pl.DataFrame:
    """Review conferences with `in_timescale`, due as `iru.rules.timescales.rcpc_due_expr`:
    from the conference's rank in its plan and the one before it."""
    date_ = pl.col("CPPreviewDate")
    starts = run_starts("LAchildID", "CPPstartDate")
    due = rcpc_due_expr(rank_in_run(starts), _START, previous_in_run(date_, starts))
    return (
        reviews.filter(date_.is_not_null())
        .select("LAchildID", "CPPstartDate", "CPPreviewDate")
        .unique()
        .join(
            plans.select("LAchildID", "CPPstartDate"), on=["LAchildID", "CPPstartDate"], how="semi"
        )
        .sort("LAchildID", "CPPstartDate", "CPPreviewDate")
        .select("LAchildID", date=date_, in_timescale=(date_ <= due).fill_null(False))
    )


def _open_on(plans: pl.DataFrame, day: date | pl.Expr) -> pl.DataFrame:
    """Plans open on `day`: CPPstartDate <= day and (CPPendDate empty or CPPendDate > day)."""
    return plans.filter((day >= _START) & (_END.is_null() | (day < _END)))


def cp_figures(tables: CpTables, year: ReportingYear) -> dict[str, object]:
    """Every `cp.*` figure for one reporting year."""
    plans = tables.plans
    open_at_end = _open_on(plans, year.end)
    started = plans.filter(_START.is_between(year.start, year.end))
    ended = plans.filter(_END.is_between(year.start, year.end))
    subject = (
        open_at_end.select("LAchildID").unique().join(tables.ethnicity, on="LAchildID", how="left")
    )
    return {
        "cp.at_year_start": _open_on(plans, year.day_before)["LAchildID"].n_unique(),
        "cp.at_year_end": open_at_end["LAchildID"].n_unique(),
        "cp.started": started.height,
        **_conference_figures(tables, year),
        "cp.category_at_year_end": fixed_breakdown(counts_by(open_at_end, "category"), CATEGORIES),
        "cp.ended": ended.height,
        "cp.ended_by_duration": fixed_breakdown(counts_by(ended, "band"), DURATION_BANDS),
        "cp.ended_2_years_plus": ratio(
            ended.filter(pl.col("band") == LONGEST_BAND).height, ended.height
        ),
        "cp.open_2_years_plus": _open_two_years(plans, year.end),
        "cp.repeat": ratio(started.filter(pl.col("repeat")).height, started.height),
        "cp.repeat_within_2_years": ratio(
            started.filter(pl.col("repeat_within_2_years")).height, started.height
        ),
        **_monthly_plan_figures(plans, year),
        "cp.ethnicity_at_year_end": code_breakdown(counts_by(subject, "Ethnicity")),
    }


def _open_two_years(plans: pl.DataFrame, day: date) -> dict[str, object]:
    """Plans open on `day` that started on or before `day` - 2 years, over plans open on `day`."""
    open_plans = _open_on(plans, day)
    long = open_plans.filter(add_months_expr(pl.lit(day), -TWO_YEARS_MONTHS) >= _START)
    return ratio(long.height, open_plans.height)


def _monthly_plan_figures(plans: pl.DataFrame, year: ReportingYear) -> dict[str, object]:
    """The `*_by_month` plan figures: open 2 years+ on each month end; cumulative from YS for
    ended 2 years+ and the two repeat measures."""
    started = plans.filter(_START.is_between(year.start, year.end)).with_columns(
        month=month_in_year(_START, year)
    )
    ended = plans.filter(_END.is_between(year.start, year.end)).with_columns(
        month=month_in_year(_END, year)
    )
    labels = year.month_labels

    def monthly_ratio(frame: pl.DataFrame, flag: pl.Expr) -> dict[str, object]:
        numerators = cumulative(labels, counts_by(frame.filter(flag), "month"))
        denominators = cumulative(labels, counts_by(frame, "month"))
        return {label: ratio(numerators[label], denominators[label]) for label in labels}

    return {
        "cp.open_2_years_plus_by_month": {
            label: _open_two_years(plans, day)
            for label, day in zip(labels, year.month_ends, strict=True)
        },
        "cp.ended_2_years_plus_by_month": monthly_ratio(ended, pl.col("band") == LONGEST_BAND),
        "cp.repeat_by_month": monthly_ratio(started, pl.col("repeat")),
        "cp.repeat_within_2_years_by_month": monthly_ratio(
            started, pl.col("repeat_within_2_years")
        ),
    }


def _conference_figures(tables: CpTables, year: ReportingYear) -> dict[str, object]:
    """`cp.icpc.*` and `cp.rcpc.*`."""
    in_year = pl.col("date").is_between(year.start, year.end)
    month = month_in_year(pl.col("date"), year)
    initial = tables.initial.filter(in_year).with_columns(month=month)
    reviews = tables.reviews.filter(in_year).with_columns(month=month)
    return {
        "cp.icpc": {
            "held": initial.height,
            "within_15_working_days": ratio(
                initial.filter(pl.col("within")).height, initial.filter(pl.col("counted")).height
            ),
            "by_month": _held_by_month(initial, "within", "within_15_working_days", year),
        },
        "cp.rcpc": {
            "held": reviews.height,
            "in_timescale": ratio(reviews.filter(pl.col("in_timescale")).height, reviews.height),
            "by_month": _held_by_month(reviews, "in_timescale", "in_timescale", year),
        },
    }


def _held_by_month(
    frame: pl.DataFrame, flag: str, key: str, year: ReportingYear
) -> dict[str, dict[str, int]]:
    held = counts_by(frame, "month")
    flagged = counts_by(frame.filter(pl.col(flag)), "month")
    return {
        label: {"held": held.get(label, 0), key: flagged.get(label, 0)}
        for label in year.month_labels
    }
