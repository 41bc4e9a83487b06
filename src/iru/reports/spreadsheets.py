"""Every table of a report as a spreadsheet: one XLSX workbook, or one CSV a table in a zip.

The workbook opens on a "Contents" sheet (the report, its council, period, edition, status and
the day it was made, then every table with a link to its sheet), then one sheet a table: the
caption in A1, the column headings in row 2 (bold, frozen), a row for each of the table's rows
(the total row bold), then the note and the source. `sheet_layout` lays out the cells, the
same for the CSV (`csv_tables`, whose functions this module also offers): numbers as numbers,
a percentage as three columns (the percentage, its numerator and denominator), every word
made safe from formula injection.

Nothing hidden: no hidden sheets, rows or columns, no macros, no external links, no defined
names. The same document gives the same bytes: the workbook's dates and every zip entry's
time are the day the document was made. Pure: no Django, no clock.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from iru.reports.csv_tables import csv_from_table, csv_zip_from_document
from iru.reports.document import ReportDocument, Table
from iru.reports.fixed_zip import zip_again_at
from iru.reports.sheet_layout import (
    EDITIONS,
    Number,
    SheetValue,
    display_width,
    headings,
    safe_text,
    sheet_rows,
)

CONTENTS: Final = "Contents"
SHEET_NAME_MAX: Final = 31  # Excel's limit
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\']")
# Names Excel keeps for itself, compared in any case.
_RESERVED_NAMES: Final = frozenset({CONTENTS.lower(), "history"})
WIDTH_MIN, WIDTH_MAX = 8, 60
DATE_FORMAT: Final = "d mmmm yyyy"
BOLD = Font(bold=True)
LINK = Font(color="0563C1", underline="single")

__all__ = ["csv_from_table", "csv_zip_from_document", "sheet_names", "xlsx_from_document"]


def xlsx_from_document(document: ReportDocument) -> bytes:
    """The document's tables as an XLSX workbook (see the module's docstring)."""
    book = Workbook()
    contents = book.active
    assert contents is not None  # a new workbook has its first sheet
    contents.title = CONTENTS
    tables = document.tables
    names = sheet_names(table.id for table in tables)
    _contents_sheet(contents, document, names)
    for table, name in zip(tables, names, strict=True):
        _table_sheet(book.create_sheet(name), table)
    made = datetime.combine(document.made_on, datetime.min.time())
    book.properties.creator = "iru"
    book.properties.title = safe_text(document.title)
    book.properties.created = book.properties.modified = made
    buffer = io.BytesIO()
    # Not `Workbook.save`: it stamps the time of saving over `modified`.
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return zip_again_at(buffer.getvalue(), document.made_on)


def sheet_names(table_ids: Iterable[str]) -> list[str]:
    """A sheet name for each table id: at most 31 characters, none of []:*?/\\ or ', unique
    in any case (as Excel compares them), never "Contents" or "History"."""
    taken = set(_RESERVED_NAMES)
    names = []
    for table_id in table_ids:
        base = _NOT_IN_SHEET_NAMES.sub("-", table_id).strip() or "Table"
        name, number = base[:SHEET_NAME_MAX], 1
        while name.lower() in taken:
            number += 1
            suffix = f"-{number}"
            name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(name.lower())
        names.append(name)
    return names


def _contents_sheet(sheet: Worksheet, document: ReportDocument, names: list[str]) -> None:
    rows = _Rows(sheet)
    rows.add([safe_text(document.title)], font=Font(bold=True, size=14), sized=False)
    if document.subtitle:
        rows.add([safe_text(document.subtitle)], sized=False)
    rows.add([])
    for label, value in _about(document):
        rows.add([label, value])
        sheet.cell(sheet.max_row, 1).font = BOLD
    rows.add([])
    rows.add(["Number", "Section", "Table", "Sheet"], font=BOLD)
    number = 0
    for section in document.sections:
        for table in section.tables:
            name = names[number]
            number += 1
            at = rows.add([Number(number, "0"), safe_text(section.title),
                           safe_text(table.caption), name])  # fmt: skip
            for column in (3, 4):  # the caption and the sheet name lead to the sheet
                _link(sheet.cell(at, column), name)
    rows.size_columns()


def _about(document: ReportDocument) -> list[tuple[str, str | date]]:
    about: list[tuple[str, str | date]] = [
        ("Council", safe_text(document.council)),
        ("Period", safe_text(document.period)),
    ]
    if document.scope:
        about.append(("Whose children", safe_text(document.scope)))
    about += [("Note", safe_text(note)) for note in document.notes]
    about += [
        ("Edition", EDITIONS[document.edition]),
        ("Status", document.status.capitalize()),
        ("Made on", document.made_on),
    ]
    return about


def _link(cell: Cell, sheet_name: str) -> None:
    """An internal hyperlink to the sheet's first cell (a location, never an external target)."""
    cell.hyperlink = Hyperlink(ref="", location=f"'{sheet_name}'!A1")
    cell.font = LINK


def _table_sheet(sheet: Worksheet, table: Table) -> None:
    """The caption, the headings (frozen), the rows (the total row bold), the note and source;
    the columns sized to the headings and rows."""
    rows = _Rows(sheet)
    rows.add([safe_text(table.caption)], font=BOLD, sized=False)
    rows.add(headings(table), font=BOLD)
    sheet.freeze_panes = "A3"
    body = list(sheet_rows(table))
    for index, values in enumerate(body, start=1):
        total = table.total_row and index == len(body)
        rows.add(values, font=BOLD if total else None)
    notes = [table.note, f"Source: {table.source}" if table.source else ""]
    if any(notes):
        rows.add([])
    for note in filter(None, notes):
        rows.add([safe_text(note)], sized=False)
    rows.size_columns()


class _Rows:
    """Rows added to a sheet: each number with its format, each text typed as text (openpyxl
    would write text starting with = as a formula: `safe_text` is the first lock, this the
    second), and each column's width noted from the rows that size it."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.widths: dict[int, int] = {}

    def add(self, values: Sequence[SheetValue | date], *, font: Font | None = None,
            sized: bool = True) -> int:  # fmt: skip
        """Add a row of `values` (in `font`); `sized`: its values set their columns' widths.
        Returns the row's number."""
        self.sheet.append([_cell_value(value) for value in values])
        at: int = self.sheet.max_row
        for column, value in enumerate(values, start=1):
            if value == "":
                continue
            cell = self.sheet.cell(at, column)
            if isinstance(value, str):
                cell.data_type = "s"
            else:
                cell.number_format = _number_format(value)
            if font is not None:
                cell.font = font
            if sized:
                self.widths[column] = max(self.widths.get(column, 0), _width(value))
        return at

    def size_columns(self) -> None:
        for column, width in self.widths.items():
            letter = get_column_letter(column)
            self.sheet.column_dimensions[letter].width = min(max(width + 2, WIDTH_MIN), WIDTH_MAX)


def _cell_value(value: SheetValue | date) -> int | float | str | date | None:
    if isinstance(value, Number):
        return value.value
    return value or None  # an empty cell, not an empty string


def _number_format(value: Number | date) -> str:
    return DATE_FORMAT if isinstance(value, date) else value.number_format


def _width(value: SheetValue | date) -> int:
    return len(f"{value:%-d %B %Y}") if isinstance(value, date) else display_width(value)
