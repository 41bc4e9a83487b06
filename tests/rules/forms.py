"""Run a rule's polars form on a small frame, to compare it with the scalar form row by row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import polars as pl

Column = Sequence[date | None] | Sequence[int | None] | Sequence[str | None]


def _dtype(values: Column) -> pl.DataType:
    present = [value for value in values if value is not None]
    if not present or isinstance(present[0], date):
        return pl.Date()
    return pl.Int64() if isinstance(present[0], int) else pl.String()


def polars_form(expr: pl.Expr, **columns: Column) -> list[object]:
    """`expr` evaluated on a frame of `columns` (dates, whole numbers or strings; a column of
    only None is a date column), one value a row."""
    frame = pl.DataFrame(
        [pl.Series(name, values, dtype=_dtype(values)) for name, values in columns.items()]
    )
    return frame.select(expr.alias("result"))["result"].to_list()
