"""Hand-built unit records for the `unit.*` figures tests: rows as tuples, dates as
DD/MM/YYYY (as `tests.figures.builders.d` reads them), missing trailing values null."""

from __future__ import annotations

from typing import Any

import polars as pl

from iru.figures.unit.dataset import UNIT_SCHEMAS
from tests.figures.builders import d


def rows(table: str, *values: tuple[Any, ...]) -> pl.DataFrame:
    """A frame of the unit's `table` from tuples in its schema's column order; a text value
    in a date column is read as DD/MM/YYYY, and columns left off the end are null."""
    schema = UNIT_SCHEMAS[table]
    columns = list(schema)
    data: dict[str, list[Any]] = {column: [] for column in columns}
    for row in values:
        for at, column in enumerate(columns):
            value = row[at] if at < len(row) else None
            if schema[column] == pl.Date() and isinstance(value, str):
                value = d(value)
            data[column].append(value)
    return pl.DataFrame(data, schema=dict(schema))


def year_of(figures: dict[str, Any]) -> dict[str, Any]:
    """The `unit` group of `unit_figures`' result."""
    unit: dict[str, Any] = figures["unit"]
    return unit
