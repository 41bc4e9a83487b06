"""The annual report's files read back: every Word table is the report's table, cell for cell,
and the numbers in the Word document and the PDF are the figures engine's (the returns') and
the unit's own records' for the same year, on the small imported dataset."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from iru.figures import compute_figures
from iru.reports.annual import annual_document
from iru.reports.document import cell_detail, cell_text
from iru.web.imports.selectors import dataset_from_database
from iru.web.meetings.models import Meeting
from iru.web.reports.inputs import annual_inputs
from iru.web.reports.outputs import render_file

pytestmark = [pytest.mark.django_db, pytest.mark.renders]

YEAR_END = date(2024, 3, 31)


@pytest.fixture
def report(users):
    return annual_document(annual_inputs(year_end=YEAR_END, today=date(2024, 6, 3)))


@pytest.fixture
def engine(users):
    return compute_figures(dataset_from_database(), YEAR_END)


def _shown(cell) -> str:
    return cell_text(cell) + (f"\n{cell_detail(cell)}" if cell_detail(cell) else "")


def test_every_word_table_is_the_report_s_cell_for_cell(report):
    word = Document(io.BytesIO(render_file(report, "docx")))
    assert len(word.tables) == len(report.tables)
    for grid, table in zip(word.tables, report.tables, strict=True):
        assert [c.text for c in grid.rows[0].cells] == list(table.columns), table.id
        for row, (label, cells) in zip(grid.rows[1:], table.rows, strict=True):
            assert [c.text for c in row.cells] == [label, *map(_shown, cells)], table.id


def _word_rows(word, caption_words: str) -> dict[str, list[str]]:
    """The rows of the Word table that follows the caption containing `caption_words`."""
    texts = [p.text for p in word.paragraphs]
    captions = [t for t in texts if caption_words in t]
    assert captions, caption_words
    index = [
        i for i, table in enumerate(word.tables)
        if table._element.getprevious() is not None
        and caption_words in "".join(table._element.getprevious().itertext())
    ]  # fmt: skip
    table = word.tables[index[0]]
    return {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows[1:]}


def test_the_word_document_s_numbers_are_the_engine_s_and_the_unit_s(report, engine):
    word = Document(io.BytesIO(render_file(report, "docx")))
    year = _word_rows(word, "the year in numbers")
    assert year["At the end of the year"][0] == f"{engine['lac']['at_year_end']:,}"
    assert year["Started to be looked after"][0] == f"{engine['lac']['started']:,}"
    reviews = _word_rows(word, "Reviews: the year in numbers")
    assert reviews["Reviews held"][0] == f"{engine['reviews']['held']:,}"
    timely = engine["reviews"]["in_timescale"]
    assert reviews["Held in timescale"][0] == (
        f"{timely['percent']:.1f}%\n{timely['numerator']} of {timely['denominator']}"
    )
    meetings = _word_rows(word, "Meetings the unit chaired")
    held = Meeting.objects.filter(
        kind="lac_review", cancelled_on=None, date__range=(date(2023, 4, 1), YEAR_END)
    ).count()
    assert meetings["Looked-after children's reviews"][0] == f"{held:,}"


def test_the_pdf_shows_the_engine_s_numbers_on_its_tables_rows(report, engine):
    pdf = PdfReader(io.BytesIO(render_file(report, "pdf")))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    assert "Annual Independent Chairperson's Report" in text
    assert f"Page 1 of {len(pdf.pages)}" not in text  # the title page has no footer
    assert f"Page 2 of {len(pdf.pages)}" in text
    expected_rows = {
        "At the end of the year": engine["lac"]["at_year_end"],
        "Reviews held": engine["reviews"]["held"],
        "Started to be looked after": engine["lac"]["started"],
    }
    for label, value in expected_rows.items():
        assert any(line.startswith(label) and f" {value:,}" in line for line in lines), label
    for table in report.tables:
        assert table.caption.split(",")[0][:40] in text.replace("\n", " "), table.id


def test_each_chart_is_an_image_of_its_svg_described_in_words_in_the_pdf_too(report):
    """The document (the page, the download, the PDF's source) shows each chart as an
    `<img>` of the chart's SVG with its text alternative as `alt`, and no inline SVG."""
    import base64

    from lxml import html as lxml_html

    from iru.reports.charts import chart_svg, text_alternative
    from iru.web.reports.outputs import document_html

    page = lxml_html.fromstring(document_html(report))
    assert page.findall(".//svg") == []
    images = page.findall(".//figure/img")
    assert len(images) == len(report.charts) > 0
    for chart, image in zip(report.charts, images, strict=True):
        table = report.table(chart.table_id)
        prefix = "data:image/svg+xml;base64,"
        assert image.get("src").startswith(prefix)
        assert base64.b64decode(image.get("src")[len(prefix) :]).decode() == chart_svg(chart, table)
        assert image.get("alt") == text_alternative(chart, table)
    # The tagged PDF marks each chart a Figure whose alternative text is the chart in words.
    pdf = PdfReader(io.BytesIO(render_file(report, "pdf")))
    figures = _figure_alternatives(pdf.trailer["/Root"]["/StructTreeRoot"])
    assert figures == [text_alternative(chart, report.table(chart.table_id))
                       for chart in report.charts]  # fmt: skip


def _figure_alternatives(node) -> list[str]:
    """The /Alt of every Figure in a PDF's structure tree, in reading order."""
    node = node.get_object()
    if isinstance(node, list):
        return [alt for child in node for alt in _figure_alternatives(child)]
    if not hasattr(node, "keys"):
        return []
    found = [str(node["/Alt"])] if node.get("/S") == "/Figure" and "/Alt" in node else []
    kids = node.get("/K")
    return found + (_figure_alternatives(kids) if kids is not None else [])
