"""Caseloads per full-time chair: the children allocated over the FTE working that day
(docs/figures.md "The unit's own records", `unit.caseload`), against the IRO Handbook's 50-70.

IROs hold the looked-after children (allocations of kind `lac`), conference chairs (ICCs) the
children on plans (`cp`). The FTE is the unit's posts of that kind held by someone not on leave;
a unit that has recorded no posts at all falls back on the chairs' own FTE (`fte_from`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import polars as pl

from iru.figures.output import quotient
from iru.figures.unit.dataset import UnitDataset
from iru.figures.unit.spells import fte_hundredths, fte_number, in_force_on_days
from iru.figures.unit.staffing import posts_on_days
from iru.rules.years import ReportingYear, month_label

# The chairs' posts (and roles) and the allocations each holds.
CASELOAD_KINDS = {"iro": "lac", "icc": "cp"}
CHAIR_ROLES = ("iro", "icc")


def caseload_figures(unit: UnitDataset, year: ReportingYear) -> dict[str, object]:
    """`unit.caseload.{iro|icc}`: `at_year_end` and `by_month` (each month's end), each
    `{children, fte, per_fte, fte_from}`."""
    days = year.month_ends
    allocated = in_force_on_days(unit.allocations, days).with_columns(
        chair_kind=pl.col("kind").replace_strict(
            {v: k for k, v in CASELOAD_KINDS.items()}, default=None
        )
    )
    children = _counts(allocated.group_by("chair_kind", "day").agg(n=pl.col("child_id").n_unique()))
    fte_from = "staff" if unit.posts.is_empty() else "posts"
    fte = _counts(_chairs_fte(unit, allocated) if fte_from == "staff" else _posts_fte(unit, days))
    result: dict[str, object] = {}
    for kind in CASELOAD_KINDS:
        on_day = {
            day: _caseload(children.get((kind, day), 0), fte.get((kind, day), 0), fte_from)
            for day in days
        }
        result[kind] = {
            "at_year_end": on_day[year.end],
            "by_month": {month_label(day): on_day[day] for day in days},
        }
    return result


def _caseload(children: int, hundredths: int, fte_from: str) -> dict[str, object]:
    """Children over FTE, half-up to 1 dp (null when no FTE): children / (h / 100)."""
    return {
        "children": children,
        "fte": fte_number(hundredths),
        "per_fte": quotient(100 * children, hundredths),
        "fte_from": fte_from,
    }


def _posts_fte(unit: UnitDataset, days: Sequence[date]) -> pl.DataFrame:
    """FTE (hundredths) of the chairs' posts held on each day by someone not on leave."""
    posts = posts_on_days(unit, days).filter(pl.col("working"))
    return posts.group_by(chair_kind="kind", day="day").agg(n=pl.col("fte").sum())


def _chairs_fte(unit: UnitDataset, allocated: pl.DataFrame) -> pl.DataFrame:
    """Without posts: the recorded FTE (hundredths) of the chairs (IROs and ICCs) holding
    allocations of the kind on each day; a chair holding both kinds counts in each."""
    chairs = unit.staff.filter(pl.col("role").is_in(CHAIR_ROLES)).select(
        chair_id="staff_id", fte=fte_hundredths(pl.col("fte"))
    )
    return (
        allocated.select("chair_kind", "day", "chair_id")
        .unique()
        .join(chairs, on="chair_id")
        .group_by("chair_kind", "day")
        .agg(n=pl.col("fte").sum())
    )


def _counts(frame: pl.DataFrame) -> dict[tuple[str, date], int]:
    return {
        (str(kind), day): int(n)
        for kind, day, n in frame.select("chair_kind", "day", "n").iter_rows()
    }
