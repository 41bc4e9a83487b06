"""The unit's meetings in 2015-16 land near the seed's (default scale, seed 2016).

The seed: "On average each month 73 statutory review meetings take place and 49 child protection
conferences take place"; 286 initial conferences counted per child (267 made subject to a plan,
11 not, 7 change of category, 1 child died) and 299 review conferences counted per conference.
Its 49 a month is (286 + 299) / 12: initial conferences per child, review conferences per
conference (docs/synthetic.md).
"""

import pytest

from tests.synthetic.calibration import Calibration, measure


@pytest.fixture(scope="module")
def year(default) -> Calibration:
    return measure(default, 2015)


def test_reviews_per_month_are_the_seeds(year):
    assert 73 - 8 <= year.reviews_per_month <= 73 + 8
    assert year.meetings["lac_review"] == year.lac_reviews_in_ssda903  # one meeting a review
    assert len(year.meetings_by_month) == 12
    assert all(40 <= month["lac_review"] <= 120 for month in year.meetings_by_month.values())


def test_initial_conferences_counted_per_child_are_the_seeds(year):
    assert 286 - 30 <= year.icpc_children <= 286 + 30
    assert year.icpc_children == year.icpc_children_in_census  # each child's Section47 ICPC


def test_review_conferences_counted_per_conference_are_the_seeds(year):
    assert 299 - 30 <= year.meetings["rcpc"] <= 299 + 30
    # the census counts each child's review: a family's siblings share a conference
    assert 2.0 <= year.rcpc_child_reviews_in_census / year.meetings["rcpc"] <= 2.8


def test_conferences_per_month_as_the_seed_counts_them(year):
    assert 49 - 5 <= year.conferences_per_month_as_the_seed <= 49 + 5
    # as meetings (a family's initial conference once too), fewer
    assert year.conference_meetings_per_month < year.conferences_per_month_as_the_seed


def test_initial_conference_outcomes_are_in_the_seeds_proportions(year):
    outcomes = year.icpc_children_by_outcome
    assert outcomes["plan"] / year.icpc_children >= 0.88  # seed 267 of 286
    assert 0.01 <= outcomes["no_plan"] / year.icpc_children <= 0.08  # seed 11


def test_the_rarer_outcomes_over_the_years(default):
    years = [measure(default, start) for start in range(2012, 2026)]
    changed = sum(y.icpc_children_by_outcome.get("change_of_category", 0) for y in years)
    died = sum(y.icpc_children_by_outcome.get("child_died", 0) for y in years)
    assert 3 <= changed / len(years) <= 14  # seed 7 in 2015-16
    assert 0.2 <= died / len(years) <= 3  # seed 1
