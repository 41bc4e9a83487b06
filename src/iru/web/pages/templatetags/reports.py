"""A report's pieces on a page: `{% load reports %}`, then `{{ cell|cell_text }}`,
`{{ cell|cell_detail }}`, `{{ section.narrative|markdown_html }}`, `{% if block|is_chart %}`,
`{{ chart|chart_image:document }}` and `{{ chart|chart_table:document }}`.

The values are shown with the report model's own wording (`iru.reports.document.cell_text`),
so the page, the PDF and the Word document say the same."""

from __future__ import annotations

from django import template
from django.contrib.staticfiles import finders
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from iru.reports import charts, markdown
from iru.reports.document import Cell, Chart, ReportDocument, Table
from iru.reports.document import cell_detail as _cell_detail
from iru.reports.document import cell_text as _cell_text

register = template.Library()


@register.filter
def cell_text(cell: Cell) -> str:
    """`{{ cell|cell_text }}`: 1,234; 90.1%; c; No data."""
    return _cell_text(cell)


@register.filter
def cell_detail(cell: Cell) -> str:
    """`{{ cell|cell_detail }}`: the counts behind a percentage ("795 of 882"), else ""."""
    return _cell_detail(cell)


@register.filter
def markdown_html(text: str) -> SafeString:
    """`{{ section.narrative|markdown_html }}`: the narrative as sanitised HTML."""
    # Safe to mark: markdown_html escapes what was typed and nh3 cleans the result.
    return mark_safe(markdown.markdown_html(text or ""))  # noqa: S308


@register.filter
def is_chart(block: object) -> bool:
    """`{% if block|is_chart %}`: a section's block is a chart (else a table)."""
    return isinstance(block, Chart)


@register.filter
def chart_table(chart: Chart, document: ReportDocument) -> Table | None:
    """`{{ chart|chart_table:document }}`: the table a chart draws (None if it is missing)."""
    try:
        return document.table(chart.table_id)
    except KeyError:
        return None


@register.filter
def chart_image(chart: Chart, document: ReportDocument) -> SafeString:
    """`{{ chart|chart_image:document }}`: the chart as an `<img>` of its SVG (vector, and no
    inline style on the page, which the Content-Security-Policy forbids), with the chart in
    words as its `alt`; a chart that cannot be drawn (its table missing, or without the
    columns it plots) says why."""
    try:
        table = document.table(chart.table_id)
        url = charts.chart_svg_data_url(chart, table)
        words = charts.text_alternative(chart, table)
    except KeyError:
        return _not_drawn(f"{chart.title}: its table ({chart.table_id}) is not in the report.")
    except charts.ChartError as error:
        return _not_drawn(str(error))
    return format_html('<img class="iru-chart__image" src="{}" alt="{}">', url, words)


def _not_drawn(problem: str) -> SafeString:
    return format_html('<p class="govuk-body">This chart cannot be drawn. {}</p>', problem)


@register.simple_tag
def static_text(path: str) -> SafeString:
    """`{% static_text "iru/report.css" %}`: a static file's text, inlined where a document
    must carry its own styles (a download, the PDF): one file for the app and the documents."""
    found = finders.find(path)
    if not isinstance(found, str):
        raise template.TemplateSyntaxError(f"no static file {path}")
    with open(found, encoding="utf-8") as handle:
        return mark_safe(handle.read())  # noqa: S308  (our own stylesheet, not user input)
