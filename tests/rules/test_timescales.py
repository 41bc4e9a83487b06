"""Due dates: for the rules the figures count, the scalar and the polars form on the same
examples (a one-row frame of each example, compared with the scalar form's answer)."""

from datetime import date

import polars as pl
import pytest

from iru.rules.calendar import bank_holidays_covering
from iru.rules.timescales import (
    dispute_resolution_deadline,
    dispute_stage_response_due,
    first_lac_review_due,
    icpc_due,
    icpc_due_expr,
    iro_appointment_due,
    lac_review_due,
    lac_review_due_expr,
    rag_response_due,
    rcpc_due,
    rcpc_due_expr,
)
from tests.rules.forms import polars_form

RANK, START, PREVIOUS = pl.col("rank"), pl.col("start"), pl.col("previous")


def _as_columns(start: date, previous: list[date]) -> dict[str, list[int] | list[date | None]]:
    """The polars forms' inputs for the next review after `previous`: its rank (a repeated date
    is one review) and the review before it."""
    reviews = sorted(set(previous))
    return {"rank": [len(reviews)], "start": [start], "previous": [max(reviews, default=None)]}


@pytest.mark.parametrize(
    ("period_start", "expected"),
    [
        # 20 WD over Christmas 2015: Boxing Day substitute Mon 28 Dec -> Thu 7 Jan 2016.
        (date(2015, 12, 7), date(2016, 1, 7)),
        # Starting on a Saturday: Mon 6 Jan is day 1 -> Fri 31 Jan 2025.
        (date(2025, 1, 4), date(2025, 1, 31)),
    ],
)
def test_first_lac_review_due(period_start: date, expected: date) -> None:
    assert first_lac_review_due(period_start) == expected


@pytest.mark.parametrize(
    ("period_start", "previous", "expected"),
    [
        # No review yet: 20 working days (reg 33(1)).
        (date(2015, 12, 7), [], date(2016, 1, 7)),
        # A Saturday start: Mon 6 Jan is day 1 -> Fri 31 Jan 2025.
        (date(2025, 1, 4), [], date(2025, 1, 31)),
        # Fri 16 Sep 2022, skipping Mon 19 (State Funeral): 20-23 = 4, 26-30 = 9, 3-7 Oct = 14,
        # 10-14 = 19, Mon 17 Oct = 20.
        (date(2022, 9, 16), [], date(2022, 10, 17)),
        # Thu 17 Apr 2025, skipping Good Friday, Easter Monday and Mon 5 May: 22-25 = 4,
        # 28 Apr-2 May = 9, 6-9 = 13, 12-16 = 18, 19 = 19, Tue 20 May = 20.
        (date(2025, 4, 17), [], date(2025, 5, 20)),
        # Fri 5 May 2023, skipping Mon 8 (Coronation) and Mon 29 May: 9-12 = 4, 15-19 = 9,
        # 22-26 = 14, 30 May-2 Jun = 18, 5 = 19, Tue 6 Jun = 20.
        (date(2023, 5, 5), [], date(2023, 6, 6)),
        # One review: 3 months after it (reg 33(2)); 31 Aug + 3 = 30 Nov.
        (date(2015, 8, 1), [date(2015, 8, 31)], date(2015, 11, 30)),
        # Two reviews: 6 months after the later; 31 Aug 2015 + 6 = 29 Feb 2016 (leap).
        (date(2015, 6, 1), [date(2015, 7, 1), date(2015, 8, 31)], date(2016, 2, 29)),
        # 31 Aug 2016 + 6 = 28 Feb 2017 (common year).
        (date(2016, 6, 1), [date(2016, 7, 1), date(2016, 8, 31)], date(2017, 2, 28)),
        # Any order, and a repeated date is one review: still two reviews.
        (
            date(2015, 6, 1),
            [date(2015, 8, 31), date(2015, 7, 1), date(2015, 8, 31)],
            date(2016, 2, 29),
        ),
        # The same review recorded twice is the first review: + 3 months.
        (date(2015, 8, 1), [date(2015, 8, 31), date(2015, 8, 31)], date(2015, 11, 30)),
        # Three reviews: 6 months after the last; 30 Nov 2016 + 6 = 30 May 2017.
        (
            date(2015, 12, 7),
            [date(2016, 1, 6), date(2016, 4, 6), date(2016, 11, 30)],
            date(2017, 5, 30),
        ),
    ],
)
def test_lac_review_due(period_start: date, previous: list[date], expected: date) -> None:
    assert lac_review_due(period_start, previous) == expected
    holidays = bank_holidays_covering([period_start])
    expr = lac_review_due_expr(RANK, START, PREVIOUS, holidays)
    assert polars_form(expr, **_as_columns(period_start, previous)) == [expected]


@pytest.mark.parametrize(
    ("period_start", "previous", "expected"),
    [
        # Short breaks (reg 48): first within 3 months of the start; 30 Nov + 3 = 29 Feb 2016.
        (date(2015, 11, 30), [], date(2016, 2, 29)),
        # Short breaks: then 6 months, also after the first review; 31 Aug 2015 + 6 = 29 Feb.
        (date(2015, 8, 1), [date(2015, 8, 31)], date(2016, 2, 29)),
    ],
)
def test_lac_review_due_for_short_breaks(
    period_start: date, previous: list[date], expected: date
) -> None:
    # Scalar only: the figures leave V3/V4 episodes out (FIGURES.md "Short breaks").
    assert lac_review_due(period_start, previous, short_breaks=True) == expected


def test_lac_review_due_rejects_a_review_before_the_period() -> None:
    with pytest.raises(ValueError, match="before the start"):
        lac_review_due(date(2016, 1, 1), [date(2015, 12, 31)])


