"""The JSON shapes: percentages, breakdowns, nesting."""

from __future__ import annotations

import pytest

from iru.figures.output import (
    code_breakdown,
    cumulative,
    fixed_breakdown,
    nest,
    percent,
    quotient,
    ratio,
)


@pytest.mark.parametrize(
    ("n", "d", "p"),
    [
        (2, 3, 66.7),
        (1, 3, 33.3),
        (1, 8, 12.5),
        (1, 16, 6.3),  # 6.25 rounds half up (not to even)
        (1, 80, 1.3),  # 1.25
        (3, 16, 18.8),  # 18.75
        (1, 400, 0.3),  # 0.25
        (0, 5, 0.0),
        (5, 5, 100.0),
    ],
)
def test_percent_rounds_half_up_to_one_decimal(n, d, p):
    assert percent(n, d) == p


@pytest.mark.parametrize(
    ("n", "d", "q"),
    [
        (3, 12, 0.3),  # 0.25: half-up, where round() would give 0.2
        (41, 4, 10.3),  # 10.25
        (7, 12, 0.6),  # 0.583
        (11, 12, 0.9),  # 0.917
        (874, 12, 72.8),  # 72.83
        (0, 12, 0.0),
        (5, 0, None),
    ],
)
def test_quotient_rounds_half_up_to_one_decimal(n, d, q):
    assert quotient(n, d) == q


def test_a_zero_denominator_gives_null():
    assert ratio(0, 0) == {"numerator": 0, "denominator": 0, "percent": None}


def test_fixed_lists_list_every_member_and_unknown_only_when_it_occurs():
    assert fixed_breakdown({"a": 2}, ("a", "b")) == {"a": 2, "b": 0}
    assert fixed_breakdown({"unknown": 1}, ("a",)) == {"a": 0, "unknown": 1}


def test_code_breakdowns_list_the_codes_that_occur():
    assert code_breakdown({"WBRI": 2, "unknown": 1, "AIND": 1}) == {
        "AIND": 1,
        "WBRI": 2,
        "unknown": 1,
    }


def test_cumulative_and_nest():
    assert cumulative(["a", "b", "c"], {"a": 1, "c": 2}) == {"a": 1, "b": 1, "c": 3}
    assert nest({"lac.at_year_end": 3, "lac.x": 1, "cp.icpc": {"held": 1}}) == {
        "lac": {"at_year_end": 3, "x": 1},
        "cp": {"icpc": {"held": 1}},
    }
