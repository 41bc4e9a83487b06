"""The generator's ordinal adapters agree with the rules they adapt (`iru.rules`)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from iru.data.synthetic.calendar import (
    WorkingDays,
    birthday,
    collection_year_days,
    start_year_of,
    years_old,
)
from iru.rules.calendar import add_working_days, is_working_day
from iru.rules.months import age_on

WORKING_DAYS = WorkingDays(2010, 2030)
days = st.dates(min_value=date(2010, 2, 1), max_value=date(2029, 6, 30))  # inside the list


@settings(max_examples=300)
@given(day=days, count=st.integers(1, 60))
def test_working_days_add_is_the_rule(day: date, count: int) -> None:
    assert WORKING_DAYS.add(day.toordinal(), count) == add_working_days(day, count).toordinal()


@settings(max_examples=300)
@given(day=days)
def test_on_or_before_and_after_find_working_days(day: date) -> None:
    before = date.fromordinal(WORKING_DAYS.on_or_before(day.toordinal()))
    after = date.fromordinal(WORKING_DAYS.on_or_after(day.toordinal()))
    assert is_working_day(before)
    assert is_working_day(after)
    assert before <= day <= after
    assert (before == day) is is_working_day(day)
    assert (after == day) is is_working_day(day)


def test_one_off_bank_holidays_are_not_working_days() -> None:
    for one_off in (date(2022, 9, 19), date(2023, 5, 8)):
        assert WORKING_DAYS.on_or_after(one_off.toordinal()) == one_off.toordinal() + 1


@given(dob=days, gap=st.integers(0, 20 * 366))
def test_years_old_is_the_rule(dob: date, gap: int) -> None:
    day = dob + timedelta(days=gap)
    assert years_old(dob.toordinal(), day.toordinal()) == age_on(dob, day)


def test_a_29_february_child_turns_a_year_older_on_28_february() -> None:
    dob = date(2016, 2, 29).toordinal()
    assert birthday(dob, 1) == date(2017, 2, 28).toordinal()
    assert birthday(dob, 4) == date(2020, 2, 29).toordinal()
    assert years_old(dob, date(2017, 2, 28).toordinal()) == 1


def test_collection_years_are_named_by_their_start_in_the_generator() -> None:
    first, last = collection_year_days(2015)  # 2015-16, collection year 2016 in iru.rules
    assert (first, last) == (date(2015, 4, 1).toordinal(), date(2016, 3, 31).toordinal())
    assert start_year_of(first) == start_year_of(last) == 2015
    assert start_year_of(last + 1) == 2016
