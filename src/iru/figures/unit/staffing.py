"""The unit's establishment on a day: its posts, how much of them is filled, vacant, on leave
or covered by agency staff (docs/figures.md "The unit's own records", `unit.staffing`).

A post is counted once whatever its holders: two holdings of one post (a holder on leave and
the agency chair covering them) add the post's FTE once to each measure they make true.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import polars as pl

from iru.figures.unit.dataset import UnitDataset
from iru.figures.unit.spells import fte_hundredths, fte_number, in_force_on_days

POST_KINDS = ("iro", "icc", "lado", "manager", "admin", "minute_taker")
STAFFING_MEASURES = ("fte", "filled_fte", "vacant_fte", "on_leave_fte", "agency_fte")


def posts_on_days(unit: UnitDataset, days: Sequence[date]) -> pl.DataFrame:
    """Each post in force on each of `days`: `post_id`, `kind`, `fte` (hundredths), `day`,
    and what its holdings in force that day make it: `filled` (someone holds it), `working`
    (a holder not on leave: agency and acting cover included), `on_leave` (a holder on
    leave), `agency` (an agency holding)."""
    posts = in_force_on_days(unit.posts, days).select(
        "post_id", "kind", "day", fte=fte_hundredths(pl.col("fte"))
    )
    leave = in_force_on_days(unit.leaves, days).select("holding_id", "day").unique()
    holdings = (
        in_force_on_days(unit.holdings, days)
        .join(leave.with_columns(on_leave=pl.lit(True)), on=["holding_id", "day"], how="left")
        .group_by("post_id", "day")
        .agg(
            working=pl.col("on_leave").is_null().any(),
            on_leave=pl.col("on_leave").fill_null(False).any(),
            agency=(pl.col("kind") == "agency").any(),
        )
    )
    return posts.join(holdings, on=["post_id", "day"], how="left").with_columns(
        filled=pl.col("working").is_not_null(),
        working=pl.col("working").fill_null(False),
        on_leave=pl.col("on_leave").fill_null(False),
        agency=pl.col("agency").fill_null(False),
    )


def staffing_on(unit: UnitDataset, day: date) -> dict[str, dict[str, object]]:
    """`unit.staffing.at_year_end.{kind}` on `day`: `posts` and the FTE measures."""
    fte = pl.col("fte")
    sums = (
        posts_on_days(unit, [day])
        .group_by("kind")
        .agg(
            posts=pl.len(),
            fte=fte.sum(),
            filled_fte=fte.filter(pl.col("filled")).sum(),
            vacant_fte=fte.filter(~pl.col("filled")).sum(),
            on_leave_fte=fte.filter(pl.col("on_leave")).sum(),
            agency_fte=fte.filter(pl.col("agency")).sum(),
        )
    )
    found = {str(row[0]): row[1:] for row in sums.iter_rows()}
    return {kind: _measures(found.get(kind, (0,) * 6)) for kind in POST_KINDS}


def _measures(row: tuple[int, ...]) -> dict[str, object]:
    """`posts` then each FTE measure (summed in hundredths) as a number."""
    posts, *hundredths = row
    return {"posts": posts} | {
        name: fte_number(value) for name, value in zip(STAFFING_MEASURES, hundredths, strict=True)
    }
