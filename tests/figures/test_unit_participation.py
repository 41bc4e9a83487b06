"""`unit.participation.*`: consultation booklets by the children at meetings held, and the
meetings held with an advocate or with the child present."""

from __future__ import annotations

from datetime import date

from iru.data.dataset import Dataset
from iru.figures.unit import UnitDataset, unit_figures
from tests.figures.unit_builders import rows, year_of

YE = date(2016, 3, 31)


def participation(unit: UnitDataset) -> dict:
    return year_of(unit_figures(unit, Dataset(), YE))["participation"]


MEETINGS = rows(
    "meetings",
    (1, "lac_review", "10/04/2015", None, None, ["child", "carer"]),
    (2, "lac_review", "11/04/2015", None, None, [" Advocate ", "CHILD"]),  # trimmed, any case
    (3, "lac_review", "12/04/2015", None, None, None),  # nobody recorded
    (4, "icpc", "13/04/2015", None, "plan", ["parent", "advocate"]),
    (5, "rcpc", "14/04/2015", None, None, ["child"]),
    (6, "rcpc", "15/04/2015", None, None, ["child", "advocate"], "14/04/2015"),  # cancelled
    (7, "lac_review", "31/03/2015", None, None, ["child"]),  # before the year
)


def test_booklets_by_children_at_meetings_held_not_said_is_not_recorded():
    unit = UnitDataset(
        meetings=MEETINGS,
        meeting_children=rows(
            "meeting_children",
            (1, "A", "PN1", "returned"),
            (2, "B", "PN2", "sent"),
            (2, "C", "PN0", None),  # not said
            (3, "D", "PN1", "not_sent"),
            (4, "E", None, "returned"),
            (4, "F", None, "returned"),  # siblings: two children, two booklets
            (5, "G", None, "sent"),
            (6, "H", None, "returned"),  # cancelled
            (7, "A", "PN1", "returned"),  # before the year
        ),
    )
    booklets = participation(unit)["booklets"]
    assert booklets == {
        "lac_review": {"returned": 1, "sent": 1, "not_sent": 1, "not_recorded": 1},
        "cp_conference": {"returned": 2, "sent": 1, "not_sent": 0, "not_recorded": 0},
    }


def test_without_booklets_recorded_every_child_is_not_recorded():
    unit = UnitDataset(
        meetings=MEETINGS, meeting_children=rows("meeting_children", (1, "A"), (4, "E"), (4, "F"))
    )
    booklets = participation(unit)["booklets"]
    assert booklets["lac_review"]["not_recorded"] == 1
    assert booklets["cp_conference"]["not_recorded"] == 2


def test_advocates_and_children_present_over_the_meetings_held_of_each_kind():
    result = participation(UnitDataset(meetings=MEETINGS))
    assert result["advocate"] == {
        "lac_review": {"numerator": 1, "denominator": 3, "percent": 33.3},
        "icpc": {"numerator": 1, "denominator": 1, "percent": 100.0},
        "rcpc": {"numerator": 0, "denominator": 1, "percent": 0.0},
    }
    assert result["child_attended"] == {
        "lac_review": {"numerator": 2, "denominator": 3, "percent": 66.7},
        "icpc": {"numerator": 0, "denominator": 1, "percent": 0.0},
        "rcpc": {"numerator": 1, "denominator": 1, "percent": 100.0},
    }


def test_no_meetings_of_a_kind_give_a_null_percentage():
    result = participation(UnitDataset())
    assert result["advocate"]["icpc"] == {"numerator": 0, "denominator": 0, "percent": None}
