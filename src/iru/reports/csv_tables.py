"""Every table of a report as CSV: one file a table, and a zip of them with their contents.

The rows are laid out as in the workbook (`sheet_layout`): a percentage as its percentage,
numerator and denominator, numbers plain (no thousands separators), every word made safe from
formula injection. Lines end CRLF (RFC 4180, what Excel writes). Pure: no Django, no clock.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Final

from iru.reports.document import ReportDocument, Table
from iru.reports.fixed_zip import zip_at
from iru.reports.sheet_layout import EDITIONS, Number, SheetValue, headings, safe_text, sheet_rows

CONTENTS_FILE: Final = "contents.csv"
_NOT_IN_FILE_NAMES = re.compile(r"[^A-Za-z0-9._-]+")


def csv_from_table(table: Table) -> str:
    """The table as CSV text: its headings, then its rows (the total row last)."""
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: CRLF, quotes only where needed
    writer.writerow(headings(table))
    writer.writerows([_csv_value(value) for value in row] for row in sheet_rows(table))
    return out.getvalue()


def _csv_value(value: SheetValue) -> str:
    return str(value.value) if isinstance(value, Number) else value


def csv_zip_from_document(document: ReportDocument) -> bytes:
    """A zip of `contents.csv` and one CSV a table, `<nn>-<table id>.csv` in the report's
    order. Each file is UTF-8 with a byte-order mark (so that Excel reads accents right).
    Every entry is dated the day the document was made: the same document, the same bytes."""
    tables = document.tables
    names = csv_file_names([table.id for table in tables])
    files = [(CONTENTS_FILE, _contents_csv(document, names))]
    files += [(name, csv_from_table(table)) for name, table in zip(names, tables, strict=True)]
    return zip_at(((name, text.encode("utf-8-sig")) for name, text in files), document.made_on)


def csv_file_names(table_ids: Sequence[str]) -> list[str]:
    """`01-<id>.csv`, `02-<id>.csv`, ...: the number keeps the report's order and the names
    unique; of the id, only letters, digits, dot, dash and underscore are kept."""
    width = max(2, len(str(len(table_ids))))
    return [
        f"{number:0{width}d}-{_NOT_IN_FILE_NAMES.sub('-', table_id).strip('.-') or 'table'}.csv"
        for number, table_id in enumerate(table_ids, start=1)
    ]


def _contents_csv(document: ReportDocument, names: list[str]) -> str:
    """One row a table: the report's details on every row (as the DfE's own statistics CSVs
    repeat the period and area), then the table's number, file, section, caption, note and
    source."""
    about = [
        safe_text(document.title),
        safe_text(document.council),
        safe_text(document.period),
        EDITIONS[document.edition],
        document.status,
        document.made_on.isoformat(),
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["report", "council", "period", "edition", "status", "made_on",
                     "number", "file", "section", "caption", "note", "source"])  # fmt: skip
    number = 0
    for section in document.sections:
        for table in section.tables:
            texts = [section.title, table.caption, table.note, table.source]
            writer.writerow([*about, number + 1, names[number], *map(safe_text, texts)])
            number += 1
    return out.getvalue()
