"""Charts: accessible inline SVG and PNG, the same bytes every time, gaps where a value is
hidden or missing, and series told apart by more than colour."""

from __future__ import annotations

import math
import os
import re
from dataclasses import replace

import pytest
from lxml import etree

from iru.reports import charts
from iru.reports.chart_drawing import PALETTE, SUPPRESSED_NOTE, chart_figure
from iru.reports.chart_layout import category_labels
from iru.reports.chart_scales import value_axis_top
from iru.reports.charts import ChartError, chart_png, chart_svg, text_alternative
from iru.reports.document import Chart, Series, Table
from tests.reports.sample_document import (
    conferences_chart,
    public_document,
    reasons_chart,
    reviews_chart,
    reviews_table,
    sample_document,
)

SVG = "{http://www.w3.org/2000/svg}"


def _svg(chart_id: str, document=None) -> etree._Element:
    document = document or sample_document()
    chart = next(c for c in document.charts if c.id == chart_id)
    return etree.fromstring(chart_svg(chart, document.table(chart.table_id)).encode())


def test_an_svg_is_an_image_named_by_its_title_and_described_in_words() -> None:
    root = _svg("reviews-chart")
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert (title.get("id"), desc.get("id")) == (title_id, desc_id)
    assert title.text == "Reviews in timescale each month"
    assert desc.text == text_alternative(reviews_chart(), reviews_table())
    # the values in words: April's 63 of 70 in timescale, England missing in August
    assert "% in timescale: April 2015 90.0%;" in desc.text
    assert "England %: April 2015 88.0; May 2015 88.0;" in desc.text
    assert "August 2015 No data" in desc.text


def test_an_svg_scales_to_its_container() -> None:
    root = _svg("red-reasons-chart")
    assert root.get("width") is None
    assert root.get("height") is None
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox"))
    assert "<?xml" not in chart_svg(reasons_chart(), sample_document().table("red-reasons"))


def test_every_id_is_the_chart_s_own_and_every_reference_stays_inside_it() -> None:
    ids_by_chart = {}
    for chart in sample_document().charts:
        root = _svg(chart.id)
        ids = {element.get("id") for element in root.iter() if element.get("id")}
        assert all(i.startswith(f"{chart.id}-svg") for i in ids)
        text = etree.tostring(root).decode()
        references = set(re.findall(r'(?:href="#|url\(#)([^")]+)', text))
        assert references, "clip paths and markers are referenced"
        assert references <= ids
        ids_by_chart[chart.id] = ids
    first, second, third = ids_by_chart.values()
    assert not first & second
    assert not second & third
    assert not first & third


def test_the_same_chart_gives_the_same_bytes() -> None:
    document = sample_document()
    for chart in document.charts:
        table = document.table(chart.table_id)
        once = chart_svg(chart, table)
        charts._drawn_svg.cache_clear()  # draw it again rather than reuse the first
        assert chart_svg(chart, table) == once
        assert chart_png(chart, table, dpi=60) == chart_png(chart, table, dpi=60)
        assert chart_png(chart, table, dpi=60).startswith(b"\x89PNG")


def test_a_count_and_a_measure_of_the_same_value_are_not_the_same_chart() -> None:
    table = sample_document().table("icpc-month")
    as_measures = replace(
        table, rows=tuple((label, tuple(float(v) for v in cells)) for label, cells in table.rows)
    )
    assert as_measures == table  # equal to Python: 9 == 9.0
    assert chart_svg(conferences_chart(), as_measures) != chart_svg(conferences_chart(), table)


def _bar_ids(root: etree._Element, chart_id: str) -> set[str]:
    prefix = f"{chart_id}-svg-{chart_id}-bar-"
    return {e.get("id")[len(prefix) :] for e in root.iter() if e.get("id", "").startswith(prefix)}


def test_a_hidden_count_leaves_a_gap_and_the_chart_says_what_c_means() -> None:
    full = _svg("icpc-chart")
    assert _bar_ids(full, "icpc-chart") == {f"{s}-{r}" for s in (0, 1) for r in range(12)}
    assert SUPPRESSED_NOTE not in etree.tostring(full).decode()
    public = _svg("icpc-chart", public_document())
    drawn = _bar_ids(public, "icpc-chart")
    assert drawn == {f"{s}-{r}" for s in (0, 1) for r in range(12)} - {"0-4", "0-2"}
    assert SUPPRESSED_NOTE in etree.tostring(public).decode()
    assert SUPPRESSED_NOTE in public.find(f"{SVG}desc").text


