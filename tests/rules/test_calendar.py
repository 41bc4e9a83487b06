from datetime import date, timedelta

import holidays
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iru.rules.calendar import (
    ONE_OFF_BANK_HOLIDAYS,
    add_working_days,
    add_working_days_expr,
    bank_holidays_covering,
    bank_holidays_in_year,
    england_bank_holidays,
    is_working_day,
    last_working_day_by,
    working_days_between,
    working_days_between_expr,
    working_days_left,
)
from tests.rules.forms import polars_form

# Dates within the years the `holidays` package and our figures care about.
dates = st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 1, 4), False),  # Saturday
        (date(2025, 1, 5), False),  # Sunday
        (date(2025, 1, 6), True),  # Monday, ordinary
        (date(2020, 12, 24), True),  # Christmas Eve is not a bank holiday
        (date(2020, 12, 25), False),  # Christmas Day, Friday
        (date(2020, 12, 28), False),  # Boxing Day (Sat 26th) substitute, Monday
        (date(2021, 12, 31), True),  # New Year's Eve is not a bank holiday
        (date(2025, 4, 18), False),  # Good Friday 2025
        (date(2025, 4, 21), False),  # Easter Monday: missing without subdiv="ENG"
        (date(2025, 8, 25), False),  # late summer bank holiday: missing without subdiv
        (date(2024, 2, 29), True),  # leap day, a Thursday
        (date(1999, 12, 31), False),  # millennium one-off
        (date(2012, 6, 4), False),  # spring bank holiday moved for the Diamond Jubilee
        (date(2012, 6, 5), False),  # Diamond Jubilee
        (date(2012, 5, 28), True),  # the usual last-Monday-of-May spring holiday, moved away
        (date(2020, 5, 8), False),  # early May bank holiday moved to VE Day (Friday)
        (date(2020, 5, 4), True),  # the usual first Monday of May, 2020: a working day
        (date(2022, 9, 19), False),  # State Funeral of Queen Elizabeth II
        (date(2023, 5, 8), False),  # Coronation of King Charles III
    ],
)
def test_is_working_day(day: date, expected: bool) -> None:
    assert is_working_day(day) is expected


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # FIGURES.md: Sat is not a working day, so Mon 6 Jan is day 1; 4 weeks of 5 -> Fri 31 Jan.
        (date(2025, 1, 4), 20, date(2025, 1, 31)),
        # FIGURES.md: Mon 6 Jan is day 0; Tue 7-Fri 10 = 4, +5+5+5 = 19 by Fri 31, Mon 3 Feb = 20.
        (date(2025, 1, 6), 20, date(2025, 2, 3)),
        # FIGURES.md: 22,23,24 Dec = 3; skip Fri 25, Mon 28 (Boxing Day substitute);
        # 29,30,31 = 6; skip Fri 1 Jan; 4-8 Jan = 11; 11,12,13,14 = 15 -> Thu 14 Jan 2016.
        (date(2015, 12, 21), 15, date(2016, 1, 14)),
        # DfE specimen: S47ActualStartDate 1970-06-02 (Tue), InitialCPCtarget 1970-06-23.
        # 3-5 Jun = 3, 8-12 = 8, 15-19 = 13, Mon 22 = 14, Tue 23 = 15.
        (date(1970, 6, 2), 15, date(1970, 6, 23)),
        # 8-11 Dec = 4, 14-18 = 9, 21-24 = 13, skip 25 and Mon 28 (Boxing Day substitute),
        # 29-31 = 16, skip 1 Jan, Mon 4 = 17, Tue 5 = 18, Wed 6 = 19, Thu 7 Jan 2016 = 20.
        (date(2015, 12, 7), 20, date(2016, 1, 7)),
        # A bank holiday start (Christmas Day 2015, a Friday): Tue 29 Dec is day 1, so
        # day 15 is Tue 19 Jan 2016 (29,30,31 | 4-8 | 11-15 | 18,19).
        (date(2015, 12, 25), 15, date(2016, 1, 19)),
        # Easter 2016: Good Friday 25 Mar and Easter Monday 28 Mar; Thu 24 Mar + 1 = Tue 29 Mar.
        (date(2016, 3, 24), 1, date(2016, 3, 29)),
        # Thu 2 Jun 2016: 3 = 1, 6-10 = 6, 13-17 = 11, 20-23 = 15 (no holiday between).
        (date(2016, 6, 2), 15, date(2016, 6, 23)),
        # Easter 2021: Thu 1 Apr is day 0; Good Friday 2 Apr and Easter Monday 5 Apr skipped.
        (date(2021, 4, 1), 1, date(2021, 4, 6)),
        # Christmas 2021 falls at a weekend: substitutes Mon 27 and Tue 28 Dec.
        (date(2021, 12, 24), 1, date(2021, 12, 29)),
        # New Year 2022 is a Saturday: substitute Mon 3 Jan.
        (date(2021, 12, 31), 1, date(2022, 1, 4)),
        # Christmas 2022 is a Sunday: Boxing Day Mon 26, Christmas substitute Tue 27.
        (date(2022, 12, 23), 1, date(2022, 12, 28)),
        # New Year 2023 is a Sunday: substitute Mon 2 Jan.
        (date(2022, 12, 30), 1, date(2023, 1, 3)),
        # Early May bank holiday moved to Fri 8 May 2020 (VE Day).
        (date(2020, 5, 7), 1, date(2020, 5, 11)),
        # State Funeral Mon 19 Sep 2022.
        (date(2022, 9, 16), 1, date(2022, 9, 20)),
        # Coronation Mon 8 May 2023.
        (date(2023, 5, 5), 1, date(2023, 5, 9)),
        # 29 Feb 2024 is a working day: Wed 28 Feb + 1.
        (date(2024, 2, 28), 1, date(2024, 2, 29)),
        # Mon 26 Feb 2024 + 5: 27, 28, 29 Feb, Fri 1 Mar, Mon 4 Mar.
        (date(2024, 2, 26), 5, date(2024, 3, 4)),
        # Day 0 is the start itself, even when it is not a working day.
        (date(2025, 1, 4), 0, date(2025, 1, 4)),
        # Counting back: the 20th working day before Mon 3 Feb 2025 is Mon 6 Jan 2025.
        (date(2025, 2, 3), -20, date(2025, 1, 6)),
        # Counting back from a Sunday: the first working day before it is day -1.
        (date(2025, 1, 5), -1, date(2025, 1, 3)),
        # Counting back over Easter Monday 2025 (21 Apr) and Good Friday (18 Apr).
        (date(2025, 4, 22), -1, date(2025, 4, 17)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n) == expected
    holidays_list = bank_holidays_covering([start, expected])
    expr = add_working_days_expr(pl.col("start"), n, holidays_list)
    assert polars_form(expr, start=[start]) == [expected]


