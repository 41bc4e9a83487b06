"""A report document: one wording for every output, and JSON that gives the same document back."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from iru.reports.document import (
    Chart,
    ReportDocument,
    Section,
    Series,
    Share,
    Table,
    cell_detail,
    cell_text,
    chart_text_alternative,
    content_hash,
    from_json,
    percent_half_up,
    share,
    to_json,
)


def _document(cells: list) -> ReportDocument:
    table = Table(
        "t", "A table", ("Month", "This year", "Share"),
        tuple((f"Row {i}", (cell, share(i, 7))) for i, cell in enumerate(cells)),
        note="A note", source="reviews.by_month", total_row=False,
    )  # fmt: skip
    chart = Chart("c", "A chart", "t", "line", (Series(0), Series(1, "comparator")), "%", True)
    return ReportDocument(
        kind="annual", title="Annual report", subtitle="April 2015 to March 2016",
        council="Borsetshire Council", period="2016-03-31", made_on=date(2016, 4, 30),
        sections=(Section("s", "Section", (chart, table), "summary", "Some *words*"),),
    )  # fmt: skip


cells = st.one_of(
    st.none(),
    st.integers(min_value=0, max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=20),
)


@given(st.lists(cells, max_size=8))
def test_json_gives_the_same_document_back(values: list) -> None:
    document = _document(values)
    again = from_json(json.loads(json.dumps(to_json(document))))
    assert again == document
    assert content_hash(again) == content_hash(document)


def test_the_hash_changes_with_any_number() -> None:
    assert content_hash(_document([1, 2])) != content_hash(_document([1, 3]))


def test_percentages_round_half_up_and_none_to_count() -> None:
    assert percent_half_up(1, 8) == 12.5
    assert percent_half_up(49, 400) == 12.3  # 12.25: half up, not to even
    assert percent_half_up(0, 0) is None
    assert cell_text(Share(0, 0, None)) == "None to count"


def test_each_kind_of_cell_reads_the_same_in_every_output() -> None:
    assert cell_text(1234) == "1,234"
    assert cell_text(2.81) == "2.8"
    assert cell_text(share(795, 882)) == "90.1%"
    assert cell_detail(share(795, 882)) == "795 of 882"
    assert cell_text(None) == "No data"
    assert cell_text("c") == "c"


def test_a_chart_in_words_names_every_value_of_its_table() -> None:
    document = _document([10, 20])
    chart, table = document.charts[0], document.table("t")
    words = chart_text_alternative(chart, table)
    assert "This year: Row 0 10; Row 1 20." in words
    assert "Share: Row 0 0.0%; Row 1 14.3%." in words
