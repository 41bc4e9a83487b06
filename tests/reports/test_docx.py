"""The Word document, read back with python-docx: real headings and tables, charts as
pictures with their text alternative, the narrative's emphasis and lists, the council's
template honoured, and a template missing styles still giving a report."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from iru.reports.charts import text_alternative
from iru.reports.document import cell_detail, cell_text
from iru.reports.docx import DEFAULT_TEMPLATE, docx_from_document
from tests.reports.sample_document import public_document, sample_document, with_broken_charts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def draft() -> bytes:
    return docx_from_document(sample_document())


@pytest.fixture(scope="module")
def word(draft):
    return docx.Document(io.BytesIO(draft))


def _body_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()


def test_each_section_is_a_heading_1(word) -> None:
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    titles = [f"{n}. {s.title}" for n, s in enumerate(sample_document().sections, start=1)]
    assert headings == titles


def test_the_contents_is_a_word_field_that_reads_as_the_list_of_sections(word, draft) -> None:
    xml = _body_xml(draft)
    assert 'TOC \\o "1-1" \\h \\z \\u' in xml
    texts = [p.text for p in word.paragraphs]
    start = texts.index("Contents")
    assert texts[start + 1 : start + 6] == [
        "1. Summary",
        "2. Reviews of looked-after children",
        "3. Child protection conferences",
        "4. Dispute resolution",
        "5. The unit",
    ]
    settings = word.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_every_table_reads_as_the_report_shows_it(word) -> None:
    tables = sample_document().tables
    assert len(word.tables) == len(tables)
    for grid, table in zip(word.tables, tables, strict=True):
        assert [c.text for c in grid.rows[0].cells] == list(table.columns)
        for row, (label, cells) in zip(grid.rows[1:], table.rows, strict=True):
            expected = [label] + [
                cell_text(cell) + (f"\n{cell_detail(cell)}" if cell_detail(cell) else "")
                for cell in cells
            ]
            assert [c.text for c in row.cells] == expected
    reviews = word.tables[0]
    assert reviews.rows[1].cells[3].text == "90.0%\n63 of 70"
    assert reviews.rows[5].cells[4].text == "No data"


def test_tables_repeat_their_header_and_never_split_a_row(word) -> None:
    for grid in word.tables:
        flags = [row._tr.trPr for row in grid.rows]
        assert flags[0].find(qn("w:tblHeader")) is not None
        assert all(f.find(qn("w:tblHeader")) is None for f in flags[1:])
        assert all(f.find(qn("w:cantSplit")) is not None for f in flags)


def test_numbers_are_right_aligned_and_the_total_row_bold(word) -> None:
    reviews = word.tables[0]
    total = reviews.rows[-1]
    assert total.cells[0].text == "Total"
    assert all(cell.paragraphs[0].runs[0].bold for cell in total.cells)
    assert [run.bold for run in total.cells[3].paragraphs[0].runs] == [True, None, None]
    assert (
        reviews.rows[1].cells[1].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    )
    assert (
        reviews.rows[1].cells[0].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.LEFT
    )


def test_each_chart_is_one_picture_with_its_text_alternative(word) -> None:
    document = sample_document()
    shapes = list(word.inline_shapes)
    assert len(shapes) == len(document.charts)
    for shape, chart in zip(shapes, document.charts, strict=True):
        properties = shape._inline.docPr
        assert properties.get("descr") == text_alternative(chart, document.table(chart.table_id))
        assert properties.get("title") == chart.title


def test_the_narrative_keeps_its_emphasis_lists_and_links(word, draft) -> None:
    runs = [run for p in word.paragraphs for run in p.runs]
    assert any(run.text == "874 reviews" and run.bold for run in runs)
    assert any(run.text == "more" and run.italic for run in runs)
    styles = {p.text: p.style.name for p in word.paragraphs}
    assert styles["What went well"] == "Heading 2"
    assert styles["Every child aged 4 or over was consulted."] == "List Bullet"
    assert styles["Improve the timeliness of initial conferences."] == "List Number"
    assert styles["Children told us they want to know their IRO."] == "Quote"
    links = [link for p in word.paragraphs for link in p.hyperlinks]
    assert [(link.text, link.address) for link in links] == [
        ("the highest rate", "https://example.org/irus")
    ]


def test_typed_html_is_text_never_markup(word, draft) -> None:
    assert '<script>alert("hostile")</script>' in [p.text for p in word.paragraphs]
    xml = _body_xml(draft)
    assert "<script" not in xml
    assert "&lt;script&gt;" in xml


def test_a_draft_says_draft_in_its_header_and_a_public_edition_says_what_is_hidden(word) -> None:
    header = "\n".join(p.text for p in word.sections[0].header.paragraphs)
    assert header == "Borsetshire Council\tDRAFT\tAnnual Independent Chairperson's Report 2015-16"
    footer = word.sections[0].footer.paragraphs[0]
    assert "PAGE" in footer._p.xml
    assert "NUMPAGES" in footer._p.xml
    public = docx.Document(io.BytesIO(docx_from_document(public_document())))
    header = "\n".join(p.text for p in public.sections[0].header.paragraphs)
    assert "DRAFT" not in header
    texts = [p.text for p in public.paragraphs]
    assert any(t.startswith("Small numbers suppressed") for t in texts)
    assert "Published 29 April 2016" in texts
    assert not any(t.startswith("Small numbers") for t in (p.text for p in word.paragraphs))


def test_the_same_document_gives_the_same_file(draft) -> None:
    assert docx_from_document(sample_document()) == draft
    properties = docx.Document(io.BytesIO(draft)).core_properties
    assert properties.created == datetime(2016, 4, 29, tzinfo=UTC)
    assert properties.modified == datetime(2016, 4, 29, tzinfo=UTC)
    assert properties.author == "Borsetshire Council"


def _template_with(tmp_path: Path, change) -> Path:
    template = docx.Document(str(DEFAULT_TEMPLATE))
    change(template)
    path = tmp_path / "council.docx"
    template.save(str(path))
    return path


def test_the_council_s_own_template_is_honoured(tmp_path) -> None:
    def restyle(template) -> None:
        template.styles["Heading 1"].font.name = "Georgia"
        template.styles["Heading 1"].font.size = docx.shared.Pt(22)
        template.add_paragraph("Sample text the council left in its template")

    word = docx.Document(
        io.BytesIO(
            docx_from_document(sample_document(), template=_template_with(tmp_path, restyle))
        )
    )
    heading = next(p for p in word.paragraphs if p.style.name == "Heading 1")
    assert heading.style.font.name == "Georgia"
    assert heading.style.font.size == docx.shared.Pt(22)
    assert "Sample text the council left in its template" not in [p.text for p in word.paragraphs]


def test_a_template_missing_styles_still_gives_the_report(tmp_path) -> None:
    def strip(template) -> None:
        for name in (
            "Heading 1",
            "Heading 2",
            "Caption",
            "List Number",
            "List Bullet",
            "Quote",
            "Title",
            "Report Table",
            "Table Note",
            "Hyperlink",
            "TOC Heading",
        ):
            element = template.styles[name].element
            element.getparent().remove(element)
        for paragraph in template.sections[0].header.paragraphs:
            paragraph.text = "Our own header"  # no placeholders left

    data = docx_from_document(sample_document(), template=_template_with(tmp_path, strip))
    word = docx.Document(io.BytesIO(data))
    headings = [p for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[0].text == "1. Summary"
    outline = headings[0].style.element.pPr.find(qn("w:outlineLvl"))
    assert outline.get(qn("w:val")) == "0"  # still a heading Word's contents can list
    assert len(word.tables) == len(sample_document().tables)
    header = [p.text for p in word.sections[0].header.paragraphs]
    assert header == ["Our own header", "DRAFT"]
    texts = [p.text for p in word.paragraphs]
    assert "Annual Independent Chairperson's Report 2015-16" in texts  # Title, added back
    assert word.styles["Title"].font.bold
    assert "• Every child aged 4 or over was consulted." in texts  # no list styles left
    assert "2. Improve the timeliness of initial conferences." in texts


def test_the_committed_template_is_what_the_script_makes() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_docx_template", ROOT / "scripts/make_docx_template.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.template_bytes() == DEFAULT_TEMPLATE.read_bytes()


def test_a_chart_that_cannot_be_drawn_is_a_line_saying_why() -> None:
    word = docx.Document(io.BytesIO(docx_from_document(with_broken_charts())))
    texts = [p.text for p in word.paragraphs]
    assert any(t.startswith("This chart cannot be drawn. An odd chart: the table") for t in texts)
    lost = (
        "This chart cannot be drawn. A lost chart: its table (no-such-table) is not in the report."
    )
    assert lost in texts
    assert len(word.inline_shapes) == 3  # the sample's three, and no more


def test_a_short_table_is_kept_on_one_page_with_its_caption(word) -> None:
    grid = word.tables[0]
    caption = grid._element.getprevious()
    assert caption.xpath("string(.//w:keepNext/@w:val)") in ("", "1", "true")
    assert caption.xpath(".//w:keepNext")
    rows = list(grid.rows)
    for row in rows[:-1]:
        assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
    assert not any(p.paragraph_format.keep_with_next for c in rows[-1].cells for p in c.paragraphs)
