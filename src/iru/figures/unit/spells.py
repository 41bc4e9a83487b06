"""Spells in force on a day, and FTE in hundredths: the two shapes every unit figure shares.

A spell (an allocation, a post, a holding, a leave) runs from `start` inclusive to `end`
exclusive, `end` empty while it lasts (`iru.figures.unit.dataset`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import polars as pl

_START, _END = pl.col("start"), pl.col("end")


def in_force_on(day: date | pl.Expr) -> pl.Expr:
    """The spell is in force on `day`: `start <= day` and (`end` empty or `day < end`)."""
    return (day >= _START) & (_END.is_null() | (day < _END))


def in_force_on_days(spells: pl.DataFrame, days: Sequence[date]) -> pl.DataFrame:
    """Each spell of `spells` once for every day of `days` it is in force on, that day in a
    column `day` (a spell in force on no day is left out)."""
    on = pl.DataFrame({"day": list(days)}, schema={"day": pl.Date()})
    near = spells.filter((max(days) >= _START) & (_END.is_null() | (min(days) < _END)))
    return near.join(on, how="cross").filter(in_force_on(pl.col("day")))


def fte_hundredths(fte: pl.Expr) -> pl.Expr:
    """An FTE (2 decimal places) as whole hundredths, so sums are exact: 0.81 is 81."""
    return (fte * 100).round(0).cast(pl.Int64)


def fte_number(hundredths: int) -> float:
    """Hundredths of FTE back to the number shown: 281 is 2.81."""
    return hundredths / 100