def test_a_missing_value_is_a_break_in_the_line() -> None:
    document = sample_document()
    figure = chart_figure(reviews_chart(), document.table("reviews-month"))
    ours, england, _ = figure.axes[0].get_lines()
    assert [math.isnan(y) for y in england.get_ydata()] == [i == 4 for i in range(12)]
    assert ours.get_ydata()[0] == 90.0  # 63 of 70, from the table's Share
    assert not any(math.isnan(y) for y in ours.get_ydata())


def test_series_differ_in_dashes_and_markers_not_only_colour() -> None:
    figure = chart_figure(reviews_chart(), sample_document().table("reviews-month"))
    lines = figure.axes[0].get_lines()
    looks = {(line.get_linestyle(), line.get_marker()) for line in lines}
    assert len(looks) == 3
    assert [line.get_linestyle() for line in lines] == ["-", "--", ":"]
    assert lines[0].get_linewidth() > lines[1].get_linewidth()


def test_the_legend_names_each_series_by_its_column_heading() -> None:
    figure = chart_figure(reviews_chart(), sample_document().table("reviews-month"))
    legend = figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        "% in timescale",
        "England %",
        "Last year %",
    ]


def test_bars_carry_their_values_and_long_labels_wrap() -> None:
    root = _svg("red-reasons-chart")
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for value in ("14", "11", "9", "7", "4", "0"):
        assert value in texts
    assert "The care plan does not reflect the child's" in texts  # 66 characters on two lines
    assert "current needs or wishes" in texts


def test_month_labels_are_shortened_and_others_wrapped_at_spaces() -> None:
    months = ["November 2015", "December 2015", "January 2016", "February 2016"]
    assert category_labels(months, 6) == ["Nov\n2015", "Dec", "Jan\n2016", "Feb"]
    assert category_labels(["Under 20 miles", "Unknown"], 8) == ["Under 20\nmiles", "Unknown"]
    assert category_labels(["Supercalifragilistic"], 5) == ["Supercalifragilistic"]


@pytest.mark.parametrize(
    ("largest", "percent", "top"),
    [
        (94.1, True, 100.0),  # above 20%: the whole scale
        (20.1, True, 100.0),
        (20.0, True, 20.0),  # all 20% or less: the next multiple of 5
        (18.2, True, 20.0),
        (3.0, True, 5.0),
        (0.0, True, 5.0),
        (14, False, 15.0),  # a step of 5 (14/5 = 2.8 rounds up to 5): 0, 5, 10, 15
        (7, False, 8.0),  # a step of 2: 0, 2, 4, 6, 8
        (123, False, 125.0),  # a step of 25
        (0, False, 1.0),
    ],
)
def test_the_value_axis_stops_at_a_round_number(largest, percent, top) -> None:
    assert value_axis_top(largest, percent=percent) == top


def test_a_percentage_axis_runs_to_100_and_counts_from_0() -> None:
    figure = chart_figure(reviews_chart(), sample_document().table("reviews-month"))
    assert figure.axes[0].get_ylim() == (0.0, 100.0)
    assert figure.axes[0].get_ylabel() == "% of reviews in timescale"


def _contrast_on_white(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return 1.05 / (luminance + 0.05)


def test_every_colour_stands_out_on_white() -> None:
    assert all(_contrast_on_white(colour) >= 3 for colour in PALETTE)  # WCAG 1.4.11


def test_matplotlib_keeps_its_font_list_out_of_the_home_directory() -> None:
    assert os.environ["MPLCONFIGDIR"]
    assert not os.environ["MPLCONFIGDIR"].startswith(os.path.expanduser("~/.config"))


def test_a_chart_of_a_column_its_table_lacks_says_so() -> None:
    table = sample_document().table("red-reasons")  # one column of values
    chart = replace(reasons_chart(), series=(Series(0), Series(2, "comparator")))
    with pytest.raises(ChartError, match=r"has 1 columns of values; the chart plots 3\."):
        chart_svg(chart, table)
    with pytest.raises(ChartError):
        chart_png(chart, table)


def test_a_table_with_no_rows_draws_an_empty_chart_that_says_so() -> None:
    empty = Table("empty", "Nothing yet", ("Month", "Reviews"), ())
    chart = Chart("empty-chart", "Nothing yet", "empty", "column", (Series(0),))
    svg = chart_svg(chart, empty)
    assert "Nothing to show" in svg
    assert 'role="img"' in svg