@settings(max_examples=100, deadline=None)
@given(starts=st.lists(dates, min_size=1, max_size=20), n=st.integers(-70, 70))
def test_add_working_days_agrees_with_polars(starts: list[date], n: int) -> None:
    # Counting back may reach the year before the earliest start.
    holidays_list = england_bank_holidays(min(starts).year - 1, max(starts).year + 1)
    expr = add_working_days_expr(pl.col("start"), n, holidays_list)
    assert polars_form(expr, start=starts) == [add_working_days(start, n) for start in starts]


def test_add_working_days_expr_keeps_a_missing_date_missing() -> None:
    expr = add_working_days_expr(pl.col("start"), 20, england_bank_holidays(2025, 2026))
    assert polars_form(expr, start=[None, date(2025, 1, 4)]) == [None, date(2025, 1, 31)]


@pytest.mark.parametrize(
    ("days", "first", "last"),
    [
        ([date(2015, 6, 1), None, date(2017, 1, 1)], date(2015, 1, 1), date(2018, 12, 26)),
        ([date(2016, 3, 31)], date(2016, 1, 1), date(2017, 12, 26)),
    ],
)
def test_bank_holidays_covering_runs_to_a_year_after_the_latest(
    days: list[date | None], first: date, last: date
) -> None:
    covering = bank_holidays_covering(days)
    assert (covering[0], covering[-1]) == (first, last)


