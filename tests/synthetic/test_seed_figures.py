"""The default scale's 2015-16 counts land near the seed's (annual report 2015-16)."""

from datetime import date

import pytest

from iru.rules.timescales import icpc_due, rcpc_due
from tests.synthetic import counts

YEAR_START, YEAR_END = date(2015, 4, 1), date(2016, 3, 31)


@pytest.fixture(scope="module")
def episodes(default):
    return counts.episodes(default)


def test_looked_after_at_the_year_start_and_end(episodes):
    assert 260 <= counts.looked_after_on(episodes, date(2015, 3, 31)) <= 360  # seed 310
    assert 240 <= counts.looked_after_on(episodes, YEAR_END) <= 330  # seed 283


def test_started_and_ceased(episodes):
    assert 65 <= counts.started(episodes, YEAR_START, YEAR_END) <= 105  # seed 83
    assert 85 <= counts.ceased(episodes, YEAR_START, YEAR_END) <= 140  # seed 110


def test_reviews_held(default):
    assert 740 <= counts.reviews_held(default, YEAR_START, YEAR_END) <= 1020  # seed 882


def test_children_on_plans_at_the_year_end(default):
    assert 210 <= counts.on_plans_at(default, 2016, YEAR_END) <= 320  # seed 267


def test_initial_conferences_and_their_timeliness(default):
    held, pairs = counts.icpcs_held(default, 2016, YEAR_START, YEAR_END)
    assert 230 <= held <= 340  # seed 286
    on_time = sum(icpc <= icpc_due(s47) for s47, icpc in pairs)
    assert 0.75 <= on_time / held <= 0.97  # seed 88%


def test_review_conferences_are_almost_all_in_timescale(default):
    # Review dates of plans starting in 2015-16 are all in the 2016 and 2017 censuses.
    by_plan: dict[date, list[date]] = {}
    for year in (2016, 2017):
        for start, _end, reviews, _previous in counts.plans(default, year):
            if YEAR_START <= start <= YEAR_END:
                by_plan.setdefault(start, []).extend(reviews)
    held = on_time = 0
    for start, reviews in by_plan.items():
        earlier: list[date] = []
        for review in sorted(set(reviews)):
            held += 1
            on_time += review <= rcpc_due(start, earlier)
            earlier.append(review)
    assert held > 100
    assert on_time / held >= 0.97  # seed 99%


def test_some_plans_are_second_or_subsequent(default):
    started = [
        previous
        for start, _end, _reviews, previous in counts.plans(default, 2016)
        if YEAR_START <= start <= YEAR_END
    ]
    assert 0.04 <= sum(p > 0 for p in started) / len(started) <= 0.2  # seed 11.2%
