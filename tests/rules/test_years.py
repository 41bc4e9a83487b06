"""Collection years and reporting years (FIGURES.md "Conventions", "Reporting year")."""

from datetime import date, timedelta

import polars as pl
import pytest

from iru.rules.years import (
    collection_year,
    collection_year_expr,
    collection_year_from_label,
    collection_year_label,
    collection_year_span,
    complete_month_ends,
    current_year_end,
    is_month_end,
    month_label,
    reporting_year,
)
from tests.rules.forms import polars_form


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2015, 4, 1), 2016),  # the first day of 2015-16
        (date(2015, 12, 31), 2016),
        (date(2016, 1, 1), 2016),
        (date(2016, 2, 29), 2016),
        (date(2016, 3, 31), 2016),  # the last day of 2015-16
        (date(2016, 4, 1), 2017),
        (date(2015, 3, 31), 2015),
    ],
)
def test_collection_year_is_named_by_its_31_march(day: date, expected: int) -> None:
    assert collection_year(day) == expected
    assert polars_form(collection_year_expr(pl.col("day")), day=[day]) == [expected]


@pytest.mark.parametrize("year", [2014, 2016, 2017, 2025])
def test_collection_year_span_holds_the_days_of_its_year(year: int) -> None:
    first, last = collection_year_span(year)
    assert (first, last) == (date(year - 1, 4, 1), date(year, 3, 31))
    assert collection_year(first) == collection_year(last) == year
    assert collection_year(first - timedelta(days=1)) == year - 1
    assert collection_year(last + timedelta(days=1)) == year + 1


@pytest.mark.parametrize(
    ("label", "year"),
    [("2015-16", 2016), ("2015/16", 2016), (" 2023-24 ", 2024), ("1999-00", 2000)],
)
def test_a_collection_year_is_written_as_the_dfe_writes_it(label: str, year: int) -> None:
    assert collection_year_from_label(label) == year
    assert collection_year_label(year) == label.strip().replace("/", "-")


@pytest.mark.parametrize("label", ["2015-17", "2016", "15-16", "2015-2016", "", "0000-01", "x"])
def test_a_collection_year_written_otherwise_is_refused(label: str) -> None:
    with pytest.raises(ValueError, match=r"2015-16|does not follow"):
        collection_year_from_label(label)


def test_collection_year_expr_keeps_a_missing_date_missing() -> None:
    assert polars_form(collection_year_expr(pl.col("day")), day=[None]) == [None]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2016, 1, 1), date(2016, 3, 31)),
        (date(2016, 3, 31), date(2016, 3, 31)),  # the year's last day
        (date(2016, 4, 1), date(2017, 3, 31)),
        (date(2026, 12, 4), date(2027, 3, 31)),
    ],
)
def test_current_year_end(today: date, expected: date) -> None:
    assert current_year_end(today) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2016, 2, 29), True),
        (date(2016, 2, 28), False),  # not in a leap year
        (date(2017, 2, 28), True),
        (date(2016, 3, 30), False),
        (date(2016, 12, 31), True),
    ],
)
def test_is_month_end(day: date, expected: bool) -> None:
    assert is_month_end(day) is expected


def test_month_label() -> None:
    assert month_label(date(2016, 2, 29)) == "2016-02"


@pytest.mark.parametrize(
    ("year_end", "start", "first_month_end", "eleventh_month_end"),
    [
        (date(2016, 3, 31), date(2015, 4, 1), date(2015, 4, 30), date(2016, 2, 29)),
        # FIGURES.md: YS = YE - 1 year + 1 day, clipped: 29 Feb 2016 - 12 months = 28 Feb 2015.
        (date(2016, 2, 29), date(2015, 3, 1), date(2015, 3, 31), date(2016, 1, 31)),
        # 28 Feb 2017 - 12 months = 28 Feb 2016, so YS is 29 Feb 2016 (before March's months).
        (date(2017, 2, 28), date(2016, 2, 29), date(2016, 3, 31), date(2017, 1, 31)),
        (date(2016, 12, 31), date(2016, 1, 1), date(2016, 1, 31), date(2016, 11, 30)),
    ],
)
def test_reporting_year_and_its_months(
    year_end: date, start: date, first_month_end: date, eleventh_month_end: date
) -> None:
    year = reporting_year(year_end)
    assert (year.start, year.end) == (start, year_end)
    assert year.day_before == date.fromordinal(start.toordinal() - 1)
    assert len(year.month_ends) == 12
    assert (year.month_ends[0], year.month_ends[10], year.month_ends[11]) == (
        first_month_end,
        eleventh_month_end,
        year_end,
    )
    assert all(is_month_end(day) for day in year.month_ends)
    assert year.month_labels == tuple(month_label(day) for day in year.month_ends)


def test_a_year_end_that_is_not_a_month_end_is_refused() -> None:
    with pytest.raises(ValueError, match="last day of a month"):
        reporting_year(date(2016, 3, 30))


@pytest.mark.parametrize(
    ("year_end", "today", "count", "last"),
    [
        (date(2016, 3, 31), date(2015, 4, 1), 0, None),  # April: no month has ended yet
        (date(2016, 3, 31), date(2015, 4, 30), 0, None),  # nor on its last day
        (date(2016, 3, 31), date(2015, 5, 1), 1, date(2015, 4, 30)),
        (date(2016, 3, 31), date(2016, 3, 31), 11, date(2016, 2, 29)),  # to the leap day
        (date(2016, 3, 31), date(2016, 4, 1), 12, date(2016, 3, 31)),  # the whole year
        (date(2016, 3, 31), date(2030, 1, 1), 12, date(2016, 3, 31)),
        (date(2016, 2, 29), date(2015, 5, 15), 2, date(2015, 4, 30)),  # 31 Mar, 30 Apr 2015
        (date(2016, 2, 29), date(2016, 2, 29), 11, date(2016, 1, 31)),
        (date(2016, 2, 29), date(2016, 3, 1), 12, date(2016, 2, 29)),
        # YS 29 Feb 2016 is not a month end of the year ending 28 Feb 2017.
        (date(2017, 2, 28), date(2016, 3, 1), 0, None),
        (date(2017, 2, 28), date(2016, 4, 1), 1, date(2016, 3, 31)),
        (date(2017, 2, 28), date(2017, 3, 1), 12, date(2017, 2, 28)),
        (date(2016, 12, 31), date(2016, 7, 1), 6, date(2016, 6, 30)),
    ],
)
def test_complete_month_ends(year_end: date, today: date, count: int, last: date | None) -> None:
    """The first `count` month ends of the year, the last of them `last`."""
    ends = complete_month_ends(year_end=year_end, today=today)
    assert ends == list(reporting_year(year_end).month_ends[:count])
    assert ends[-1:] == ([last] if last else [])
