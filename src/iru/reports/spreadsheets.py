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
from collections.abc import Iterable
from datetime import date, datetime
from typing import Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
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
    sheet.append([safe_text(document.title)])
    sheet["A1"].font = Font(bold=True, size=14)
    if document.subtitle:
        sheet.append([safe_text(document.subtitle)])
    sheet.append([])
    for label, value in _about(document):
        sheet.append([label, value])
        sheet.cell(sheet.max_row, 1).font = BOLD
        if isinstance(value, date):
            sheet.cell(sheet.max_row, 2).number_format = "d mmmm yyyy"
    sheet.append([])
    sheet.append(["Number", "Section", "Table", "Sheet"])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    number = 0
    for section in document.sections:
        for table in section.tables:
            name = names[number]
            number += 1
            sheet.append([number, safe_text(section.title), safe_text(table.caption), name])
            for column in (3, 4):  # the caption and the sheet name lead to the sheet
                _link(sheet.cell(sheet.max_row, column), name)
    _text_types(sheet)
    _size_columns(sheet, first_row=1)


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
    sheet.append([safe_text(table.caption)])
    sheet["A1"].font = BOLD
    sheet.append(headings(table))
    for cell in sheet[2]:
        cell.font = BOLD
    sheet.freeze_panes = "A3"
    for values in sheet_rows(table):
        sheet.append([_cell_value(value) for value in values])
        for column, value in enumerate(values, start=1):
            if isinstance(value, Number):
                sheet.cell(sheet.max_row, column).number_format = value.number_format
    if table.total_row and table.rows:
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
    notes = [table.note, f"Source: {table.source}" if table.source else ""]
    if any(notes):
        sheet.append([])
    for note in filter(None, notes):
        sheet.append([safe_text(note)])
    _text_types(sheet)
    _size_columns(sheet, first_row=2, last_row=2 + len(table.rows))


def _cell_value(value: SheetValue) -> int | float | str | None:
    if isinstance(value, Number):
        return value.value
    return value or None  # an empty cell, not an empty string


def _text_types(sheet: Worksheet) -> None:
    """Every text cell typed as a string: openpyxl would write text starting with = as a
    formula (already prefixed by `safe_text`; this is the second lock)."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def _size_columns(sheet: Worksheet, *, first_row: int, last_row: int | None = None) -> None:
    """Each column as wide as its widest value from `first_row` to `last_row` (the caption,
    note and source above and below may run on over the next columns)."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows(min_row=first_row, max_row=last_row):
        for cell in row:
            if cell.value is None:
                continue
            value = cell.value
            shown = value if isinstance(value, str) else _as_number(value)
            widths[cell.column] = max(widths.get(cell.column, 0), display_width(shown))
    for column, width in widths.items():
        letter = sheet.cell(1, column).column_letter
        sheet.column_dimensions[letter].width = min(max(width + 2, WIDTH_MIN), WIDTH_MAX)


def _as_number(value: object) -> SheetValue:
    if isinstance(value, date):
        return f"{value:%d %B %Y}"
    assert isinstance(value, int | float)
    return Number(value, "")
