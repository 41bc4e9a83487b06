"""A report as a Word document (python-docx), built on a template the council can restyle.

The template (`templates/report-template.docx`, made by scripts/make_docx_template.py, or
the council's own) gives the styles, the page, the header and the footer; this module only
adds content in those styles: the title page, the contents (a Word TOC field that reads as a
plain list of the sections until Word updates it), then each section as Heading 1, its
narrative, its charts (PNG with alternative text) and its tables (real Word tables).

The same document gives the same file: the core properties are dated `made_on` and the zip
entries too, so two renders are byte for byte equal.
"""

from __future__ import annotations

import io
from datetime import datetime, time
from pathlib import Path

import docx as python_docx
from docx.document import Document
from docx.shared import Pt

from iru.reports.charts import ChartError
from iru.reports.document import Chart, ReportDocument, Section
from iru.reports.fixed_zip import zip_again_at
from iru.reports.word_fields import add_contents_field, update_fields_on_open
from iru.reports.word_narrative import add_narrative
from iru.reports.word_styles import StyleBook, fill_header
from iru.reports.word_tables import add_chart, add_table

DEFAULT_TEMPLATE = Path(__file__).resolve().parent / "templates" / "report-template.docx"
SUPPRESSED_NOTICE = (
    "Small numbers suppressed: counts of 1 to 5, and any figure they could be worked out "
    "from, are shown as c."
)


def docx_from_document(document: ReportDocument, *, template: Path | None = None) -> bytes:
    """The report as .docx bytes, on `template` (the council's) or the default template."""
    word = python_docx.Document(str(template or DEFAULT_TEMPLATE))
    _clear_body(word)
    styles = StyleBook(word)
    fill_header(word, document.council, document.title, draft=document.status == "draft")
    _title_page(word, styles, document)
    _contents(word, styles, document)
    for number, section in enumerate(document.sections, start=1):
        _section(word, styles, document, number, section)
    update_fields_on_open(word)
    _properties(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return zip_again_at(buffer.getvalue(), document.made_on)


def _clear_body(word: Document) -> None:
    """The template's own body text (a council's sample page) is not the report's."""
    body = word.element.body
    for child in list(body):
        if child.tag != python_docx.oxml.ns.qn("w:sectPr"):
            body.remove(child)


def _title_page(word: Document, styles: StyleBook, document: ReportDocument) -> None:
    council = word.add_paragraph(document.council, styles.paragraph("Subtitle"))
    council.paragraph_format.space_before = Pt(120)  # the title a third of the way down
    word.add_paragraph(document.title, styles.paragraph("Title"))
    if document.subtitle:
        word.add_paragraph(document.subtitle, styles.paragraph("Subtitle"))
    if document.scope:
        word.add_paragraph(document.scope)
    made = f"{document.made_on.day} {document.made_on:%B %Y}"
    if document.status == "draft":
        paragraph = word.add_paragraph()
        paragraph.add_run("DRAFT").bold = True
        paragraph.add_run(
            f": drawn up on {made}, not yet published. Its figures and text may change."
        )
    else:
        word.add_paragraph(f"Published {made}")
    if document.edition == "public":
        word.add_paragraph().add_run(SUPPRESSED_NOTICE).bold = True
    for note in document.notes:
        word.add_paragraph(note, styles.paragraph("Table Note"))


def _contents(word: Document, styles: StyleBook, document: ReportDocument) -> None:
    heading = word.add_paragraph("Contents", styles.paragraph("TOC Heading"))
    heading.paragraph_format.page_break_before = True  # the title page stands alone
    entries = [f"{n}. {s.title}" for n, s in enumerate(document.sections, start=1)]
    if entries:
        add_contents_field([word.add_paragraph() for _ in entries], entries)


def _section(
    word: Document, styles: StyleBook, document: ReportDocument, number: int, section: Section
) -> None:
    word.add_paragraph(f"{number}. {section.title}", styles.paragraph("Heading 1"))
    if section.narrative:
        add_narrative(word, styles, section.narrative)
    for block in section.blocks:
        if isinstance(block, Chart):
            _chart(word, styles, document, block)
        else:
            add_table(word, styles, block)


def _chart(word: Document, styles: StyleBook, document: ReportDocument, chart: Chart) -> None:
    """The chart, or a line saying why it cannot be drawn (never a failed download)."""
    try:
        add_chart(word, styles, chart, document.table(chart.table_id))
    except KeyError:
        word.add_paragraph(f"This chart cannot be drawn. {chart.title}: its table"
                           f" ({chart.table_id}) is not in the report.")  # fmt: skip
    except ChartError as error:
        word.add_paragraph(f"This chart cannot be drawn. {error}")


def _properties(word: Document, document: ReportDocument) -> None:
    properties = word.core_properties
    made = datetime.combine(document.made_on, time())
    properties.title = document.title
    properties.subject = document.subtitle
    properties.author = properties.last_modified_by = document.council
    properties.created = properties.modified = made
    properties.last_printed = made
    properties.revision = 1
    properties.keywords = f"{document.kind} {document.period} {document.edition} {document.status}"
