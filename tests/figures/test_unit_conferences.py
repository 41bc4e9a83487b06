"""`unit.rcpc.conferences.*`: review conferences per conference (siblings share one), in
timescale when every child's census review conference that day is (FIGURES.md's rule, from the
figures engine), unmatched when a child has none that day."""

from __future__ import annotations

from datetime import date

import pytest

from iru.data.dataset import Dataset
from iru.figures import prepare
from iru.figures.unit import UnitDataset, unit_figures
from tests.figures.builders import cp_reviews, dataset, plans
from tests.figures.unit_builders import rows, year_of

YE = date(2016, 3, 31)

# The census: siblings A and B, plan from 31/08/2015, reviewed 30/11/2015 (due 31/08 + 3 months
# = 30/11: in timescale). C, plan from 01/12/2015, reviewed 01/03/2016 (due 01/03: in).
# D, plan from 31/05/2015, reviewed 31/08/2015 (in) and 01/03/2016 (due 31/08 + 6 months =
# 29/02/2016: late). E's plan has no review on 02/03/2016.
CENSUS = dataset(
    cp_plans=plans(
        ("A", "31/08/2015", None),
        ("B", "31/08/2015", None),
        ("C", "01/12/2015", None),
        ("D", "31/05/2015", None),
        ("E", "01/12/2015", None),
    ),
    cp_reviews=cp_reviews(
        ("A", "31/08/2015", "30/11/2015"),
        ("B", "31/08/2015", "30/11/2015"),
        ("C", "01/12/2015", "01/03/2016"),
        ("D", "31/05/2015", "31/08/2015"),
        ("D", "31/05/2015", "01/03/2016"),
    ),
)

UNIT = UnitDataset(
    meetings=rows(
        "meetings",
        (1, "rcpc", "30/11/2015"),  # A and B: one conference, in timescale
        (2, "rcpc", "01/03/2016"),  # C in, D late: not in timescale
        (3, "rcpc", "02/03/2016"),  # E: no census review that day
        (4, "rcpc", "03/03/2016"),  # covers no child
        (5, "rcpc", "01/03/2016", None, None, None, "29/02/2016"),  # cancelled
        (6, "icpc", "30/11/2015"),  # not a review conference
    ),
    meeting_children=rows(
        "meeting_children",
        (1, "A"),
        (1, "B"),
        (2, "C"),
        (2, "D"),
        (3, "E"),
        (5, "C"),
        (6, "A"),
    ),
)


@pytest.mark.parametrize("returns", [CENSUS, prepare(CENSUS)], ids=["dataset", "prepared"])
def test_review_conferences_per_conference_with_the_census_timeliness(returns):
    conferences = year_of(unit_figures(UNIT, returns, YE))["rcpc"]["conferences"]
    assert conferences["by_month"]["2015-11"] == {"held": 1, "in_timescale": 1, "unmatched": 0}
    assert conferences["by_month"]["2016-03"] == {"held": 3, "in_timescale": 0, "unmatched": 2}
    assert conferences["by_month"]["2015-08"] == {"held": 0, "in_timescale": 0, "unmatched": 0}
    assert conferences["total"] == {"held": 4, "in_timescale": 1, "unmatched": 2}
    # In timescale over the conferences matched: 4 held - 2 unmatched.
    assert conferences["in_timescale"] == {"numerator": 1, "denominator": 2, "percent": 50.0}


def test_a_child_with_two_plans_reviewed_the_same_day_is_in_timescale_only_if_both_are():
    # F has two plans, each reviewed on 01/03/2016: the older one late (due 29/02/2016).
    census = dataset(
        cp_plans=plans(("F", "31/05/2015", None), ("F", "01/12/2015", None)),
        cp_reviews=cp_reviews(
            ("F", "31/05/2015", "31/08/2015"),
            ("F", "31/05/2015", "01/03/2016"),
            ("F", "01/12/2015", "01/03/2016"),
        ),
    )
    unit = UnitDataset(
        meetings=rows("meetings", (1, "rcpc", "01/03/2016")),
        meeting_children=rows("meeting_children", (1, "F")),
    )
    total = year_of(unit_figures(unit, census, YE))["rcpc"]["conferences"]["total"]
    assert total == {"held": 1, "in_timescale": 0, "unmatched": 0}


def test_without_a_census_every_conference_is_unmatched():
    conferences = year_of(unit_figures(UNIT, Dataset(), YE))["rcpc"]["conferences"]
    assert conferences["total"] == {"held": 4, "in_timescale": 0, "unmatched": 4}
    assert conferences["in_timescale"]["percent"] is None
