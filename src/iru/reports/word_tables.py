"""A report's tables and charts in Word.

A table is a real Word table: its caption above it (style Caption), its header row repeated
on each page (w:tblHeader), no row split across pages (w:cantSplit), numbers right-aligned,
a percentage as "90.1%" with "795 of 882" under it in small type, the total row in bold, and
its note and source under it. A chart is its PNG with the chart in words as the picture's
alternative text (wp:docPr descr), captioned like a table; its data table follows it in the
section, as on the web page.
"""

from __future__ import annotations

import io

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Pt, RGBColor
from docx.table import Table as WordTable
from docx.table import _Cell, _Row

from iru.reports.charts import chart_png, text_alternative
from iru.reports.document import Cell, Chart, Table, cell_detail, cell_text
from iru.reports.word_styles import StyleBook

COUNTS_GREY = RGBColor(0x50, 0x5A, 0x5F)
CHART_WIDTH = Cm(17)
CHART_DPI = 150  # sharp in print at the chart's width, and a small file
# A table of up to this many rows is kept on one page with its caption (Word's "keep with
# next" on every row but the last); a longer one breaks between rows, its header repeated.
KEEP_WHOLE_ROWS = 25


def add_table(word: Document, styles: StyleBook, table: Table) -> None:
    """The table, captioned, with its note and source under it."""
    caption = word.add_paragraph(table.caption, styles.paragraph("Caption"))
    caption.paragraph_format.keep_with_next = True
    grid = word.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = styles.table("Report Table")
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    widths = _widths(grid, len(table.columns))
    rows = grid.rows  # each row's cells read once: python-docx's cell(r, c) reads them all
    header = _row_cells(rows[0], widths, header=True)
    for index, (cell, heading) in enumerate(zip(header, table.columns, strict=True)):
        _write(cell, heading, numeric=index > 0, bold=True)
    for number, (label, values) in enumerate(table.rows, start=1):
        total = table.total_row and number == len(table.rows)
        cells = _row_cells(rows[number], widths, header=False)
        _write(cells[0], label, numeric=False, bold=total)
        for cell, value in zip(cells[1:], values, strict=True):
            _write_cell(cell, value, bold=total)
    _keep_together(rows[:-1] if len(table.rows) <= KEEP_WHOLE_ROWS else rows[:1])
    for text in (table.note, f"Source: {table.source}" if table.source else ""):
        if text:
            word.add_paragraph(text, styles.paragraph("Table Note"))
    word.add_paragraph()  # a space before the next block


def _keep_together(rows: list[_Row]) -> None:
    """Each of `rows` kept on the page of the row after it (the header at least)."""
    for row in rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _row_cells(row: _Row, widths: list[Length], *, header: bool) -> tuple[_Cell, ...]:
    """The row's cells at their widths, the row flagged: never split across pages, and
    the header row repeated at the top of each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))
    cells = row.cells
    for cell, width in zip(cells, widths, strict=True):
        cell.width = width
    return cells


def _write(cell: _Cell, text: str, *, numeric: bool, bold: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(text)
    run.bold = bold or None


def _write_cell(cell: _Cell, value: Cell, *, bold: bool) -> None:
    """A value as `cell_text` shows it; a percentage's counts on a second, smaller line."""
    _write(cell, cell_text(value), numeric=True, bold=bold)
    detail = cell_detail(value)
    if detail:
        run = cell.paragraphs[0].add_run()
        run.add_break()
        counts = cell.paragraphs[0].add_run(detail)
        counts.font.size = Pt(7.5)
        counts.font.color.rgb = COUNTS_GREY


def _widths(grid: WordTable, columns: int) -> list[Length]:
    """The row labels' column wider than the numbers' (17 cm in all)."""
    total = Cm(17)
    first: Length = Emu(int(total * (0.5 if columns <= 3 else 0.3)))
    rest: Length = Emu(int((total - first) / max(columns - 1, 1)))
    widths: list[Length] = [first] + [rest] * (columns - 1)
    grid.autofit = False
    width = grid._tbl.tblPr.find(qn("w:tblW"))
    if width is not None:
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(total.twips))
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    return widths


def add_chart(word: Document, styles: StyleBook, chart: Chart, table: Table) -> None:
    """The chart's PNG, captioned, with the chart in words as its alternative text."""
    word.add_paragraph(chart.title, styles.paragraph("Caption"))
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.keep_with_next = False
    picture = chart_png(chart, table, dpi=CHART_DPI)
    shape = paragraph.add_run().add_picture(io.BytesIO(picture), width=CHART_WIDTH)
    properties = shape._inline.docPr
    properties.set("descr", text_alternative(chart, table))
    properties.set("title", chart.title)
    properties.set("name", chart.title[:60])