def test_bank_holidays_covering_nothing_is_empty() -> None:
    assert bank_holidays_covering([None, None]) == []


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 1, 4), date(2025, 1, 31), 20),  # inverse of Sat 4 Jan + 20
        (date(2025, 1, 6), date(2025, 2, 3), 20),  # inverse of Mon 6 Jan + 20
        (date(2015, 12, 21), date(2016, 1, 14), 15),  # inverse of the Christmas 2015 example
        # Sat 1 Feb 2025 is after the Fri 31 Jan deadline: counts as Mon 3 Feb, day 21.
        (date(2025, 1, 4), date(2025, 2, 1), 21),
        (date(2025, 1, 6), date(2025, 1, 6), 0),  # same day
        (date(2025, 1, 4), date(2025, 1, 5), 1),  # Sat to Sun: not within 0, within 1
        # Fri 24 Dec 2021 to Wed 29 Dec: Mon 27 and Tue 28 are substitute holidays.
        (date(2021, 12, 24), date(2021, 12, 29), 1),
        # Fri 24 Dec 2021 to Tue 28 Dec (a holiday): counts as Wed 29, day 1.
        (date(2021, 12, 24), date(2021, 12, 28), 1),
        # end before start: minus the count the other way round.
        (date(2025, 1, 31), date(2025, 1, 4), -20),
        (date(2025, 2, 1), date(2025, 1, 4), -21),
    ],
)
def test_working_days_between(start: date, end: date, expected: int) -> None:
    assert working_days_between(start, end) == expected
    expr = working_days_between_expr(
        pl.col("start"), pl.col("end"), bank_holidays_covering([start, end])
    )
    assert polars_form(expr, start=[start], end=[end]) == [expected]


@settings(max_examples=100, deadline=None)
@given(pairs=st.lists(st.tuples(dates, st.integers(-400, 400)), min_size=1, max_size=20))
def test_working_days_between_agrees_with_polars(pairs: list[tuple[date, int]]) -> None:
    starts = [start for start, _ in pairs]
    ends = [start + timedelta(days=gap) for start, gap in pairs]
    holidays_list = bank_holidays_covering([*starts, *ends])
    expr = working_days_between_expr(pl.col("start"), pl.col("end"), holidays_list)
    expected = [working_days_between(s, e) for s, e in zip(starts, ends, strict=True)]
    assert polars_form(expr, start=starts, end=ends) == expected


def test_working_days_between_expr_keeps_a_missing_date_missing() -> None:
    expr = working_days_between_expr(
        pl.col("start"), pl.col("end"), england_bank_holidays(2016, 2016)
    )
    # Thu 24 Mar 2016 to Tue 29 Mar: Good Friday and Easter Monday between, so 1.
    got = polars_form(expr, start=[date(2016, 3, 24), None], end=[date(2016, 3, 29)] * 2)
    assert got == [1, None]


def _brute_force_count(start: date, end: date) -> int:
    # The definition, day by day: working days after start up to and including end,
    # a non-working end counting as the next working day.
    count = sum(is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))
    return count + (end > start and not is_working_day(end))


@settings(max_examples=300, deadline=None)
@given(start=dates, n=st.integers(min_value=0, max_value=70), gap=st.integers(0, 120))
def test_within_n_working_days_matches_count(start: date, n: int, gap: int) -> None:
    end = start + timedelta(days=gap)
    assert (end <= add_working_days(start, n)) == (working_days_between(start, end) <= n)


@settings(max_examples=200, deadline=None)
@given(start=dates, n=st.integers(min_value=0, max_value=70))
def test_count_inverts_add(start: date, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n)) == n


