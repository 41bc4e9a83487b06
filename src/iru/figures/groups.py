"""Window helpers for frames sorted by their group key.

`expr.over(key)` re-groups the whole frame for every expression, which is slow with hundreds of
thousands of small groups (periods of care, plans). Every frame here is already sorted by its
group, so a group is a run of rows and a shift plus a boundary mask does the same job.
"""

from __future__ import annotations

import polars as pl


def run_starts(*keys: str) -> pl.Expr:
    """True on the first row of each run of equal `keys` (a null key: every row its own run)."""
    changed = [(pl.col(key) != pl.col(key).shift(1)).fill_null(True) for key in keys]
    return pl.any_horizontal(changed)


def previous_in_run(expr: pl.Expr, starts: pl.Expr) -> pl.Expr:
    """`expr` of the row before, within the run (null on a run's first row)."""
    return pl.when(starts).then(None).otherwise(expr.shift(1))


def next_in_run(expr: pl.Expr, starts: pl.Expr) -> pl.Expr:
    """`expr` of the row after, within the run (null on a run's last row)."""
    ends = starts.shift(-1).fill_null(True)
    return pl.when(ends).then(None).otherwise(expr.shift(-1))


def rank_in_run(starts: pl.Expr) -> pl.Expr:
    """0 for a run's first row, 1 for its second, ..."""
    index = pl.int_range(pl.len(), dtype=pl.Int64)
    return index - pl.when(starts).then(index).forward_fill()


def first_in_run(expr: pl.Expr, starts: pl.Expr) -> pl.Expr:
    """`expr` of the run's first row, on every row of the run (a null stays null)."""
    index = pl.int_range(pl.len(), dtype=pl.Int64)
    return expr.gather(pl.when(starts).then(index).forward_fill())


def last_in_run(expr: pl.Expr, starts: pl.Expr) -> pl.Expr:
    """`expr` of the run's last row, on every row of the run (a null stays null)."""
    index = pl.int_range(pl.len(), dtype=pl.Int64)
    ends = starts.shift(-1).fill_null(True)
    return expr.gather(pl.when(ends).then(index).backward_fill())
