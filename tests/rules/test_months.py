"""Month arithmetic and ages (FIGURES.md "Conventions"): the scalar and the polars form of each
rule on the same examples."""

from datetime import date, timedelta

import polars as pl
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from iru.rules.months import add_months, add_months_expr, age_on, age_on_expr, birthday_in
from tests.rules.forms import polars_form

DAY, DOB = pl.col("day"), pl.col("dob")
# Within the years polars and the figures handle (polars dates reach far wider).
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2015, 8, 31), 3, date(2015, 11, 30)),  # FIGURES.md: November has 30 days
        (date(2015, 8, 31), 6, date(2016, 2, 29)),  # FIGURES.md: 2016 is a leap year
        (date(2016, 8, 31), 6, date(2017, 2, 28)),  # 2017 is not
        (date(2014, 8, 31), 6, date(2015, 2, 28)),
        (date(2016, 4, 30), -30, date(2013, 10, 30)),  # FIGURES.md: 2 years 6 months back
        (date(2016, 3, 31), -30, date(2013, 9, 30)),  # the long-term cut-off of YE 2016
        (date(2016, 2, 29), -24, date(2014, 2, 28)),  # FIGURES.md: no 29 Feb in 2014
        (date(2016, 2, 29), 12, date(2017, 2, 28)),  # a year after a leap day
        (date(2016, 2, 29), 48, date(2020, 2, 29)),  # four years after: a leap day again
        (date(2016, 1, 31), 1, date(2016, 2, 29)),  # clipped to the leap day
        (date(2016, 3, 31), -1, date(2016, 2, 29)),  # backwards, clipped the same way
        (date(2015, 11, 15), 3, date(2016, 2, 15)),  # over the year end
        (date(2016, 1, 31), -13, date(2014, 12, 31)),  # back over a year end
        (date(2015, 11, 30), 3, date(2016, 2, 29)),  # 30 Nov + 3: short breaks first review
        (date(2015, 11, 30), 6, date(2016, 5, 30)),  # a month end does not map to a month end
        (date(2015, 12, 31), 0, date(2015, 12, 31)),
        # A month end does not map to a month end: 30 Nov + 3 is 28/29 Feb, but 28 Feb + 3
        # is 28 May, not 31 May.
        (date(2015, 2, 28), 3, date(2015, 5, 28)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected
    assert polars_form(add_months_expr(DAY, months), day=[day]) == [expected]


@given(day=dates, months=st.integers(-1200, 1200))
def test_add_months_agrees_with_relativedelta_and_polars(day: date, months: int) -> None:
    try:
        expected = day + relativedelta(months=months)
    except (OverflowError, ValueError):
        return  # outside the date range
    assert add_months(day, months) == expected
    assert polars_form(add_months_expr(DAY, months), day=[day]) == [expected]


def test_add_months_expr_keeps_a_missing_date_missing() -> None:
    assert polars_form(add_months_expr(DAY, 6), day=[None]) == [None]


@pytest.mark.parametrize(
    ("dob", "year", "expected"),
    [
        (date(2016, 2, 29), 2017, date(2017, 2, 28)),  # FIGURES.md: 28 Feb in a common year
        (date(2016, 2, 29), 2020, date(2020, 2, 29)),
        (date(2096, 2, 29), 2100, date(2100, 2, 28)),  # 2100 is not a leap year
        (date(2010, 3, 1), 2016, date(2016, 3, 1)),
    ],
)
def test_birthday_in(dob: date, year: int, expected: date) -> None:
    assert birthday_in(dob, year) == expected


@pytest.mark.parametrize(
    ("dob", "day", "expected"),
    [
        (date(2016, 2, 29), date(2016, 2, 29), 0),  # born today
        (date(2016, 2, 29), date(2017, 2, 27), 0),  # day before the birthday
        (date(2016, 2, 29), date(2017, 2, 28), 1),  # FIGURES.md: 28 Feb in a non-leap year
        (date(2016, 2, 29), date(2017, 3, 1), 1),
        (date(2016, 2, 29), date(2020, 2, 28), 3),  # 2020 is a leap year: birthday is the 29th
        (date(2016, 2, 29), date(2020, 2, 29), 4),
        (date(2008, 2, 29), date(2018, 2, 27), 9),
        (date(2008, 2, 29), date(2018, 2, 28), 10),  # birthday on 28 Feb in a common year
        (date(2000, 2, 29), date(2016, 2, 28), 15),  # leap year: the birthday is 29 Feb
        (date(2000, 2, 29), date(2016, 2, 29), 16),
        (date(2096, 2, 29), date(2100, 2, 28), 4),  # 2100 is a common year
        (date(2015, 2, 28), date(2016, 2, 28), 1),  # born 28 Feb: a leap year changes nothing
        (date(2015, 2, 28), date(2016, 2, 27), 0),
        (date(2000, 3, 31), date(2016, 3, 30), 15),
        (date(2000, 3, 31), date(2016, 3, 31), 16),  # 16th birthday on a year end
        (date(2002, 4, 1), date(2017, 4, 1), 15),  # the birthday itself
        (date(2002, 4, 1), date(2017, 3, 31), 14),
        (date(2000, 1, 1), date(2015, 12, 31), 15),  # last day before the birthday
    ],
)
def test_age_on(dob: date, day: date, expected: int) -> None:
    assert age_on(dob, day) == expected
    assert polars_form(age_on_expr(DOB, DAY), dob=[dob], day=[day]) == [expected]


@given(dob=dates, days=st.integers(0, 40_000))
def test_age_on_agrees_with_polars(dob: date, days: int) -> None:
    day = dob + timedelta(days=days)
    assert polars_form(age_on_expr(DOB, DAY), dob=[dob], day=[day]) == [age_on(dob, day)]


def test_age_on_rejects_a_day_before_birth() -> None:
    with pytest.raises(ValueError, match="before the date of birth"):
        age_on(date(2016, 5, 1), date(2016, 4, 30))


def test_age_on_expr_gives_no_age_without_a_date_of_birth() -> None:
    assert polars_form(age_on_expr(DOB, DAY), dob=[None], day=[date(2016, 5, 1)]) == [None]
