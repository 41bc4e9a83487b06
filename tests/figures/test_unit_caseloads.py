"""`unit.caseload.{iro|icc}`: children allocated on a day over the FTE working that day, from
the unit's posts, or from the chairs' own FTE when the unit has recorded no posts."""

from __future__ import annotations

from datetime import date

from iru.data.dataset import Dataset
from iru.figures.unit import UnitDataset, unit_figures
from tests.figures.unit_builders import rows, year_of

YE = date(2016, 3, 31)
STAFF = rows(
    "staff",
    (1, "iro", 1.0),
    (2, "iro", 0.81),  # 30 hours of 37
    (3, "icc", 0.54),
    (4, "icc", None),  # FTE not recorded
    (5, "social_worker", 1.0),  # not a chair
)


def caseload(unit: UnitDataset, year_end: date = YE) -> dict:
    return year_of(unit_figures(unit, Dataset(), year_end))["caseload"]


def test_without_posts_the_fte_is_the_chairs_holding_allocations_that_day():
    unit = UnitDataset(
        staff=STAFF,
        allocations=rows(
            "allocations",
            ("A", "lac", 1, "01/01/2015"),
            ("B", "lac", 1, "01/01/2015"),
            ("B", "lac", 2, "01/01/2015"),  # B twice (two spells): one child
            ("C", "lac", 2, "01/01/2015", "31/03/2016"),  # ends on YE (exclusive): not on YE
            ("D", "cp", 3, "01/01/2015"),
            ("E", "cp", 4, "01/01/2015"),  # a chair without FTE adds a child, no FTE
            ("F", "cp", 1, "01/01/2015"),  # an IRO chairing a conference counts in both
            ("G", "lac", 5, "01/01/2015"),  # the child counts; a social worker's FTE never
            ("H", "lac", None, "01/01/2015"),  # awaiting a chair: still the unit's child
        ),
    )
    result = caseload(unit)
    # IRO on YE: A, B, G, H = 4 children over 1.00 + 0.81 = 1.81: 2.2099 -> 2.2.
    assert result["iro"]["at_year_end"] == {
        "children": 4,
        "fte": 1.81,
        "per_fte": 2.2,
        "fte_from": "staff",
    }
    # In February C is still allocated: 5 / 1.81 = 2.762 -> 2.8.
    assert result["iro"]["by_month"]["2016-02"]["children"] == 5
    assert result["iro"]["by_month"]["2016-02"]["per_fte"] == 2.8
    # ICC: D, E, F over 0.54 + 1.00 (the IRO chairing F) = 1.54: 1.948 -> 1.9.
    assert result["icc"]["at_year_end"] == {
        "children": 3,
        "fte": 1.54,
        "per_fte": 1.9,
        "fte_from": "staff",
    }


def test_per_fte_is_rounded_half_up_and_null_without_fte():
    # 41 children over 4.00 FTE = 10.25 -> 10.3 (half-even would give 10.2).
    chairs = rows("staff", *[(n, "iro", 1.0) for n in range(1, 5)], (9, "icc", None))
    unit = UnitDataset(
        staff=chairs,
        allocations=rows(
            "allocations",
            *[(f"L{n}", "lac", 1 + n % 4, "01/04/2015") for n in range(41)],
            ("P", "cp", 9, "01/04/2015"),
        ),
    )
    result = caseload(unit)
    assert result["iro"]["at_year_end"]["per_fte"] == 10.3
    assert result["icc"]["at_year_end"] == {
        "children": 1,
        "fte": 0.0,
        "per_fte": None,
        "fte_from": "staff",
    }


def test_month_ends_include_29_february_and_a_spell_starting_that_day():
    unit = UnitDataset(
        staff=STAFF,
        allocations=rows(
            "allocations",
            ("A", "lac", 1, "29/02/2016"),
            ("B", "lac", 1, "01/02/2016", "29/02/2016"),  # ends 29 Feb: not in force that day
            ("C", "lac", 1, "31/01/2016", "01/02/2016"),  # one day, 31 January
        ),
    )
    by_month = caseload(unit, date(2016, 2, 29))["iro"]["by_month"]
    assert [by_month[m]["children"] for m in ("2015-12", "2016-01", "2016-02")] == [0, 1, 1]
    assert by_month["2016-02"]["fte"] == 1.0


POSTS = rows(
    "posts",
    (1, "iro", 1.0, "01/04/2010"),
    (2, "iro", 0.81, "01/04/2010"),
    (3, "icc", 1.0, "01/04/2010"),
    (4, "icc", 0.54, "01/04/2010"),
    (5, "lado", 1.0, "01/04/2010"),  # not a chair's post
)
HOLDINGS = rows(
    "holdings",
    (11, 1, 1, "substantive", "01/04/2010"),
    (12, 2, 2, "substantive", "01/10/2015"),  # held from October: vacant before
    (13, 3, 6, "substantive", "01/04/2010"),
    (14, 4, 3, "substantive", "01/04/2010"),  # on maternity leave from January
    (15, 4, 7, "agency", "01/02/2016"),  # agency cover from February
    (16, 5, 8, "substantive", "01/04/2010"),
)
LEAVES = rows("leaves", (14, "01/01/2016"))


def test_with_posts_the_fte_is_the_posts_held_by_someone_not_on_leave_agency_included():
    unit = UnitDataset(
        staff=STAFF,
        posts=POSTS,
        holdings=HOLDINGS,
        leaves=LEAVES,
        allocations=rows(
            "allocations", ("A", "lac", 1, "01/01/2015"), ("D", "cp", 3, "01/01/2015")
        ),
    )
    result = caseload(unit)
    iro, icc = result["iro"]["by_month"], result["icc"]["by_month"]
    assert [iro[m]["fte"] for m in ("2015-09", "2015-10")] == [1.0, 1.81]
    assert iro["2015-09"]["fte_from"] == "posts"
    # December: both ICC posts worked; January: the holder on leave, no cover; February on:
    # the agency chair.
    assert [icc[m]["fte"] for m in ("2015-12", "2016-01", "2016-02", "2016-03")] == [
        1.54,
        1.0,
        1.54,
        1.54,
    ]
    assert result["icc"]["at_year_end"] == {
        "children": 1,
        "fte": 1.54,
        "per_fte": 0.6,  # 1 / 1.54 = 0.649... -> 0.6
        "fte_from": "posts",
    }


def test_with_posts_a_kind_with_none_held_has_no_fte_whatever_the_chairs_own():
    unit = UnitDataset(
        staff=STAFF,
        posts=rows("posts", (5, "lado", 1.0, "01/04/2010")),
        allocations=rows("allocations", ("A", "lac", 1, "01/01/2015")),
    )
    assert caseload(unit)["iro"]["at_year_end"] == {
        "children": 1,
        "fte": 0.0,
        "per_fte": None,
        "fte_from": "posts",
    }