@pytest.mark.parametrize(
    ("strategy_discussion", "expected"),
    [
        (date(1970, 6, 2), date(1970, 6, 23)),  # DfE specimen InitialCPCtarget
        (date(2015, 12, 21), date(2016, 1, 14)),  # FIGURES.md Christmas example
        # Fri 16 Sep 2022; skip Mon 19 (State Funeral): 20-23 = 4, 26-30 = 9, 3-7 Oct = 14,
        # Mon 10 Oct = 15.
        (date(2022, 9, 16), date(2022, 10, 10)),
    ],
)
def test_icpc_due(strategy_discussion: date, expected: date) -> None:
    assert icpc_due(strategy_discussion) == expected
    expr = icpc_due_expr(START, bank_holidays_covering([strategy_discussion]))
    assert polars_form(expr, start=[strategy_discussion]) == [expected]


@pytest.mark.parametrize(
    ("start", "previous", "expected"),
    [
        (date(2015, 11, 30), [], date(2016, 2, 29)),  # first review: 3 months, clipped
        (date(2015, 11, 30), [date(2016, 2, 29)], date(2016, 8, 29)),  # then 6 months
        # 29 Aug 2016 + 6 months: no 29 Feb in 2017 -> 28 Feb 2017.
        (date(2015, 11, 30), [date(2016, 2, 29), date(2016, 8, 29)], date(2017, 2, 28)),
        # Unordered input: the latest review counts.
        (date(2015, 11, 30), [date(2016, 8, 29), date(2016, 2, 29)], date(2017, 2, 28)),
        # 31 Aug 2015 + 3 = 30 Nov; a third review, 6 months after 31 Aug 2016: 28 Feb 2017.
        (date(2015, 8, 31), [], date(2015, 11, 30)),
        (date(2015, 8, 31), [date(2015, 11, 30), date(2016, 8, 31)], date(2017, 2, 28)),
    ],
)
def test_rcpc_due(start: date, previous: list[date], expected: date) -> None:
    assert rcpc_due(start, previous) == expected
    expr = rcpc_due_expr(RANK, START, PREVIOUS)
    assert polars_form(expr, **_as_columns(start, previous)) == [expected]


def test_rcpc_due_rejects_a_review_before_the_plan() -> None:
    with pytest.raises(ValueError, match="before the start"):
        rcpc_due(date(2016, 1, 1), [date(2015, 12, 1)])


@pytest.mark.parametrize(
    ("period_start", "expected"),
    [
        # Wed 23 Dec 2015: Thu 24 = 1, (25, 28 holidays) 29 = 2, 30 = 3, 31 = 4, Mon 4 Jan = 5.
        (date(2015, 12, 23), date(2016, 1, 4)),
        # Sun 5 Jan 2025: Mon 6 = 1 ... Fri 10 = 5.
        (date(2025, 1, 5), date(2025, 1, 10)),
    ],
)
def test_iro_appointment_due(period_start: date, expected: date) -> None:
    assert iro_appointment_due(period_start) == expected


def test_dispute_resolution_deadline() -> None:
    # Mon 7 Dec 2015 + 20 WD over Christmas = Thu 7 Jan 2016.
    assert dispute_resolution_deadline(date(2015, 12, 7)) == date(2016, 1, 7)


@pytest.mark.parametrize(
    ("stage_started", "working_days", "expected"),
    [
        # Raised Mon 7 Dec 2015 (overall deadline Thu 7 Jan 2016).
        (date(2015, 12, 7), 5, date(2015, 12, 14)),  # first stage: 8-11 = 4, Mon 14 = 5
        # 15-18 = 4, 21-24 = 8, (25, 28 holidays) 29 = 9, 30 = 10 -> Wed 30 Dec.
        (date(2015, 12, 14), 10, date(2015, 12, 30)),
        # Tue 5 Jan 2016 + 5 = Tue 12 Jan, but the overall deadline Thu 7 Jan comes first.
        (date(2016, 1, 5), 5, date(2016, 1, 7)),
    ],
)
def test_dispute_stage_response_due(stage_started: date, working_days: int, expected: date) -> None:
    assert dispute_stage_response_due(stage_started, date(2015, 12, 7), working_days) == expected


def test_dispute_stage_response_due_defaults_to_five_working_days() -> None:
    assert dispute_stage_response_due(date(2015, 12, 7), date(2015, 12, 7)) == date(2015, 12, 14)


def test_dispute_stage_cannot_start_before_the_dispute() -> None:
    with pytest.raises(ValueError, match="before the dispute"):
        dispute_stage_response_due(date(2015, 12, 4), date(2015, 12, 7))


@pytest.mark.parametrize(
    ("sent", "rating", "expected"),
    [
        # Thu 24 Dec 2015: (25, 28 holidays) 29 = 1, 30 = 2, 31 = 3, (1 Jan) 4 = 4, Tue 5 Jan = 5.
        (date(2015, 12, 24), "red", date(2016, 1, 5)),
        (date(2015, 12, 24), " Amber ", date(2016, 1, 5)),  # trimmed, any case
        (date(2015, 12, 24), "green", None),  # green needs no response
        (date(2015, 12, 24), "GREEN", None),
    ],
)
def test_rag_response_due(sent: date, rating: str, expected: date | None) -> None:
    assert rag_response_due(sent, rating) == expected


def test_rag_response_due_rejects_an_unknown_rating() -> None:
    with pytest.raises(ValueError, match="unknown RAG rating"):
        rag_response_due(date(2016, 1, 4), "purple")
