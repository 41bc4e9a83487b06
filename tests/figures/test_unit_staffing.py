"""`unit.staffing.at_year_end.{kind}`: posts in force on YE, their FTE filled, vacant, on
leave and covered by agency staff."""

from __future__ import annotations

from datetime import date

from iru.data.dataset import Dataset
from iru.figures.unit import UnitDataset, unit_figures
from tests.figures.unit_builders import rows, year_of

YE = date(2016, 3, 31)
EMPTY = {
    "posts": 0,
    "fte": 0.0,
    "filled_fte": 0.0,
    "vacant_fte": 0.0,
    "on_leave_fte": 0.0,
    "agency_fte": 0.0,
}


def staffing(unit: UnitDataset, year_end: date = YE) -> dict:
    return year_of(unit_figures(unit, Dataset(), year_end))["staffing"]["at_year_end"]


def test_posts_on_the_year_end_filled_vacant_on_leave_and_covered():
    unit = UnitDataset(
        posts=rows(
            "posts",
            (1, "iro", 1.0, "01/04/2010"),
            (2, "iro", 0.81, "01/04/2010"),  # its holder left on YE (exclusive): vacant
            (3, "iro", 1.0, "01/04/2010", "31/03/2016"),  # deleted on YE: not in force
            (4, "iro", 1.0, "01/04/2016"),  # created after YE
            (5, "icc", 0.54, "01/04/2010"),  # holder on maternity leave, agency cover
            (6, "icc", 0.1, "01/04/2010"),
            (7, "icc", 0.2, "01/04/2010"),  # 0.1 + 0.2 + 0.54 is 0.84 exactly
            (8, "minute_taker", 0.5, "01/04/2010"),  # holder on leave, no cover
            (9, "lado", 1.0, "01/04/2010"),  # acting up
        ),
        holdings=rows(
            "holdings",
            (11, 1, 1, "substantive", "01/04/2010"),
            (12, 2, 2, "substantive", "01/04/2010", "31/03/2016"),
            (15, 5, 3, "substantive", "01/04/2010"),
            (16, 5, 4, "agency", "01/01/2016"),
            (17, 6, 5, "substantive", "01/04/2010"),
            (18, 7, 6, "substantive", "01/04/2010"),
            (19, 8, 7, "substantive", "01/04/2010"),
            (20, 9, 8, "acting", "01/04/2010"),
        ),
        leaves=rows(
            "leaves",
            (15, "01/12/2015"),
            (19, "01/03/2016", "30/06/2016"),
            (17, "01/01/2016", "31/03/2016"),  # back on YE: not on leave
        ),
    )
    result = staffing(unit)
    assert result["iro"] == {
        "posts": 2,
        "fte": 1.81,
        "filled_fte": 1.0,
        "vacant_fte": 0.81,
        "on_leave_fte": 0.0,
        "agency_fte": 0.0,
    }
    assert result["icc"] == {
        "posts": 3,
        "fte": 0.84,
        "filled_fte": 0.84,
        "vacant_fte": 0.0,
        "on_leave_fte": 0.54,
        "agency_fte": 0.54,
    }
    assert result["minute_taker"] == EMPTY | {
        "posts": 1,
        "fte": 0.5,
        "filled_fte": 0.5,
        "on_leave_fte": 0.5,
    }
    assert result["lado"] == EMPTY | {"posts": 1, "fte": 1.0, "filled_fte": 1.0}
    assert result["manager"] == EMPTY
    assert list(result) == ["iro", "icc", "lado", "manager", "admin", "minute_taker"]


def test_a_post_held_part_of_the_year_is_vacant_at_its_end():
    unit = UnitDataset(
        posts=rows("posts", (1, "iro", 1.0, "01/04/2015")),
        holdings=rows("holdings", (11, 1, 1, "substantive", "01/04/2015", "01/10/2015")),
    )
    assert staffing(unit)["iro"] == EMPTY | {"posts": 1, "fte": 1.0, "vacant_fte": 1.0}
    held_then = staffing(unit, date(2015, 9, 30))["iro"]
    assert held_then == EMPTY | {"posts": 1, "fte": 1.0, "filled_fte": 1.0}


def test_no_posts_recorded_give_every_kind_with_zero():
    assert all(measures == EMPTY for measures in staffing(UnitDataset()).values())
