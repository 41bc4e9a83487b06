"""Typing the raw CIN census rows column-wise into the `Dataset` schemas, with findings.

Dates are ISO `YYYY-MM-DD` (DD/MM/YYYY and Excel serials accepted with a finding); booleans
accept true/false/1/0 in any case; `Sex` is M/F/U, from `Sex` or, before 2024-25, `GenderCurrent`.
"""

from __future__ import annotations

import polars as pl

from iru.data import cells
from iru.data.cin_xml import RAW_COLUMNS, Rows
from iru.data.dataset import SCHEMAS
from iru.data.findings import cell_findings, no_findings

_IDENTIFIERS = {"LAchildID"}
_TEXTS = {"UPN", "Disabilities"}
_GENDER = {"1": "M", "2": "F", "0": "U", "9": "U"}
# table -> column -> DfE rule when the value is missing
_REQUIRED: dict[str, dict[str, str | None]] = {
    "cin_children": {"LAchildID": None},
    "cin_details": {"CINreferralDate": None},
    "section47": {"S47ActualStartDate": "8615"},
    "cp_plans": {"CPPstartDate": None},
    "cp_reviews": {},
}


def cin_frame(name: str, file: str, records: Rows) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Table `name` of one CIN file typed to its schema, and the findings of typing it."""
    schema = SCHEMAS[name]
    table = records[name]
    raw = pl.DataFrame(
        table.rows, schema={col: pl.String() for col in RAW_COLUMNS[name]}, orient="row"
    ).with_columns(pl.lit(file, pl.String).alias("_file"), pl.Series("_row", table.lines, pl.Int64))
    findings = [
        cell_findings(raw, cells.text(col).is_null(), col, f"{col} is missing", rule)
        for col, rule in _REQUIRED[name].items()
    ]
    dates = {col: None for col, dtype in schema.items() if dtype == pl.Date()}
    typed, date_findings = cells.parse_dates(raw, dates, iso_expected=True)
    others = [
        _typed(col, dtype)
        for col, dtype in schema.items()
        if col not in dates and col not in ("_file", "_row")
    ]
    findings += [date_findings, *_bad_values(raw, name)]
    return typed.with_columns(others).select(list(schema)), pl.concat(findings)


def _typed(column: str, dtype: pl.DataType) -> pl.Expr:
    if column == "Sex":
        gender = cells.code("GenderCurrent").replace_strict(_GENDER, default=None)
        return pl.coalesce(cells.code("Sex"), gender).alias("Sex")
    if dtype == pl.Boolean():
        return _boolean(column)
    if dtype == pl.Int64():
        return cells.number(column).cast(pl.Int64, strict=False).alias(column)
    if column in _IDENTIFIERS:
        return cells.identifier(column)
    if column in _TEXTS:
        return cells.text(column)
    return cells.code(column)


def _boolean(column: str) -> pl.Expr:
    value = cells.code(column)
    return (
        pl.when(value.is_in(["TRUE", "1"]))
        .then(pl.lit(True))
        .when(value.is_in(["FALSE", "0"]))
        .then(pl.lit(False))
        .otherwise(pl.lit(None, pl.Boolean))
        .alias(column)
    )


def _bad_values(raw: pl.DataFrame, name: str) -> list[pl.DataFrame]:
    """Findings for booleans and counts that are present but unreadable."""
    found = [no_findings()]
    for column, dtype in SCHEMAS[name].items():
        if column in ("_file", "_row"):
            continue
        present = cells.text(column).is_not_null() if column in raw.columns else pl.lit(False)
        if dtype == pl.Boolean():
            unreadable = present & _boolean(column).is_null()
            found.append(cell_findings(raw, unreadable, column, f"{column} is not true or false"))
        elif dtype == pl.Int64():
            number = cells.number(column)
            unreadable = present & (number.is_null() | (number != number.floor()) | (number < 0))
            message = f"{column} is not a whole number of zero or more"
            found.append(cell_findings(raw, unreadable, column, message, "8730"))
    return found
