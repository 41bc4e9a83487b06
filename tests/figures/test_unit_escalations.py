"""`unit.escalations`: escalations raised in the year as they stood at its end."""

from __future__ import annotations

from datetime import date

from iru.data.dataset import Dataset
from iru.figures.unit import UnitDataset, unit_figures
from tests.figures.unit_builders import rows, year_of

YE = date(2016, 3, 31)


def escalations(unit: UnitDataset) -> dict:
    return year_of(unit_figures(unit, Dataset(), YE))["escalations"]


UNIT = UnitDataset(
    escalations=rows(
        "escalations",
        # Thu 24 Mar 2016 to Tue 29 Mar: Good Friday and Easter Monday between, 1 working day.
        (1, "24/03/2016", 3, "29/03/2016", False),
        # Mon 1 Feb 2016 to Fri 5 Feb: 4 working days.
        (2, "01/02/2016", 1, "05/02/2016", True),  # referred, date not recorded
        (3, "01/04/2015", 4, None, True, "01/04/2016"),  # open; referred after YE
        (4, "15/03/2016", 2, "01/04/2016", True, "31/03/2016"),  # resolved after YE: open
        (5, "31/03/2015", 1, "02/04/2015", False),  # raised before YS: not counted
    ),
    escalation_stages=rows(
        "escalation_stages",
        (1, 1, "24/03/2016"),
        (1, 2, "25/03/2016"),
        (1, 3, "29/03/2016"),
        (4, 1, "15/03/2016"),
        (4, 2, "31/03/2016"),
        (4, 3, "01/04/2016"),  # after YE: stage 2 reached by YE
        # 2 and 3 come from the unit's files: no stages, the stage they are at counts.
    ),
)


def test_escalations_raised_in_the_year_resolved_open_and_referred_by_its_end():
    result = escalations(UNIT)
    assert result["raised"] == 4
    assert result["resolved"] == 2
    assert result["open_at_year_end"] == 2
    assert result["by_stage_reached"] == {"1": 1, "2": 1, "3": 1, "4": 1}
    assert result["cafcass_referrals"] == 2  # 2 (no date) and 4 (on YE); not 3 (after YE)


def test_the_median_working_days_to_resolve_counts_over_a_bank_holiday():
    # Resolved by YE: 1 (1 working day over Easter 2016) and 2 (4): median 2.5.
    assert escalations(UNIT)["median_working_days_to_resolve"] == 2.5


def test_no_escalations_resolved_give_no_median():
    result = escalations(UnitDataset())
    assert result == {
        "raised": 0,
        "resolved": 0,
        "open_at_year_end": 0,
        "by_stage_reached": {"1": 0, "2": 0, "3": 0, "4": 0},
        "cafcass_referrals": 0,
        "median_working_days_to_resolve": None,
    }
