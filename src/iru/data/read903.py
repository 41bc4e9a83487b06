"""Reading one SSDA903 table, from a CSV file or from rows taken out of a 903 XML file.

The result has the table's DfE columns (missing ones null), typed: identifiers and text trimmed,
codes trimmed and upper-cased, dates `pl.Date`, numbers `Float64`; plus `_file` and `_row`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import polars as pl

from iru.data import cells
from iru.data.csv_text import as_utf8, read_cells, short_rows
from iru.data.findings import cell_findings, file_finding, no_findings
from iru.data.problems import UnreadableFile
from iru.data.tables903 import Table903


@dataclass(frozen=True)
class TableRead:
    """One table read from one file: typed rows and the findings of reading them."""

    table: Table903
    file: str
    frame: pl.DataFrame
    findings: pl.DataFrame


def read_903_csv(file: str, content: bytes, table: Table903) -> TableRead:
    """Read an SSDA903 CSV file of `table`. Raises `UnreadableFile` when it is not CSV text or
    lacks a required column; anything else wrong becomes a finding."""
    content, encoding = as_utf8(file, content)
    if not content.strip():
        frame = text_frame(table, file, pl.DataFrame(schema={"_row": pl.Int64}))
        return TableRead(table, file, frame, file_finding(file, "the file is empty"))
    raw = read_cells(file, content)
    names = _canonical_names(raw.columns, table)
    renamed = raw.select(*[pl.col(src).alias(dst) for src, dst in names.items()], "_row")
    missing = [col for col in table.required if col not in renamed.columns]
    if missing:
        found = ", ".join(col for col in raw.columns if col != "_row")[:200] or "none"
        raise UnreadableFile(
            file,
            f"is not an SSDA903 {table.name} file: no {', '.join(missing)} column (found: {found})",
        )
    absent = [c for c in table.columns if c not in renamed.columns and c not in table.optional]
    frame = text_frame(table, file, renamed)
    typed, findings = type_903(frame, table, present=renamed.columns)
    short = short_rows(file, content, frame, width=len(raw.columns) - 1)
    all_findings = pl.concat([encoding, _absent_columns(file, absent), short, findings])
    return TableRead(table, file, typed, all_findings)


def _canonical_names(columns: list[str], table: Table903) -> dict[str, str]:
    """Header names matched to the table's DfE names in any case; the first of duplicates wins."""
    wanted = {col.upper(): col for col in table.columns}
    renames: dict[str, str] = {}
    for col in columns:
        canonical = wanted.get(col.strip().strip('"').upper())
        if canonical is not None and canonical not in renames.values():
            renames[col] = canonical
    return renames


def _absent_columns(file: str, absent: list[str]) -> pl.DataFrame:
    if not absent:
        return no_findings()
    return file_finding(file, f"the file has no {', '.join(absent)} column; read as empty")


def text_frame(table: Table903, file: str, frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` (text cells, `_row`) with every column of `table` (missing ones null) and `_file`."""
    columns = [
        pl.col(col).cast(pl.String) if col in frame.columns else pl.lit(None, pl.String).alias(col)
        for col in table.columns
    ]
    return frame.select(
        *columns, pl.lit(file, pl.String).alias("_file"), pl.col("_row").cast(pl.Int64)
    )


def type_903(
    frame: pl.DataFrame, table: Table903, present: Collection[str] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Text cells of `table` cleaned and typed, and the findings (bad dates, numbers, blanks).

    Blank required values are reported only in `present` columns (default all): a column absent
    from a file has one finding of its own, not one per row.
    """
    cleaned = frame.with_columns(
        [_clean(col, table) for col in table.columns if col not in table.dates]
        + [cells.text(col) for col in table.dates]
    )
    # Cleaned, an empty value is null, so these checks are cheap column scans.
    blanks = [
        cell_findings(cleaned, pl.col(col).is_null(), col, f"{col} is missing", rule)
        for col, rule in table.required_values.items()
        if present is None or col in present
    ]
    not_numbers = [
        cell_findings(
            frame,
            cells.text(col).is_not_null() & cells.number(col).is_null(),
            col,
            f"{col} is not a number",
        )
        for col in table.numbers
    ]
    typed, date_findings = cells.parse_dates(cleaned, table.dates)
    return typed, pl.concat([*blanks, *not_numbers, date_findings])


def _clean(column: str, table: Table903) -> pl.Expr:
    if column in table.identifiers:
        return cells.identifier(column)
    if column in table.numbers:
        return cells.number(column)
    if column in table.texts:
        return cells.text(column)
    return cells.code(column)