@settings(max_examples=200, deadline=None)
@given(start=dates, gap=st.integers(0, 800))
def test_count_matches_day_by_day_definition(start: date, gap: int) -> None:
    end = start + timedelta(days=gap)
    assert working_days_between(start, end) == _brute_force_count(start, end)
    assert working_days_between(end, start) == -working_days_between(start, end)


def test_england_bank_holidays_lists_weekday_holidays_in_order() -> None:
    # gov.uk england-and-wales, 2022 and 2023: substitutes in place of weekend days.
    assert england_bank_holidays(2022, 2023) == [
        date(2022, 1, 3),  # New Year substitute (Sat 1 Jan)
        date(2022, 4, 15),
        date(2022, 4, 18),
        date(2022, 5, 2),
        date(2022, 6, 2),  # spring bank holiday moved for the Platinum Jubilee
        date(2022, 6, 3),  # Platinum Jubilee
        date(2022, 8, 29),
        date(2022, 9, 19),  # State Funeral
        date(2022, 12, 26),
        date(2022, 12, 27),  # Christmas substitute (Sun 25 Dec)
        date(2023, 1, 2),  # New Year substitute (Sun 1 Jan)
        date(2023, 4, 7),
        date(2023, 4, 10),
        date(2023, 5, 1),
        date(2023, 5, 8),  # Coronation
        date(2023, 5, 29),
        date(2023, 8, 28),
        date(2023, 12, 25),
        date(2023, 12, 26),
    ]


def test_england_bank_holidays_returns_a_fresh_list() -> None:
    first = england_bank_holidays(2016, 2016)
    first.clear()
    assert len(england_bank_holidays(2016, 2016)) == 8  # eight bank holidays in England


def test_england_bank_holidays_rejects_a_reversed_range() -> None:
    with pytest.raises(ValueError, match="before"):
        england_bank_holidays(2024, 2023)


def test_a_one_off_bank_holiday_is_added_on_a_weekday_only() -> None:
    one_offs = {date(2031, 6, 6): "test Friday", date(2031, 6, 7): "test Saturday"}
    days = bank_holidays_in_year(2031, one_offs)
    assert date(2031, 6, 6) in days
    assert date(2031, 6, 7) not in days
    assert date(2031, 6, 6) not in bank_holidays_in_year(2031, {})


def test_one_off_overrides_are_not_yet_in_the_package() -> None:
    # Reminder to drop an override once an upgraded `holidays` release carries it.
    for day in ONE_OFF_BANK_HOLIDAYS:
        assert day not in holidays.country_holidays("GB", subdiv="ENG", years=day.year)


@pytest.mark.parametrize(
    ("today", "due", "left"),
    [
        (date(2016, 3, 15), date(2016, 3, 25), 7),  # to Good Friday: counts to Thu 24 Mar
        (date(2016, 3, 15), date(2016, 3, 24), 7),
        (date(2016, 3, 25), date(2016, 3, 25), 0),  # due on the holiday itself: today
        (date(2016, 3, 26), date(2016, 3, 28), 0),  # Sat, to Easter Monday: nothing left
        (date(2016, 3, 24), date(2016, 3, 29), 1),  # over Easter: Tue 29 Mar only
        (date(2022, 12, 21), date(2022, 12, 25), 2),  # to Christmas Day (a Sunday): Fri 23 Dec
        (date(2016, 2, 26), date(2016, 2, 29), 1),  # over a weekend to a leap day
        (date(2016, 3, 29), date(2016, 3, 24), -1),  # one working day overdue
        (date(2016, 3, 29), date(2016, 3, 25), -1),  # due on Good Friday, Tue 29th: one overdue
    ],
)
def test_working_days_left_count_to_the_deadline_s_working_day(today, due, left):
    assert working_days_left(today, due) == left


def test_the_last_working_day_by_a_deadline():
    assert last_working_day_by(date(2016, 3, 28)) == date(2016, 3, 24)  # Easter Monday
    assert last_working_day_by(date(2016, 3, 24)) == date(2016, 3, 24)
