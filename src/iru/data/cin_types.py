"""Typing the raw CIN census rows column-wise into the `Dataset` schemas, with findings.

Dates are ISO `YYYY-MM-DD` (DD/MM/YYYY and Excel serials accepted with a finding); booleans
accept true/false/1/0 in any case; `Sex` is M/F/U, from `Sex` or, before 2024-25, `GenderCurrent`.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from iru.data import cells
from iru.data.cin_xml import RAW_COLUMNS, Rows
from iru.data.dataset import SCHEMAS
from iru.data.findings import no_findings

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
    rows = len(table.lines)
    # Typing is the costly part at national scale: plain ISO dates skip `cells.parse_dates`'
    # other forms, columns without a dot skip `cells.identifier`'s regex, and the findings are
    # collected in one polars call.
    raw = pl.DataFrame(
        [
            *(pl.Series(col, table.columns[col], pl.String) for col in RAW_COLUMNS[name]),
            pl.Series("_file", [file], pl.String).new_from_index(0, rows),
            pl.Series("_row", table.lines, pl.Int64),
        ]
    )
    dates = {col: None for col, dtype in schema.items() if dtype == pl.Date()}
    typed, date_findings = _parse_dates(raw, dates)
    # `cells.identifier` (and so `cells.code`) only rewrites a cell with a dot in it.
    dots = raw.select(
        pl.col(col).str.contains(".", literal=True).any() for col in RAW_COLUMNS[name]
    ).row(0)
    dotted = {col for col, dot in zip(RAW_COLUMNS[name], dots, strict=True) if dot is not False}
    kept = (*dates, "_file", "_row")
    typed = typed.select(
        pl.col(col) if col in kept else _typed(col, dtype, dotted) for col, dtype in schema.items()
    )
    lazy = raw.lazy()
    findings = [
        _cell_findings(lazy, cells.text(col).is_null(), col, f"{col} is missing", rule)
        for col, rule in _REQUIRED[name].items()
    ]
    findings += [date_findings.lazy(), *_bad_values(lazy, raw.columns, name, dotted)]
    return typed, pl.concat(findings).collect()


# A date written exactly so: `cells.parse_dates` has nothing to trim or cut from it.
_PLAIN_ISO = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_EARLIEST_YEAR = 1800  # as `cells.parse_dates`: an earlier year is read some other way


def _parse_dates(
    raw: pl.DataFrame, dates: Mapping[str, str | None]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`cells.parse_dates(raw, dates, iso_expected=True)`, sooner: a cell written exactly
    `YYYY-MM-DD` (nearly all of them) is parsed here as it would be there, and only the rows
    with any other date cell (few) are handed to it."""
    numbered = raw.with_row_index("_position")
    # Each date parsed once: polars does not share a subexpression between eager expressions.
    read = numbered.with_columns(_plain_iso(col) for col in dates)
    others = pl.Series("_other", [False], pl.Boolean).new_from_index(0, raw.height)
    for col in dates:
        others = others | (numbered.get_column(col).is_not_null() & read.get_column(col).is_null())
    if not others.any():
        return read.drop("_position"), no_findings()
    fixed, findings = cells.parse_dates(numbered.filter(others), dates, iso_expected=True)
    typed = pl.concat([read.filter(~others), fixed]).sort("_position")
    return typed.drop("_position"), findings


def _plain_iso(column: str) -> pl.Expr:
    """The date in `column` where it is written exactly `YYYY-MM-DD` from 1800 on, else null."""
    value = pl.col(column)
    # Four ASCII digits: the year is from 1800 on exactly when they sort so.
    plain = value.str.contains(_PLAIN_ISO) & (value.str.slice(0, 4) >= str(_EARLIEST_YEAR))
    return pl.when(plain).then(value.str.strptime(pl.Date, "%Y-%m-%d", strict=False)).alias(column)


def _cell_findings(
    raw: pl.LazyFrame, mask: pl.Expr, column: str, message: str, rule: str | None = None
) -> pl.LazyFrame:
    """`findings.cell_findings` (the cell's own value shown), left lazy to be collected once."""
    return raw.filter(mask.fill_null(False)).select(
        pl.col("_file").alias("file"),
        pl.col("_row").cast(pl.Int64).alias("row"),
        pl.lit(column, pl.String).alias("column"),
        pl.col(column).cast(pl.String).alias("value"),
        pl.lit(message, pl.String).alias("message"),
        pl.lit(rule, pl.String).alias("rule"),
    )


def _typed(column: str, dtype: pl.DataType, dotted: set[str]) -> pl.Expr:
    if column == "Sex":
        gender = _code("GenderCurrent", dotted).replace_strict(_GENDER, default=None)
        return pl.coalesce(_code("Sex", dotted), gender).alias("Sex")
    if dtype == pl.Boolean():
        return _boolean(column, dotted)
    if dtype == pl.Int64():
        return cells.number(column).cast(pl.Int64, strict=False).alias(column)
    if column in _IDENTIFIERS:
        return cells.identifier(column) if column in dotted else cells.text(column)
    if column in _TEXTS:
        return cells.text(column)
    return _code(column, dotted)


def _code(column: str, dotted: set[str]) -> pl.Expr:
    """`cells.code`, without its rewriting of `1.0` where no cell of the column has a dot."""
    if column in dotted:
        return cells.code(column)
    return cells.text(column).str.to_uppercase().alias(column)


def _boolean(column: str, dotted: set[str]) -> pl.Expr:
    value = _code(column, dotted)
    return (
        pl.when(value.is_in(["TRUE", "1"]))
        .then(pl.lit(True))
        .when(value.is_in(["FALSE", "0"]))
        .then(pl.lit(False))
        .otherwise(pl.lit(None, pl.Boolean))
        .alias(column)
    )


def _bad_values(
    raw: pl.LazyFrame, columns: list[str], name: str, dotted: set[str]
) -> list[pl.LazyFrame]:
    """Findings for booleans and counts that are present but unreadable."""
    found = [no_findings().lazy()]
    for column, dtype in SCHEMAS[name].items():
        if column in ("_file", "_row"):
            continue
        present = cells.text(column).is_not_null() if column in columns else pl.lit(False)
        if dtype == pl.Boolean():
            unreadable = present & _boolean(column, dotted).is_null()
            found.append(_cell_findings(raw, unreadable, column, f"{column} is not true or false"))
        elif dtype == pl.Int64():
            number = cells.number(column)
            unreadable = present & (number.is_null() | (number != number.floor()) | (number < 0))
            message = f"{column} is not a whole number of zero or more"
            found.append(_cell_findings(raw, unreadable, column, message, "8730"))
    return found
