"""Problems as frames, so checks stay vectorised until the very end.

Every check returns a frame with `PROBLEM_SCHEMA`; `as_problems` turns the concatenation of all of
them into `Problem` objects once, in file and row order.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from iru.data.problems import Problem

PROBLEM_SCHEMA: dict[str, pl.DataType] = {
    "file": pl.String(),
    "row": pl.Int64(),
    "column": pl.String(),
    "value": pl.String(),
    "message": pl.String(),
    "rule": pl.String(),
}


def no_findings() -> pl.DataFrame:
    return pl.DataFrame(schema=PROBLEM_SCHEMA)


def cell_findings(
    frame: pl.DataFrame,
    mask: pl.Expr,
    column: str | None,
    message: str,
    rule: str | None = None,
    value: pl.Expr | None = None,
) -> pl.DataFrame:
    """One finding per row of `frame` where `mask` holds, pointing at `column` of that row.

    `frame` must carry `_file` and `_row`. `value` defaults to the cell's own value as text
    (none when `column` is None: the finding is about the whole row).
    """
    if value is not None:
        shown = value
    elif column is not None:
        shown = pl.col(column).cast(pl.String)
    else:
        shown = pl.lit(None, pl.String)
    return frame.filter(mask.fill_null(False)).select(
        pl.col("_file").alias("file"),
        pl.col("_row").cast(pl.Int64).alias("row"),
        pl.lit(column, pl.String).alias("column"),
        shown.cast(pl.String).alias("value"),
        pl.lit(message, pl.String).alias("message"),
        pl.lit(rule, pl.String).alias("rule"),
    )


def file_finding(
    file: str,
    message: str,
    *,
    row: int | None = None,
    column: str | None = None,
    value: str | None = None,
    rule: str | None = None,
) -> pl.DataFrame:
    """A single finding about a file (or one place in it)."""
    record = {"file": file, "row": row, "column": column, "value": value}
    return pl.DataFrame([{**record, "message": message, "rule": rule}], schema=PROBLEM_SCHEMA)


def as_problems(findings: Iterable[pl.DataFrame]) -> tuple[Problem, ...]:
    """All findings as `Problem`s, in file order then row order (file-level ones first)."""
    frames = [frame for frame in findings if frame.height]
    if not frames:
        return ()
    merged = pl.concat(frames, how="vertical").with_row_index("_order")
    ordered = merged.sort(["file", "row", "_order"], nulls_last=False, maintain_order=True)
    return tuple(Problem(*row) for row in ordered.drop("_order").iter_rows())
