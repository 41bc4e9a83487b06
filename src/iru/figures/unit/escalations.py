"""Escalations under the dispute resolution process raised in the year, as they stood at its
end (docs/figures.md "The unit's own records", `unit.escalations`)."""

from __future__ import annotations

import polars as pl

from iru.figures.output import UNKNOWN, counts_by, fixed_breakdown
from iru.rules.calendar import bank_holidays_covering, working_days_between_expr
from iru.rules.years import ReportingYear

STAGES = ("1", "2", "3", "4")  # informal (team manager), service manager, head of service, director


def escalation_figures(
    escalations: pl.DataFrame, stages: pl.DataFrame, year: ReportingYear
) -> dict[str, object]:
    """`unit.escalations`: of the escalations raised in [YS, YE], those resolved on or before
    YE and those still open then, by the highest stage reached by YE, those referred to
    Cafcass by YE, and the median working days from raising to resolving."""
    raised = escalations.filter(pl.col("raised").is_between(year.start, year.end))
    by_end = pl.col("resolved") <= year.end
    resolved = raised.filter(by_end.fill_null(False))
    referred = pl.col("cafcass_referral").fill_null(False) & (
        pl.col("cafcass_referred").is_null() | (pl.col("cafcass_referred") <= year.end)
    )
    return {
        "raised": raised.height,
        "resolved": resolved.height,
        "open_at_year_end": raised.height - resolved.height,
        "by_stage_reached": fixed_breakdown(
            counts_by(_reached(raised, stages, year), "reached"), STAGES
        ),
        "cafcass_referrals": raised.filter(referred).height,
        "median_working_days_to_resolve": _median_working_days(resolved),
    }


def _reached(raised: pl.DataFrame, stages: pl.DataFrame, year: ReportingYear) -> pl.DataFrame:
    """`reached`: the highest stage started on or before YE; for an escalation with no stages
    recorded (one from the unit's files), the stage it is at. `unknown` outside 1-4."""
    started = (
        stages.filter(pl.col("started") <= year.end)
        .group_by("escalation_id")
        .agg(highest=pl.col("stage").max())
    )
    stage = pl.coalesce("highest", "stage").cast(pl.String)
    return raised.join(started, on="escalation_id", how="left").select(
        reached=pl.when(stage.is_in(STAGES)).then(stage).otherwise(pl.lit(UNKNOWN))
    )


def _median_working_days(resolved: pl.DataFrame) -> float | None:
    """The median of `iru.rules.calendar.working_days_between(raised, resolved)`: None when
    nothing was resolved; a whole number or a half."""
    if resolved.is_empty():
        return None
    raised, ended = pl.col("raised"), pl.col("resolved")
    holidays = bank_holidays_covering([resolved["raised"].min(), resolved["resolved"].max()])  # type: ignore[list-item]
    days = resolved.select(working_days_between_expr(raised, ended, holidays).median())
    median = days.item()
    return None if median is None else float(median)
