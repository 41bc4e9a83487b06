"""The annual report's tables carry the engine's figures, this year beside the year before, in the
seed's order, with the narrative, benchmarks and the unit's own figures in their places."""

from __future__ import annotations

from datetime import date

import pytest

from iru.figures import compute_figures
from iru.reports.annual import AnnualInputs, annual_document, year_before, year_label
from iru.reports.benchmarks import Benchmark, Benchmarks
from iru.reports.document import Share, share
from iru.reports.narrative import ANNUAL
from tests.web.conftest import small_dataset

YEAR_END = date(2024, 3, 31)


def _document(this, last=None, before_last=None, **extra):
    inputs = AnnualInputs(YEAR_END, this, last, before_last, "Borsetshire Council",
                          date(2024, 4, 30), **extra)  # fmt: skip
    return annual_document(inputs)


def _rows(document, table_id):
    table = document.table(table_id)
    return table, dict(table.rows)


@pytest.fixture(scope="module")
def engine():
    dataset = small_dataset()
    last = year_before(YEAR_END)
    return (compute_figures(dataset, YEAR_END), compute_figures(dataset, last),
            compute_figures(dataset, year_before(last)))  # fmt: skip


def test_year_labels_and_the_year_before():
    assert year_label(date(2016, 3, 31)) == "2015-16"
    assert year_label(date(2016, 12, 31)) == "2016"
    assert year_before(date(2016, 3, 31)) == date(2015, 3, 31)
    assert year_before(date(2016, 2, 29)) == date(2015, 2, 28)  # a leap year's end


def test_every_count_is_the_engine_s_with_the_year_before_beside(engine):
    this, last, before_last = engine
    document = _document(this, last, before_last)
    table, rows = _rows(document, "lac-year")
    assert table.columns == ("", "2023-24", "2022-23")
    assert rows["At the end of the year"] == (this["lac"]["at_year_end"],
                                              last["lac"]["at_year_end"])  # fmt: skip
    _, months = _rows(document, "lac-month-end")
    assert next(iter(months)) == "Apr 2023"
    assert months["Feb 2024"] == (this["lac"]["month_end"]["2024-02"],
                                  last["lac"]["month_end"]["2023-02"])  # fmt: skip
    _, reviews = _rows(document, "reviews-month")
    april = this["reviews"]["by_month"]["2023-04"]
    assert reviews["Apr 2023"] == (april["held"], april["in_timescale"],
                                   share(april["in_timescale"], april["held"]))  # fmt: skip
    timely = this["reviews"]["in_timescale"]
    assert reviews["Total"] == (this["reviews"]["held"], timely["numerator"],
                                Share(timely["numerator"], timely["denominator"],
                                      timely["percent"]))  # fmt: skip
    _, three = _rows(document, "reviews-three-years")
    assert [held for held, _, _ in three.values()] == [
        f["reviews"]["held"] for f in (this, last, before_last)
    ]


def test_a_breakdown_has_each_share_of_its_total_and_a_total_row(engine):
    this, last, _ = engine
    table, rows = _rows(_document(this, last), "lac-started-age")
    started = this["lac"]["started_by_age"]
    assert table.total_row
    assert rows["Total"][0] == sum(started.values()) == this["lac"]["started"]
    assert rows["10 to 14"][:2] == (started["10_14"], share(started["10_14"], rows["Total"][0]))


def test_codes_are_given_in_the_dfe_s_words():
    document = _document({"lac": {"ceased_by_reason": {"E11": 3, "E4A": 5}}})
    _, rows = _rows(document, "lac-ceased-reason")
    assert list(rows)[:2] == [
        "Returned home to live with parent(s), relative(s), or other person(s) with parental "
        "responsibility as part of the care planning process (E4A)",
        "Adopted - application for an adoption order unopposed (E11)",
    ]  # largest first
    assert rows[next(iter(rows))] == (5, share(5, 8), None, None)  # no year before: None


def test_a_missing_group_is_no_data_not_an_error():
    document = _document({})
    _, rows = _rows(document, "cp-initial-month")
    assert rows["Mar 2024"] == (None, None, None)
    _, rows = _rows(document, "reviews-year")
    assert rows["Reviews held"] == (None, None)


def test_a_narrative_not_written_leaves_out_a_section_with_no_figures():
    document = _document({}, narrative={"priorities": "- A"})
    titles = [section.title for section in document.sections]
    assert "Priorities for next year" in titles
    assert "Purpose of the service and legal context" not in titles
    assert "Looked-after children" in titles  # its figures stay, the commentary not written


def test_the_narrative_sits_in_its_section_in_the_seed_s_order():
    words = {n.key: f"Words for {n.key}." for n in ANNUAL}
    document = _document({}, narrative=words | {"summary": "The year in **brief**."})
    titles = [section.title for section in document.sections]
    assert titles[:4] == [
        "Summary",
        "Purpose of the service and legal context",
        "The Independent Reviewing Unit",
        "Activities during the year",
    ]
    assert titles[-2:] == ["Priorities for next year", "Recommendations"]
    assert document.sections[0].narrative == "The year in **brief**."
    keys = {s.narrative_key for s in document.sections if s.narrative_key}
    assert keys == {n.key for n in ANNUAL}


def test_each_chart_draws_a_table_of_its_own_section():
    document = _document({})
    for section in document.sections:
        ids = {table.id for table in section.tables}
        for chart in section.charts:
            assert chart.table_id in ids
            table = document.table(chart.table_id)
            assert all(series.column + 1 < len(table.columns) for series in chart.series)


def test_comparators_are_the_latest_published_by_the_year_end():
    benchmarks = Benchmarks.of([
        Benchmark("stability.long_term", "england", date(2022, 3, 31), 68.0, "DfE SFR 2022"),
        Benchmark("stability.long_term", "england", date(2023, 3, 31), 70.0, "DfE SFR 2023"),
        Benchmark("stability.long_term", "england", date(2025, 3, 31), 99.0, "A later year"),
        Benchmark("stability.long_term", "neighbours", date(2023, 3, 31), 71.5, "LAIT 2023"),
    ])  # fmt: skip
    document = _document({}, benchmarks=benchmarks)
    table, rows = _rows(document, "stability-long-term")
    assert table.columns[-2:] == ("England (Mar 23)", "Statistical neighbours (Mar 23)")
    assert rows["Apr 2023"][-2:] == (70.0, 71.5)
    assert benchmarks.for_report("stability.long_term", date(2023, 3, 31))[0].value == 70.0


def test_initial_conference_outcomes_count_children_with_totals_both_ways():
    none = {"plan": 0, "no_plan": 0, "change_of_category": 0, "child_died": 0, "not_recorded": 0}
    by_month = {f"2023-{m:02d}": none | {"plan": 10, "no_plan": 1} for m in range(4, 13)}
    by_month |= {f"2024-0{m}": none | {"plan": 5, "change_of_category": 1} for m in range(1, 4)}
    document = _document({"unit": {"icpc": {"outcomes": {"by_month": by_month}}}})
    table, rows = _rows(document, "cp-initial-outcomes")
    assert table.total_row
    assert table.total_column
    assert rows["Child became subject to a plan"][-1] == 9 * 10 + 3 * 5
    assert rows["Change of category"][-1] == 3
    assert rows["Total"][0] == 11
    assert rows["Total"][-1] == 9 * 11 + 3 * 6
