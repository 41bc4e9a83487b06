"""`unit.meetings.*` and `unit.icpc.outcomes.*`: meetings held, by month, on average a month,
and the children at initial conferences by outcome (docs/figures.md "The unit's own records")."""

from __future__ import annotations

from datetime import date

from iru.data.dataset import Dataset
from iru.figures.unit import UnitDataset, unit_figures
from tests.figures.unit_builders import rows, year_of

YE = date(2016, 3, 31)


def figures(unit: UnitDataset, year_end: date = YE) -> dict:
    return year_of(unit_figures(unit, Dataset(), year_end))


def test_siblings_share_one_meeting_and_a_cancelled_meeting_never_counts():
    unit = UnitDataset(
        meetings=rows(
            "meetings",
            (1, "rcpc", "01/04/2015"),  # YS: in the year, three siblings
            (2, "rcpc", "15/04/2015", None, None, None, "10/04/2015"),  # cancelled
            (3, "lac_review", "31/03/2016"),  # YE: in the year
            (4, "lac_review", "31/03/2015"),  # the day before YS
            (5, "icpc", "01/04/2016"),  # the day after YE
        ),
        meeting_children=rows(
            "meeting_children", (1, "A"), (1, "B"), (1, "C"), (2, "A"), (3, "D"), (4, "D")
        ),
    )
    meetings = figures(unit)["meetings"]
    assert meetings["held"] == {"lac_review": 1, "icpc": 0, "rcpc": 1}
    assert meetings["by_month"]["2015-04"] == {"lac_review": 0, "icpc": 0, "rcpc": 1}
    assert meetings["by_month"]["2016-03"] == {"lac_review": 1, "icpc": 0, "rcpc": 0}
    assert list(meetings["by_month"]) == [f"2015-{m:02d}" for m in range(4, 13)] + [
        "2016-01",
        "2016-02",
        "2016-03",
    ]


def test_the_average_a_month_is_rounded_half_up_and_conferences_are_both_kinds():
    # 3 reviews / 12 = 0.25 -> 0.3 (half-up, where half-even would give 0.2);
    # 7 ICPCs + 11 RCPCs = 18 conferences / 12 = 1.5; 7 / 12 = 0.583 -> 0.6; 11 / 12 = 0.917.
    held = [("lac_review", 3), ("icpc", 7), ("rcpc", 11)]
    unit = UnitDataset(
        meetings=rows(
            "meetings",
            *[
                (n * 100 + i, kind, date(2015, 4 + i % 9, 1 + i))
                for n, (kind, count) in enumerate(held)
                for i in range(count)
            ],
        )
    )
    average = figures(unit)["meetings"]["average_per_month"]
    assert average == {"lac_review": 0.3, "icpc": 0.6, "rcpc": 0.9, "conferences": 1.5}


def test_a_year_ending_29_february_holds_its_last_day_and_not_28_february_a_year_before():
    unit = UnitDataset(
        meetings=rows(
            "meetings",
            (1, "lac_review", "29/02/2016"),
            (2, "lac_review", "28/02/2015"),  # before YS 1 March 2015
            (3, "lac_review", "01/03/2015"),
        )
    )
    meetings = figures(unit, date(2016, 2, 29))["meetings"]
    assert meetings["held"]["lac_review"] == 2
    assert meetings["by_month"]["2016-02"]["lac_review"] == 1
    assert meetings["by_month"]["2015-03"]["lac_review"] == 1


def test_a_year_ending_28_february_2017_starts_on_29_february_2016_counted_in_march():
    # YE 28 Feb 2017 - 1 year = 28 Feb 2016 (clipped), + 1 day = YS 29 Feb 2016.
    unit = UnitDataset(meetings=rows("meetings", (1, "icpc", "29/02/2016")))
    meetings = figures(unit, date(2017, 2, 28))["meetings"]
    assert meetings["held"]["icpc"] == 1
    assert meetings["by_month"]["2016-03"]["icpc"] == 1


def test_initial_conference_outcomes_count_the_children_each_conference_covered():
    unit = UnitDataset(
        meetings=rows(
            "meetings",
            (1, "icpc", "02/04/2015", None, "plan"),  # three siblings
            (2, "icpc", "30/04/2015", None, "no_plan"),
            (3, "icpc", "01/05/2015", None, "change_of_category"),
            (4, "icpc", "31/05/2015", None, "child_died"),
            (5, "icpc", "01/06/2015", None, None),  # outcome not recorded
            (6, "icpc", "02/06/2015", None, "plan", None, "03/06/2015"),  # cancelled
            (7, "rcpc", "03/06/2015", None, "plan"),  # not an initial conference
        ),
        meeting_children=rows(
            "meeting_children",
            *[(1, child) for child in ("A", "B", "C")],
            (2, "D"),
            (3, "E"),
            (4, "F"),
            (5, "G"),
            (5, "H"),
            (6, "I"),
            (7, "J"),
        ),
    )
    outcomes = figures(unit)["icpc"]["outcomes"]
    assert outcomes["by_month"]["2015-04"] == {
        "plan": 3,
        "no_plan": 1,
        "change_of_category": 0,
        "child_died": 0,
        "not_recorded": 0,
    }
    assert outcomes["by_month"]["2015-05"]["change_of_category"] == 1
    assert outcomes["by_month"]["2015-05"]["child_died"] == 1
    assert outcomes["by_month"]["2015-06"]["not_recorded"] == 2
    assert outcomes["by_month"]["2016-03"] == dict.fromkeys(outcomes["total"], 0)
    assert outcomes["total"] == {
        "plan": 3,
        "no_plan": 1,
        "change_of_category": 1,
        "child_died": 1,
        "not_recorded": 2,
    }


def test_no_meetings_give_every_key_with_zero():
    result = figures(UnitDataset())
    assert result["meetings"]["held"] == {"lac_review": 0, "icpc": 0, "rcpc": 0}
    assert result["meetings"]["average_per_month"]["conferences"] == 0.0
    assert sum(result["icpc"]["outcomes"]["total"].values()) == 0
