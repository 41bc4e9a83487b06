"""Vectorised cleaning of cell values read as text.

Authorities' tools write the same value many ways: `00123` and `123.0` for identifiers, ` u4 ` for
codes, `05/01/2020`, `2020-01-05` or Excel's serial `43835` for dates. Everything here works on
whole columns (polars expressions), never row by row.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from iru.data.findings import cell_findings, no_findings

# Excel's day 0 is 30/12/1899 (its 1900 leap-year bug is absorbed by starting a day early); polars
# stores a Date as days since 01/01/1970, which is serial 25569.
_EXCEL_EPOCH_SERIAL = 25569
# Serials from 01/01/1900 to 31/12/2099: anything outside is more likely a stray number.
_EXCEL_SERIAL_RANGE = (1, 73050)
_EARLIEST_YEAR = 1800
_SERIAL = r"^(\d{1,5})(?:\.0*)?$"
# Spreadsheets sometimes append a midnight time to a date.
_TIME_SUFFIX = r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$"


def text(column: str) -> pl.Expr:
    """The value trimmed; an empty value is null."""
    trimmed = pl.col(column).str.strip_chars()
    return pl.when(trimmed.str.len_bytes() > 0).then(trimmed).alias(column)


def identifier(column: str) -> pl.Expr:
    """An identifier as written (leading zeros kept), without a spreadsheet's trailing `.0`."""
    return text(column).str.replace(r"^(\d+)\.0+$", "${1}").alias(column)


def code(column: str) -> pl.Expr:
    """A code trimmed and upper-cased (`1.0` read as `1`); an empty value is null."""
    return identifier(column).str.to_uppercase().alias(column)


def number(column: str) -> pl.Expr:
    """A decimal number, or null where empty or not a number."""
    return text(column).cast(pl.Float64, strict=False).alias(column)


def _date_forms(value: pl.Expr) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """`value` read as DD/MM/YYYY, as ISO YYYY-MM-DD and as an Excel serial (each null if not).

    A year before 1800 is a two-digit year misread (chrono reads "01/01/19" as year 19).
    """
    value = value.str.replace(_TIME_SUFFIX, "")
    dmy = value.str.strptime(pl.Date, "%d/%m/%Y", strict=False)
    iso = value.str.strptime(pl.Date, "%Y-%m-%d", strict=False)
    serial = value.str.extract(_SERIAL, 1).cast(pl.Int64, strict=False)
    low, high = _EXCEL_SERIAL_RANGE
    excel = pl.when(serial.is_between(low, high)).then(
        (serial - _EXCEL_EPOCH_SERIAL).cast(pl.Int32).cast(pl.Date)
    )
    plausible = [pl.when(form.dt.year() >= _EARLIEST_YEAR).then(form) for form in (dmy, iso)]
    return plausible[0], plausible[1], excel


def parse_dates(
    frame: pl.DataFrame, columns: Mapping[str, str | None], *, iso_expected: bool = False
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`frame` with each of `columns` parsed to `pl.Date`, and the findings of that parsing.

    `columns` maps a column to the DfE rule for "not a valid date" (or None). An unreadable value
    becomes null with a finding at its cell. Unless `iso_expected`, a date written as ISO or as an
    Excel serial is accepted with one finding per column saying so (at the first such cell).
    `frame` must carry `_file` and `_row`.
    """
    findings = [no_findings()]
    if not columns:
        return frame, pl.concat(findings)
    # Fixed dates go back by position: `_row` (for XML, an element's line) need not be unique,
    # and matching on it would give every row of a line the others' dates, and repeat rows.
    frame = frame.with_row_index("_at")
    texts = {column: f"_text{index}" for index, column in enumerate(columns)}
    # The expected form is parsed for every row of every column at once; the rest only for the
    # few rows it misses.
    parsed = frame.with_columns(
        *[text(column).alias(texts[column]) for column in columns],
        *[_date_forms(text(column))[1 if iso_expected else 0].alias(column) for column in columns],
    )
    missed_mask = {
        column: pl.col(texts[column]).is_not_null() & pl.col(column).is_null() for column in columns
    }
    counts = parsed.select([mask.sum().alias(column) for column, mask in missed_mask.items()])
    frame = parsed.drop(list(texts.values()))
    for column, rule in columns.items():
        if not counts[column].item():
            continue
        missed = parsed.filter(missed_mask[column]).select(
            "_at", "_file", "_row", pl.col(texts[column]).alias("_text")
        )
        fixed, found = _other_forms(missed, column, rule, iso_expected)
        frame = frame.update(fixed, on="_at", how="left")
        findings.append(found)
    return frame.drop("_at"), pl.concat(findings)


def _other_forms(
    missed: pl.DataFrame, column: str, rule: str | None, iso_expected: bool
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Dates read in the other accepted forms (keyed by `_at`, the row's position) and the
    findings."""
    dmy, iso, excel = _date_forms(pl.col("_text"))
    other, label = (dmy, "DD/MM/YYYY") if iso_expected else (iso, "ISO dates (YYYY-MM-DD)")
    read = missed.select(
        "_at", "_file", "_row", "_text", other.alias("_other"), excel.alias("_excel")
    ).with_columns(pl.coalesce("_other", "_excel").alias(column))
    expected = "YYYY-MM-DD" if iso_expected else "DD/MM/YYYY"
    message = f"{column} is not a valid date (expected {expected})"
    value = pl.col("_text")
    found = [
        cell_findings(read, pl.col(column).is_null(), column, message, rule, value=value),
        _first_cell(read, pl.col("_other").is_not_null(), column, label),
        _first_cell(
            read,
            pl.col("_other").is_null() & pl.col("_excel").is_not_null(),
            column,
            "Excel serial numbers",
        ),
    ]
    return read.select("_at", column), pl.concat(found)


def _first_cell(frame: pl.DataFrame, mask: pl.Expr, column: str, label: str) -> pl.DataFrame:
    """One finding at the first cell where `mask` holds, counting how many cells it holds for."""
    found = cell_findings(frame, mask, column, "", value=pl.col("_text"))
    if not found.height:
        return found
    message = f"{found.height} value(s) in {column} were written as {label} and read as dates"
    return found.head(1).with_columns(pl.lit(message).alias("message"))
