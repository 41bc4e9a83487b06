"""The report's HTML (reports/document.html and reports/_document_body.html): contents,
numbered sections, sanitised narrative, accessible charts beside their tables, tables a phone
can scroll, and a title page that says draft or public."""

from __future__ import annotations

from collections import Counter

import pytest
from django.template.loader import render_to_string
from lxml import html as lxml_html

from iru.reports.charts import text_alternative
from iru.reports.document import cell_detail, cell_text
from tests.reports.sample_document import public_document, sample_document, with_broken_charts


@pytest.fixture(scope="module")
def page() -> str:
    return render_to_string("reports/document.html", {"document": sample_document()})


@pytest.fixture(scope="module")
def tree(page):
    return lxml_html.fromstring(page)


def test_the_contents_links_to_every_numbered_section(tree) -> None:
    links = tree.xpath('//nav[@class="iru-contents"]//a')
    sections = sample_document().sections
    assert [a.get("href") for a in links] == [f"#section-{s.id}" for s in sections]
    assert [" ".join(a.text_content().split()) for a in links] == [
        f"{n}. {s.title}" for n, s in enumerate(sections, start=1)
    ]
    headings = tree.xpath("//section/h2")
    assert [h.text_content() for h in headings] == [
        f"{n}. {s.title}" for n, s in enumerate(sections, start=1)
    ]
    for link in links:
        assert tree.get_element_by_id(link.get("href")[1:]).tag == "section"


def test_every_id_on_the_page_is_unique(tree) -> None:
    counts = Counter(element.get("id") for element in tree.iter() if element.get("id"))
    assert [i for i, n in counts.items() if n > 1] == []


def test_the_narrative_is_sanitised_markdown(page, tree) -> None:
    summary = tree.get_element_by_id("section-summary")
    assert summary.xpath(".//strong")[0].text == "874 reviews"
    assert summary.xpath(".//h3")[0].text == "What went well"
    assert "<script" not in page
    assert "&lt;script&gt;" in page


def test_each_chart_is_an_accessible_figure_before_its_table(tree) -> None:
    for chart in sample_document().charts:
        figure = tree.get_element_by_id(f"chart-{chart.id}")
        assert figure.tag == "figure"
        assert figure.xpath("./figcaption")[0].text == chart.title
        image = figure.xpath("./img")[0]  # its SVG, described in words
        table = sample_document().table(chart.table_id)
        assert image.get("alt") == text_alternative(chart, table)
        link = figure.xpath(".//a")[0]
        assert link.get("href") == f"#table-{chart.table_id}"
        table = tree.get_element_by_id(f"table-{chart.table_id}")
        assert figure.getparent() is table.getparent()  # in the same section


def test_tables_show_each_cell_as_every_output_does(tree) -> None:
    for table in sample_document().tables:
        wrapper = tree.get_element_by_id(f"table-{table.id}")
        headers = wrapper.xpath(".//thead//th")
        assert [th.text for th in headers] == list(table.columns)
        assert {th.get("scope") for th in headers} == {"col"}
        rows = wrapper.xpath(".//tbody/tr")
        for row, (label, cells) in zip(rows, table.rows, strict=True):
            assert row.xpath("./th[@scope='row']")[0].text == label
            for td, cell in zip(row.xpath("./td"), cells, strict=True):
                assert td.text == cell_text(cell)
                assert "govuk-table__cell--numeric" in td.get("class")
                counts = td.xpath("./span")
                assert [s.text for s in counts] == (
                    [cell_detail(cell)] if cell_detail(cell) else []
                )


def test_a_percentage_shows_its_counts_and_the_total_row_is_marked(tree) -> None:
    wrapper = tree.get_element_by_id("table-reviews-month")
    total = wrapper.xpath(".//tbody/tr")[-1]
    assert "iru-report-table__total" in total.get("class")
    cell = total.xpath("./td")[2]
    assert (cell.text, cell.xpath("./span")[0].text) == ("91.2%", "804 of 882")
    notes = [p.text for p in wrapper.xpath("./p")]
    assert notes == [
        "A review is in timescale when it is held by its due date (IRO Handbook).",
        "Source: reviews.by_month; England from the DfE's SSDA903 statistics",
    ]


def test_a_long_table_scrolls_in_a_named_focusable_region(tree) -> None:
    for table in sample_document().tables:
        region = tree.get_element_by_id(f"table-{table.id}").xpath("./div")[0]
        assert (region.get("role"), region.get("tabindex")) == ("region", "0")
        caption = tree.get_element_by_id(region.get("aria-labelledby"))
        assert caption.tag == "caption"
        assert caption.text == table.caption


def test_a_draft_says_so_and_a_public_edition_says_small_numbers_are_hidden(page) -> None:
    assert 'class="iru-watermark"' in page
    assert "drawn up on 29 April 2016, not yet published" in page
    assert "small numbers suppressed" not in page
    public = render_to_string("reports/document.html", {"document": public_document()})
    assert 'class="iru-watermark"' not in public
    assert "Published 29 April 2016" in public
    assert "For publication: small numbers suppressed." in public


def test_the_logo_is_shown_only_when_given(page) -> None:
    assert '<img class="iru-title-page__logo"' not in page
    logo = "data:image/png;base64,iVBORw0KGgo="
    with_logo = render_to_string(
        "reports/document.html", {"document": sample_document(), "logo_url": logo}
    )
    image = lxml_html.fromstring(with_logo).xpath("//img[@class='iru-title-page__logo']")[0]
    assert (image.get("src"), image.get("alt")) == (logo, "Borsetshire Council")


def test_the_document_asks_for_nothing_from_elsewhere(tree) -> None:
    assert tree.xpath("//script") == []
    assert tree.xpath("//link") == []
    assert all(not src.startswith(("http", "//")) for src in tree.xpath("//@src"))
    external = [h for h in tree.xpath("//a/@href") if not h.startswith("#")]
    assert external == ["https://example.org/irus"]  # the narrative's own link


def test_a_chart_that_cannot_be_drawn_is_said_not_a_failure() -> None:
    page = render_to_string("reports/_document_body.html", {"document": with_broken_charts()})
    assert "This chart cannot be drawn. A lost chart: its table (no-such-table) is not" in page
    assert "This chart cannot be drawn. An odd chart: the table" in page
    assert "has 2 columns of values; the chart plots 8." in page
