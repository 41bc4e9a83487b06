"""Review child protection conferences counted per conference, the seed's way (a family's
siblings share one), with their timeliness from the census (docs/figures.md "The unit's own
records", `unit.rcpc.conferences`).

Timeliness is never worked out again here: each child's review conference is in timescale or
not as the figures engine says (`iru.figures.cp.cp_tables(...).reviews`, FIGURES.md's rule),
and a conference is in timescale when every child it covered has one on that day in timescale.
"""

from __future__ import annotations

import polars as pl

from iru.data.dataset import Dataset
from iru.figures.compute import Prepared
from iru.figures.cp import cp_tables
from iru.figures.output import ratio
from iru.figures.unit.months import by_month_and_total
from iru.rules.calendar import bank_holidays_covering
from iru.rules.years import ReportingYear

MEASURES = ("held", "in_timescale", "unmatched")
CENSUS_REVIEWS_SCHEMA = {"LAchildID": pl.String(), "date": pl.Date(), "in_timescale": pl.Boolean()}


def census_review_conferences(returns: Dataset | Prepared) -> pl.DataFrame:
    """One row per review conference of the census (`LAchildID`, `date`, `in_timescale`):
    none without a CIN census."""
    if isinstance(returns, Prepared):
        tables = returns.cp
    elif returns.has_cin:
        # The initial conferences' 15 working days need the bank holidays from their starts.
        starts = returns.section47.get_column("S47ActualStartDate")
        tables = cp_tables(returns, bank_holidays_covering([starts.min(), starts.max()]))  # type: ignore[list-item]
    else:
        tables = None
    if tables is None:
        return pl.DataFrame(schema=CENSUS_REVIEWS_SCHEMA)
    return tables.reviews.select(*CENSUS_REVIEWS_SCHEMA)


def rcpc_conference_figures(
    held: pl.DataFrame, covered: pl.DataFrame, census: pl.DataFrame, year: ReportingYear
) -> dict[str, object]:
    """`unit.rcpc.conferences.*`: per month and in the year, `{held, in_timescale,
    unmatched}`, and in timescale over those matched.

    A conference is `unmatched` when a child it covered has no review conference in the
    census on its date (or it covered no child); otherwise in timescale when every child's is.
    """
    conferences = _conferences(held, covered, census).with_columns(held=pl.lit(True))
    counts = {
        (str(row["month"]), measure): int(row[measure])
        for row in conferences.group_by("month").agg(pl.col(MEASURES).sum()).iter_rows(named=True)
        for measure in MEASURES
    }
    by_month, total = by_month_and_total(counts, MEASURES, year)
    return {
        "by_month": by_month,
        "total": total,
        "in_timescale": ratio(total["in_timescale"], total["held"] - total["unmatched"]),
    }


def _conferences(held: pl.DataFrame, covered: pl.DataFrame, census: pl.DataFrame) -> pl.DataFrame:
    """One row per review conference held: `month`, `unmatched`, `in_timescale`."""
    # A child with two plans may have two census rows on one day: in timescale only if both are.
    by_day = census.group_by(child_id="LAchildID", date="date").agg(
        census_in_timescale=pl.col("in_timescale").all()
    )
    children = (
        held.filter(pl.col("kind") == "rcpc")
        .select("meeting_id", "date", "month")
        .join(covered.select("meeting_id", "child_id"), on="meeting_id", how="left")
        .join(by_day, on=["child_id", "date"], how="left")
    )
    found = pl.col("census_in_timescale")
    return (
        children.group_by("meeting_id", "month")
        .agg(
            unmatched=(pl.col("child_id").is_null() | found.is_null()).any(),
            every_child_in_timescale=found.fill_null(False).all(),
        )
        .with_columns(in_timescale=~pl.col("unmatched") & pl.col("every_child_in_timescale"))
    )
