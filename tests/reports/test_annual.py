"""The annual report's tables carry the engine's figures, this year beside the year before."""

from __future__ import annotations

from datetime import date

from iru.figures import compute_figures
from iru.reports.annual import annual_report, year_before, year_label
from tests.web.conftest import small_dataset

YEAR_END = date(2024, 3, 31)


def _rows(report, table_id):
    table = next(t for t in report.tables if t.id == table_id)
    return table, dict(table.rows)


def test_year_labels_and_the_year_before():
    assert year_label(date(2016, 3, 31)) == "2015-16"
    assert year_before(date(2016, 3, 31)) == date(2015, 3, 31)
    assert year_before(date(2016, 2, 29)) == date(2015, 2, 28)  # a leap year's end


def test_every_count_is_the_engine_s_with_the_year_before_beside():
    this = compute_figures(small_dataset(), YEAR_END)
    last = compute_figures(small_dataset(), year_before(YEAR_END))
    report = annual_report(this, last, YEAR_END)
    table, rows = _rows(report, "lac-year")
    assert table.columns == ("", "2023-24", "2022-23")
    assert rows["At the end of the year"] == (
        this["lac"]["at_year_end"],
        last["lac"]["at_year_end"],
    )
    assert rows["Started to be looked after"] == (this["lac"]["started"], last["lac"]["started"])
    _, months = _rows(report, "lac-month-end")
    assert next(iter(months)) == "April 2023"
    assert months["February 2024"] == (this["lac"]["month_end"]["2024-02"],
                                       last["lac"]["month_end"]["2023-02"])  # fmt: skip
    _, reviews = _rows(report, "reviews-month")
    april = this["reviews"]["by_month"]["2023-04"]
    assert reviews["April 2023"][:2] == (april["held"], april["in_timescale"])
    assert reviews["April 2023"][2] == round(100 * april["in_timescale"] / april["held"], 1)


def test_codes_are_given_in_the_dfe_s_words():
    this = {"lac": {"ceased_by_reason": {"E11": 3, "E4A": 5}}}
    report = annual_report(this, None, YEAR_END)
    _, rows = _rows(report, "lac-ceased-reason")
    assert list(rows) == [
        "Returned home to live with parent(s), relative(s), or other person(s) with parental "
        "responsibility as part of the care planning process (E4A)",
        "Adopted - application for an adoption order unopposed (E11)",
    ]  # largest first
    assert rows[next(iter(rows))] == (5, None)  # no data for the year before: None


def test_a_missing_group_is_no_data_not_an_error():
    report = annual_report({}, None, YEAR_END)
    _, rows = _rows(report, "cp-initial-month")
    assert rows["March 2024"] == (None,) * 6
    _, rows = _rows(report, "reviews-year")
    assert rows["Reviews held"] == (None, None)


def test_a_month_with_none_held_has_no_percentage():
    this = {"reviews": {"by_month": {"2023-05": {"held": 0, "in_timescale": 0}}}}
    _, rows = _rows(annual_report(this, None, YEAR_END), "reviews-month")
    assert rows["May 2023"][:3] == (0, 0, "None to count")
