"""The meetings the unit held: how many of each kind, by month, on average a month, and the
outcomes of initial conferences (docs/figures.md "The unit's own records").

A meeting is *held in the year* when its date is in [YS, YE] and it was not cancelled; a meeting
covering three siblings is one meeting.
"""

from __future__ import annotations

import polars as pl

from iru.figures.calendar import month_in_year
from iru.figures.output import quotient
from iru.figures.unit.months import by_month_and_total, counts_by_month
from iru.rules.years import MONTHS_IN_YEAR, ReportingYear

MEETING_KINDS = ("lac_review", "icpc", "rcpc")
CONFERENCE_KINDS = ("icpc", "rcpc")
NOT_RECORDED = "not_recorded"
# An initial conference's outcome (meetings.Meeting.Outcome), and `not_recorded` without one.
ICPC_OUTCOMES = ("plan", "no_plan", "change_of_category", "child_died", NOT_RECORDED)


def held_meetings(meetings: pl.DataFrame, year: ReportingYear) -> pl.DataFrame:
    """The meetings held in the year (not cancelled, dated in [YS, YE]), with `month`."""
    date_ = pl.col("date")
    return meetings.filter(
        pl.col("cancelled_on").is_null() & date_.is_between(year.start, year.end)
    ).with_columns(month=month_in_year(date_, year))


def meeting_figures(held: pl.DataFrame, year: ReportingYear) -> dict[str, object]:
    """`unit.meetings.*`: held by kind, by month and kind, and the average a month."""
    by_month, total = by_month_and_total(counts_by_month(held, "kind"), MEETING_KINDS, year)
    conferences = sum(total[kind] for kind in CONFERENCE_KINDS)
    average = {kind: quotient(n, MONTHS_IN_YEAR) for kind, n in total.items()}
    return {
        "held": total,
        "by_month": by_month,
        "average_per_month": average | {"conferences": quotient(conferences, MONTHS_IN_YEAR)},
    }


def icpc_outcome_figures(
    held: pl.DataFrame, covered: pl.DataFrame, year: ReportingYear
) -> dict[str, object]:
    """`unit.icpc.outcomes.*`: the children covered by the initial conferences held, each
    child at each conference once, by the conference's outcome, per month and in the year."""
    outcome = pl.col("outcome")
    children = (
        held.filter(pl.col("kind") == "icpc")
        .join(covered.select("meeting_id"), on="meeting_id")
        .with_columns(
            outcome=pl.when(outcome.is_in(ICPC_OUTCOMES))
            .then(outcome)
            .otherwise(pl.lit(NOT_RECORDED))
        )
    )
    counts = counts_by_month(children, "outcome")
    by_month, total = by_month_and_total(counts, ICPC_OUTCOMES, year)
    return {"by_month": by_month, "total": total}
