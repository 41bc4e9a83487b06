"""Looked-after children counts (FIGURES.md "Looked-after children")."""

from __future__ import annotations

from datetime import date

import polars as pl

from iru.figures.calendar import AGE_BANDS, age_band
from iru.figures.output import (
    UNKNOWN,
    code_breakdown,
    counts_by,
    fixed_breakdown,
)
from iru.rules.codes import PLACEMENT_GROUPS
from iru.rules.months import age_on_expr
from iru.rules.years import ReportingYear, month_label

# FIGURES.md groups in order; `unknown` (an empty PLACE) is listed only when it occurs.
GROUPS = tuple(group for group in PLACEMENT_GROUPS if group != UNKNOWN)
DISTANCE_BANDS = ("under_20_in", "under_20_out", "over_20_in", "over_20_out")
NEAR_MILES = 20  # lac.started_by_distance: "under 20" is PL_DISTANCE <= 20 miles (a distance)

_DECOM, _DEC = pl.col("DECOM"), pl.col("DEC")


def open_on(care: pl.DataFrame, days: list[date]) -> pl.DataFrame:
    """(episode, day) pairs for episodes open on each day: DECOM <= day < DEC (or DEC empty).

    A child whose episode ends on a day is not looked after that day.
    """
    first, last = min(days), max(days)
    candidates = care.filter((last >= _DECOM) & (_DEC.is_null() | (first < _DEC)))
    days_frame = pl.DataFrame({"day": days}, schema={"day": pl.Date()})
    return candidates.join(days_frame, how="cross").filter(
        (pl.col("day") >= _DECOM) & (_DEC.is_null() | (pl.col("day") < _DEC))
    )


def children_on(open_episodes: pl.DataFrame, day: date) -> pl.DataFrame:
    """One row per child looked after on `day`: its latest open episode (ties: later DECOM)."""
    return (
        open_episodes.filter(pl.col("day") == day)
        .sort("seq")
        .unique("CHILD", keep="last", maintain_order=True)
    )


def lac_figures(
    care: pl.DataFrame,
    periods: pl.DataFrame,
    children: pl.DataFrame,
    opened: pl.DataFrame,
    year: ReportingYear,
) -> dict[str, object]:
    """Every `lac.*` figure. `children` is the Header: one row per CHILD with DOB, ETHNIC;
    `opened` is `open_on(care, [year.day_before, *year.month_ends])`."""
    counts = dict(opened.group_by("day").agg(pl.col("CHILD").n_unique()).iter_rows())
    at_end = children_on(opened, year.end)
    started = _started(periods, children, year)
    ceased = _ceased(care, children, year)
    return {
        "lac.at_year_start": counts.get(year.day_before, 0),
        "lac.at_year_end": at_end.height,
        "lac.month_end": {month_label(day): counts.get(day, 0) for day in year.month_ends},
        "lac.started": started.height,
        "lac.started_by_age": fixed_breakdown(counts_by(started, "band"), AGE_BANDS),
        "lac.started_by_distance": fixed_breakdown(
            counts_by(started, "distance"), (*DISTANCE_BANDS, UNKNOWN)
        ),
        "lac.ceased": ceased.height,
        "lac.ceased_by_reason": code_breakdown(counts_by(ceased, "REC")),
        "lac.ceased_by_age": fixed_breakdown(counts_by(ceased, "band"), AGE_BANDS),
        "lac.placement_at_year_end": fixed_breakdown(
            counts_by(at_end.with_columns(group=placement_group(pl.col("PLACE"))), "group"),
            GROUPS,
        ),
        "lac.ethnicity_at_year_end": code_breakdown(
            counts_by(at_end.join(children, on="CHILD", how="left"), "ETHNIC")
        ),
    }


def placement_group(place: pl.Expr) -> pl.Expr:
    """FIGURES.md placement groups; a non-empty PLACE outside every group is `other`."""
    codes = [code for group in GROUPS for code in PLACEMENT_GROUPS[group]]
    groups = [group for group in GROUPS for _code in PLACEMENT_GROUPS[group]]
    named = place.replace_strict(codes, groups, default=pl.lit("other"), return_dtype=pl.String)
    return pl.when(place.is_null()).then(pl.lit(UNKNOWN)).otherwise(named)


def _started(periods: pl.DataFrame, children: pl.DataFrame, year: ReportingYear) -> pl.DataFrame:
    """Each child once, at its first period start in the year, with age and distance bands."""
    in_year = pl.col("start").is_between(year.start, year.end)
    first = periods.filter(in_year).sort("start").unique("CHILD", keep="first")
    return first.join(children, on="CHILD", how="left").with_columns(
        band=age_band(age_on_expr(pl.col("DOB"), pl.col("start"))),
        distance=_distance_band(pl.col("first_distance"), pl.col("first_location")),
    )


def _distance_band(distance: pl.Expr, location: pl.Expr) -> pl.Expr:
    near = pl.when(distance <= NEAR_MILES).then(pl.lit("under_20")).otherwise(pl.lit("over_20"))
    known = distance.is_not_null() & location.is_in(("IN", "OUT")).fill_null(False)
    return (
        pl.when(known)
        .then(pl.concat_str(near, pl.lit("_"), location.str.to_lowercase()))
        .otherwise(pl.lit(UNKNOWN))
    )


def _ceased(care: pl.DataFrame, children: pl.DataFrame, year: ReportingYear) -> pl.DataFrame:
    """Each child once, at its last ending in the year (an episode with DEC in the year and REC
    other than X1); two endings on that day: the later in sort order gives REC."""
    endings = care.filter(
        _DEC.is_between(year.start, year.end) & (pl.col("REC") != "X1").fill_null(True)
    )
    last = endings.sort(["DEC", "seq"]).unique("CHILD", keep="last")
    return last.join(children, on="CHILD", how="left").with_columns(
        band=age_band(age_on_expr(pl.col("DOB"), _DEC))
    )
