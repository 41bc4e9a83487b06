"""Hand-built datasets for the figures tests.

`table(name, text)` types a few lines of CSV in the SSDA903 layout (dates DD/MM/YYYY, only
the columns a test needs) as the Dataset does; `dataset(...)` puts tables together. Examples
folders are read through `iru.data.read_source`.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl

from iru.data import read_source
from iru.data.dataset import SCHEMAS, Dataset, conform
from tests.shared import SHARED

EXAMPLES = SHARED / "data" / "figures-examples"


def _typed(name: str, raw: pl.DataFrame, file: str = "test.csv") -> pl.DataFrame:
    schema = SCHEMAS[name]
    exprs = []
    for column in raw.columns:
        if column not in schema:
            continue
        value = pl.col(column).str.strip_chars()
        value = pl.when(value == "").then(None).otherwise(value)
        dtype = schema[column]
        if dtype == pl.Date():
            value = value.str.to_date("%d/%m/%Y", strict=False)
        elif dtype in (pl.Float64(), pl.Int64()):
            value = value.cast(dtype, strict=False)
        elif column not in ("CHILD", "LAchildID"):
            value = value.str.to_uppercase()
        exprs.append(value.alias(column))
    frame = raw.select(exprs).with_columns(
        _file=pl.lit(file), _row=pl.int_range(2, raw.height + 2, dtype=pl.Int64)
    )
    return conform(name, frame)


def table(name: str, text: str, file: str = "test.csv") -> pl.DataFrame:
    """A table from CSV text (leading spaces of each line are ignored)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    raw = pl.read_csv(io.StringIO("\n".join(lines)), infer_schema=False)
    return _typed(name, raw, file)


def dataset(
    episodes: str | None = None,
    header: str | None = None,
    reviews: str | None = None,
    **cin: pl.DataFrame,
) -> Dataset:
    """A Dataset from CSV texts; CIN tables as frames (see `cin_tables`)."""
    frames: dict[str, Any] = {}
    if episodes is not None:
        frames["episodes"] = table("episodes", episodes)
    if header is not None:
        frames["header"] = table("header", header)
    if reviews is not None:
        frames["reviews"] = table("reviews", reviews)
    for name, frame in cin.items():
        frames[name] = conform(name, frame)
    return Dataset(
        **frames,
        has_header=header is not None,
        has_episodes=episodes is not None,
        has_reviews=reviews is not None,
        has_cin=bool(cin),
    )


def d(text: str) -> date:
    """`d("31/08/2015")`."""
    return datetime.strptime(text, "%d/%m/%Y").date()


def plans(*rows: tuple[Any, ...]) -> pl.DataFrame:
    """CP plans from (child, start, end, category, previous) tuples; dates as DD/MM/YYYY."""
    return pl.DataFrame(
        {
            "LAchildID": [row[0] for row in rows],
            "CPPstartDate": [d(row[1]) for row in rows],
            "CPPendDate": [d(row[2]) if row[2] else None for row in rows],
            "LatestCategoryOfAbuse": [row[3] if len(row) > 3 else None for row in rows],
            "NumberOfPreviousCPP": [row[4] if len(row) > 4 else None for row in rows],
        },
        schema_overrides={"CPPendDate": pl.Date(), "NumberOfPreviousCPP": pl.Int64()},
    )


def cp_reviews(*rows: tuple[str, str, str]) -> pl.DataFrame:
    """CP review conferences from (child, plan start, review date) tuples."""
    return pl.DataFrame(
        {
            "LAchildID": [row[0] for row in rows],
            "CPPstartDate": [d(row[1]) for row in rows],
            "CPPreviewDate": [d(row[2]) for row in rows],
        }
    )


def read_examples(folder: Path) -> Dataset:
    """A figures-examples folder, read the way `iru figures` reads it."""
    return read_source(folder)


def flatten_expected(expected: dict[str, Any], actual: dict[str, Any]) -> dict[str, Any]:
    """The value at each dotted key of `expected`, looked up in the nested `actual`."""
    found: dict[str, Any] = {}
    for key in expected:
        node: Any = actual
        for part in key.split("."):
            node = node[part]
        found[key] = node
    return found
