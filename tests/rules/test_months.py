from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from iru.rules.months import add_months, age_on


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2015, 8, 31), 3, date(2015, 11, 30)),  # FIGURES.md: November has 30 days
        (date(2015, 8, 31), 6, date(2016, 2, 29)),  # FIGURES.md: 2016 is a leap year
        (date(2014, 8, 31), 6, date(2015, 2, 28)),  # 2015 is not
        (date(2016, 4, 30), -30, date(2013, 10, 30)),  # FIGURES.md: 2 years 6 months back
        (date(2016, 2, 29), -24, date(2014, 2, 28)),  # FIGURES.md: no 29 Feb in 2014
        (date(2016, 1, 31), 1, date(2016, 2, 29)),  # clipped to the leap day
        (date(2016, 3, 31), -1, date(2016, 2, 29)),  # backwards, clipped the same way
        (date(2015, 11, 15), 3, date(2016, 2, 15)),  # over the year end
        (date(2016, 1, 31), -13, date(2014, 12, 31)),  # back over a year end
        (date(2015, 11, 30), 3, date(2016, 2, 29)),  # 30 Nov + 3: short breaks first review
        (date(2015, 12, 31), 0, date(2015, 12, 31)),
        # A month end does not map to a month end: 30 Nov + 3 is 28/29 Feb, but 28 Feb + 3
        # is 28 May, not 31 May.
        (date(2015, 2, 28), 3, date(2015, 5, 28)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@given(day=st.dates(), months=st.integers(-1200, 1200))
def test_add_months_agrees_with_relativedelta(day: date, months: int) -> None:
    try:
        expected = day + relativedelta(months=months)
    except (OverflowError, ValueError):
        return  # outside the date range
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("dob", "day", "expected"),
    [
        (date(2016, 2, 29), date(2016, 2, 29), 0),  # born today
        (date(2016, 2, 29), date(2017, 2, 27), 0),  # day before the birthday
        (date(2016, 2, 29), date(2017, 2, 28), 1),  # FIGURES.md: 28 Feb in a non-leap year
        (date(2016, 2, 29), date(2020, 2, 28), 3),  # 2020 is a leap year: birthday is the 29th
        (date(2016, 2, 29), date(2020, 2, 29), 4),
        (date(2000, 3, 31), date(2016, 3, 30), 15),
        (date(2000, 3, 31), date(2016, 3, 31), 16),  # 16th birthday on a year end
        (date(2000, 1, 1), date(2015, 12, 31), 15),  # last day before the birthday
    ],
)
def test_age_on(dob: date, day: date, expected: int) -> None:
    assert age_on(dob, day) == expected


def test_age_on_rejects_a_day_before_birth() -> None:
    with pytest.raises(ValueError, match="before the date of birth"):
        age_on(date(2016, 5, 1), date(2016, 4, 30))
