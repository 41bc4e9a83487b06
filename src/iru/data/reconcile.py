"""Reconciling several years' files (FIGURES.md, "Reconciling several years' files").

Files come in path order. A row replaces any earlier row with the same key, every value included
(blanks too); within one file a repeated key is a finding and its last row wins; a row is never
removed by its absence from a later file. A row whose key is incomplete (a blank identifier or
an unreadable key date) matches nothing and is kept as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from iru.data.findings import cell_findings, no_findings


def repeated_keys(frame: pl.DataFrame, key: Sequence[pl.Expr], label: str) -> pl.DataFrame:
    """A finding for each row of one file whose complete key an earlier row already had."""
    keyed = _with_key(frame, key)
    names = _key_names(key)
    repeated = keyed.filter(_complete(names) & pl.struct(names).is_duplicated())
    if not repeated.height:
        return no_findings()
    marked = repeated.with_columns(
        (pl.int_range(pl.len()).over(names) > 0).alias("_repeat"),
        pl.concat_str(
            [pl.lit("first at row "), pl.col("_row").first().over(names).cast(pl.String)]
        ).alias("_first"),
    )
    message = f"the same {label} appears more than once in this file; the last row is used"
    return cell_findings(marked, pl.col("_repeat"), None, message, value=pl.col("_first"))


def latest_rows(frames: Sequence[pl.DataFrame], key: Sequence[pl.Expr]) -> pl.DataFrame:
    """The rows of `frames` (in read order) with, for each complete key, only the last one."""
    names = _key_names(key)
    merged = _with_key(pl.concat(list(frames), how="vertical"), key)
    is_last = pl.struct(names).is_last_distinct()
    return merged.filter(~_complete(names) | is_last).drop(names)


def _key_names(key: Sequence[pl.Expr]) -> list[str]:
    return [f"_key{index}" for index in range(len(key))]


def _with_key(frame: pl.DataFrame, key: Sequence[pl.Expr]) -> pl.DataFrame:
    return frame.with_columns(
        [part.alias(name) for part, name in zip(key, _key_names(key), strict=True)]
    )


def _complete(names: list[str]) -> pl.Expr:
    return pl.all_horizontal([pl.col(name).is_not_null() for name in names])


def union_rows(frames: Sequence[pl.DataFrame], key: Sequence[str]) -> pl.DataFrame:
    """Every distinct `key` of `frames` once (its last occurrence): a plan's review dates."""
    merged = pl.concat(list(frames), how="vertical")
    return merged.unique(subset=list(key), keep="last", maintain_order=True)
