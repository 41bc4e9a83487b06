"""A report table laid out as a spreadsheet's rows: the same for the XLSX and the CSV.

Numbers stay numbers: a count is an `int`, a measure a `float`. A percentage (`Share`) takes
three columns side by side, so that every percentage can be checked against its counts:
"<heading> (%)" with the percentage, then "<heading>: numerator" and "<heading>: denominator"
(ADR 25). A hidden value (`c`), "No data" and "None to count" are words, and a percentage's
word fills its counts' columns too, since they are just as unknown (or, for "None to count",
the counts are 0 and 0).

Every word goes through `safe_text`: a spreadsheet program treats text starting with `=`, `+`,
`-`, `@`, a tab or a carriage return as a formula (CSV injection, OWASP), and reason texts and
labels can come from users. Such text gets a leading apostrophe, which the programs show and
never evaluate. Pure: no Django, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, TypeAlias

from iru.reports.document import NO_DATA, NONE_TO_COUNT, Cell, Share, Table

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
# Control characters no XML 1.0 document (an XLSX) may hold: dropped, never shown anyway.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PERCENT_SUFFIX = re.compile(r"\s*\(?%\)?\s*$")

EDITIONS: Final = {"full": "Full", "public": "For publication: small numbers suppressed"}
COUNT_FORMAT: Final = "#,##0"
MEASURE_FORMAT: Final = "#,##0.0"
PERCENT_FORMAT: Final = "0.0"  # the percentage number itself (90.1), not Excel's 0.901 as %


@dataclass(frozen=True)
class Number:
    """A number for a spreadsheet cell and the number format it is shown with."""

    value: int | float
    number_format: str


SheetValue: TypeAlias = Number | str
"""One spreadsheet cell: a number, or text already made safe (`safe_text`)."""


def safe_text(text: str) -> str:
    """`text` as a spreadsheet may hold it: never read as a formula, no XML-illegal characters.

    Text starting with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe
    (`=1+1` becomes `'=1+1`): the programs show it as text and do not evaluate it, even when
    the cell is edited again."""
    cleaned = _NOT_XML.sub("", text)
    if cleaned.startswith(FORMULA_STARTS):
        return "'" + cleaned
    return cleaned


def share_columns(table: Table) -> frozenset[int]:
    """The table's columns (0 the first after the row labels) holding a percentage."""
    return frozenset(
        index
        for _label, cells in table.rows
        for index, cell in enumerate(cells)
        if isinstance(cell, Share)
    )


def headings(table: Table) -> list[str]:
    """The sheet's column headings: the label column's, then each column's (three for a
    percentage), made safe."""
    shares = share_columns(table)
    out = [safe_text(table.columns[0])]
    for index, heading in enumerate(table.columns[1:]):
        if index not in shares:
            out.append(safe_text(heading))
            continue
        base = _PERCENT_SUFFIX.sub("", heading) or "Percentage"
        percent = heading if "%" in heading else f"{heading} (%)"
        out += [safe_text(percent), safe_text(f"{base}: numerator"),
                safe_text(f"{base}: denominator")]  # fmt: skip
    return out


def sheet_rows(table: Table) -> Iterator[list[SheetValue]]:
    """Each row of the table (the total row last, as in the table): its label, then its
    cells as `headings` lays them out."""
    shares = share_columns(table)
    for label, cells in table.rows:
        row: list[SheetValue] = [safe_text(label)]
        for index, cell in enumerate(cells):
            row += _share_values(cell) if index in shares else [_value(cell)]
        yield row


def _value(cell: Cell) -> SheetValue:
    if cell is None:
        return NO_DATA
    if isinstance(cell, bool):  # not a count: never expected, shown as words
        return str(cell)
    if isinstance(cell, int):
        return Number(cell, COUNT_FORMAT)
    if isinstance(cell, float):
        return Number(cell, MEASURE_FORMAT)
    if isinstance(cell, Share):
        return NONE_TO_COUNT if cell.percent is None else Number(cell.percent, PERCENT_FORMAT)
    return safe_text(cell)


def _share_values(cell: Cell) -> list[SheetValue]:
    """A percentage's three cells: the percentage, its numerator, its denominator."""
    if isinstance(cell, Share):
        counts = [Number(cell.numerator, COUNT_FORMAT), Number(cell.denominator, COUNT_FORMAT)]
        return [_value(cell), *counts]
    value = _value(cell)
    if isinstance(value, str):  # c, No data: the counts behind it are as unknown
        return [value, value, value]
    return [value, "", ""]  # a bare number in a column of percentages: no counts to show


def display_width(value: SheetValue) -> int:
    """How many characters the value takes when shown (for sizing its column)."""
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value.value, int):
        return len(f"{value.value:,}")
    return len(f"{value.value:,.1f}")
