"""`cp.*`: hand-made CIN census tables; expected values worked out in the comments.

Year end 31/03/2016 unless said: YS = 01/04/2015, YS - 1 = 31/03/2015.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from iru.data import read_files
from iru.figures import compute_figures
from tests.figures.builders import cp_reviews, d, dataset, plans

YE = date(2016, 3, 31)


def cp(year_end: date = YE, **tables: pl.DataFrame) -> dict:
    tables.setdefault("cp_plans", plans())
    return compute_figures(dataset(**tables), year_end)["cp"]


def section47(*rows: tuple[str, str | None, str | None]) -> pl.DataFrame:
    """(child, S47ActualStartDate, DateOfInitialCPC) rows."""
    return pl.DataFrame(
        {
            "LAchildID": [r[0] for r in rows],
            "S47ActualStartDate": [d(r[1]) if r[1] else None for r in rows],
            "DateOfInitialCPC": [d(r[2]) if r[2] else None for r in rows],
        },
        schema={"LAchildID": pl.String, "S47ActualStartDate": pl.Date, "DateOfInitialCPC": pl.Date},
    )


def details(*rows: tuple[str, str]) -> pl.DataFrame:
    """CINdetails blocks' own (child, DateOfInitialCPC)."""
    return pl.DataFrame(
        {"LAchildID": [r[0] for r in rows], "DateOfInitialCPC": [d(r[1]) for r in rows]}
    )


# A CINdetails block as census XML: (CINreferralDate, own DateOfInitialCPC or None, its Section47s
# as (S47ActualStartDate, DateOfInitialCPC)); dates DD/MM/YYYY.
Block = tuple[str, str | None, list[tuple[str, str]]]


def _iso(text: str) -> str:
    return d(text).isoformat()


def _block(referral: str, own: str | None, enquiries: list[tuple[str, str]]) -> str:
    own_cpc = f"<DateOfInitialCPC>{_iso(own)}</DateOfInitialCPC>" if own else ""
    section47s = "".join(
        f"<Section47><S47ActualStartDate>{_iso(start)}</S47ActualStartDate>"
        f"<DateOfInitialCPC>{_iso(held)}</DateOfInitialCPC></Section47>"
        for start, held in enquiries
    )
    return (
        f"<CINdetails><CINreferralDate>{_iso(referral)}</CINreferralDate>"
        f"<ReferralSource>1A</ReferralSource>{own_cpc}{section47s}"
        "<ReferralNFA>false</ReferralNFA></CINdetails>"
    )


def census(year: int, children: dict[str, list[Block]]) -> tuple[str, bytes]:
    """One CIN census file of collection `year` (its 31 March), as `iru figures` would read it."""
    body = "".join(
        f"<Child><ChildIdentifiers><LAchildID>{child}</LAchildID></ChildIdentifiers>"
        + "".join(_block(*block) for block in blocks)
        + "</Child>"
        for child, blocks in children.items()
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><Message><Header><CollectionDetails>'
        f"<Collection>CIN</Collection><Year>{year}</Year><ReferenceDate>{year}-03-31"
        f"</ReferenceDate></CollectionDetails></Header><Children>{body}</Children></Message>"
    )
    return f"{year}/cin.xml", xml.encode()


def icpc_of(*files: tuple[str, bytes], year_end: date = YE) -> dict:
    return compute_figures(read_files(list(files)), year_end)["cp"]["icpc"]


def test_children_subject_to_a_plan_and_plans_started():
    # A: 01/01/2015 - 31/03/2015 (ends on YS-1: not subject then). B: 31/03/2015 - 31/03/2016
    # (subject on YS-1, not on YE). C: two plans, 01/05/2015 - 01/06/2015 and 01/07/2015 open:
    # one child at YE, two plans started. D: starts on YE.
    figures = cp(
        cp_plans=plans(
            ("A", "01/01/2015", "31/03/2015"),
            ("B", "31/03/2015", "31/03/2016"),
            ("C", "01/05/2015", "01/06/2015"),
            ("C", "01/07/2015", None),
            ("D", "31/03/2016", None),
        )
    )
    assert (figures["at_year_start"], figures["at_year_end"], figures["started"]) == (1, 2, 3)


def test_initial_conferences_within_15_working_days():
    # S47 Mon 21/12/2015 + 15 WD = Thu 14/01/2016: K1 (14/01) in, K2 (15/01) not.
    # K3: conference 10/12/2015 before its S47 start 11/12/2015: held, outside the denominator.
    # K4: S47 start missing: held, outside the denominator.
    # K5: a CINdetails-level date with no section 47 of that date: held, no start.
    # K1's CINdetails date equals its section 47's: not a second conference.
    figures = cp(
        section47=section47(
            ("K1", "21/12/2015", "14/01/2016"),
            ("K2", "21/12/2015", "15/01/2016"),
            ("K3", "11/12/2015", "10/12/2015"),
            ("K4", None, "20/01/2016"),
            ("K6", "01/03/2016", None),  # no conference yet
        ),
        cin_details=details(("K1", "14/01/2016"), ("K5", "05/02/2016")),
    )
    icpc = figures["icpc"]
    assert icpc["held"] == 5
    assert icpc["within_15_working_days"] == {"numerator": 1, "denominator": 2, "percent": 50.0}
    assert icpc["by_month"]["2016-01"] == {"held": 3, "within_15_working_days": 1}
    assert icpc["by_month"]["2015-12"] == {"held": 1, "within_15_working_days": 0}
    assert icpc["by_month"]["2016-02"] == {"held": 1, "within_15_working_days": 0}


def test_a_block_s_own_date_other_than_its_section47_s_is_a_conference_of_its_own():
    # Worked example (issue 9): one CINdetails block, its own DateOfInitialCPC Thu 02/07/2015,
    # its Section47 started Wed 01/07/2015 with its conference on 20/07/2015. No child's
    # Section47 is dated 02/07, so that is a second conference: held 2, both in July. Only the
    # Section47's has a start: 01/07 + 15 working days = Wed 22/07, so 20/07 is within (1 of 1);
    # the block's own is held but outside the denominator.
    block = ("20/06/2015", "02/07/2015", [("01/07/2015", "20/07/2015")])
    icpc = icpc_of(census(2016, {"A": [block]}))
    assert icpc["held"] == 2
    assert icpc["by_month"]["2015-07"] == {"held": 2, "within_15_working_days": 1}
    assert icpc["within_15_working_days"] == {"numerator": 1, "denominator": 1, "percent": 100.0}


def test_the_same_conference_carried_by_the_block_and_its_section47_counts_once():
    icpc = icpc_of(
        census(2016, {"A": [("20/06/2015", "20/07/2015", [("01/07/2015", "20/07/2015")])]})
    )
    assert icpc["held"] == 1
    assert icpc["by_month"]["2015-07"] == {"held": 1, "within_15_working_days": 1}


def test_an_own_date_is_matched_against_every_section47_of_the_child_and_only_the_child():
    # FIGURES.md: an own date is a conference "when no reconciled Section47 block of the same
    # child has that date". A's second block repeats the date of the Section47 in A's first
    # block: one conference. B's own date is A's Section47 date, but B has no Section47 of it:
    # B's own conference. Held: A 1 + B 1.
    a_blocks = [
        ("20/06/2015", None, [("01/07/2015", "20/07/2015")]),
        ("01/09/2015", "20/07/2015", []),
    ]
    icpc = icpc_of(census(2016, {"A": a_blocks, "B": [("01/07/2015", "20/07/2015", [])]}))
    assert icpc["held"] == 2
    assert icpc["by_month"]["2015-07"] == {"held": 2, "within_15_working_days": 1}


def test_an_own_date_on_29_february_is_its_own_conference():
    # Own date Mon 29/02/2016; the Section47 started Tue 16/02/2016 had its conference on Tue
    # 01/03/2016 (16/02 + 15 working days = Tue 08/03: within). Two conferences, one a month.
    # A second child's block and Section47 both on 29/02: one conference.
    icpc = icpc_of(
        census(
            2016,
            {
                "A": [("10/02/2016", "29/02/2016", [("16/02/2016", "01/03/2016")])],
                "B": [("10/02/2016", "29/02/2016", [("16/02/2016", "29/02/2016")])],
            },
        )
    )
    assert icpc["held"] == 3
    assert icpc["by_month"]["2016-02"] == {"held": 2, "within_15_working_days": 1}
    assert icpc["by_month"]["2016-03"] == {"held": 1, "within_15_working_days": 1}


def test_a_block_repeated_in_each_year_s_file_still_holds_two_conferences():
    # A multi-year extract: the worked example's block sent again in the next year's census.
    # Reconciled, it is one block with one Section47: still two conferences, not four.
    block = ("20/06/2015", "02/07/2015", [("01/07/2015", "20/07/2015")])
    files = (census(2016, {"A": [block]}), census(2017, {"A": [block]}))
    assert icpc_of(*files)["held"] == 2
    assert icpc_of(*files, year_end=date(2017, 3, 31))["held"] == 0


def test_review_conferences_at_3_then_6_months():
    # Plan 31/08/2015: 30/11/2015 (31/08 + 3 m = 30/11) in; 29/02/2016 (30/11 + 6 m = 30/05)
    # in. Plan 31/05/2015: 31/08/2015 in; 01/03/2016 (due 29/02/2016) late.
    # Plan 01/04/2015: 02/07/2015 (due 01/07) late; 01/01/2016 (due 02/01/2016) in.
    figures = cp(
        cp_plans=plans(
            ("A", "31/08/2015", None), ("B", "31/05/2015", None), ("C", "01/04/2015", None)
        ),
        cp_reviews=cp_reviews(
            ("A", "31/08/2015", "30/11/2015"),
            ("A", "31/08/2015", "29/02/2016"),
            ("B", "31/05/2015", "31/08/2015"),
            ("B", "31/05/2015", "01/03/2016"),
            ("C", "01/04/2015", "02/07/2015"),
            ("C", "01/04/2015", "01/01/2016"),
            ("C", "01/04/2015", "01/01/2016"),  # repeated: one review
        ),
    )
    rcpc = figures["rcpc"]
    assert rcpc["held"] == 6
    assert rcpc["in_timescale"] == {"numerator": 4, "denominator": 6, "percent": 66.7}
    assert rcpc["by_month"]["2016-03"] == {"held": 1, "in_timescale": 0}
    assert rcpc["by_month"]["2015-07"] == {"held": 1, "in_timescale": 0}


def test_categories_at_year_end_latest_before_initial():
    frame = plans(("A", "01/01/2016", None, "PHY"), ("B", "01/01/2016", None, None))
    frame = frame.with_columns(InitialCategoryOfAbuse=pl.Series(["NEG", "EMO"]))
    figures = cp(cp_plans=frame)
    assert figures["category_at_year_end"] == {"NEG": 0, "PHY": 1, "SAB": 0, "EMO": 1, "MUL": 0}


def test_ended_plans_by_duration_with_each_lower_bound():
    # A: 30/06/2015 + 3 m = 30/09/2015, ends 29/09 -> under_3; B ends 30/09 -> 3_to_6.
    # C: 31/05/2015 + 6 m = 30/11/2015, ends that day -> 6_to_12 (each band has its lower
    # bound). D: 31/03/2015 + 12 m = 31/03/2016, ends that day -> 1_to_2.
    # E: exactly 2 years (15/05/2013 - 15/05/2015) -> 2_years_plus; F a day short -> 1_to_2.
    figures = cp(
        cp_plans=plans(
            ("A", "30/06/2015", "29/09/2015"),
            ("B", "30/06/2015", "30/09/2015"),
            ("C", "31/05/2015", "30/11/2015"),
            ("D", "31/03/2015", "31/03/2016"),
            ("E", "15/05/2013", "15/05/2015"),
            ("F", "16/05/2013", "15/05/2015"),
            ("G", "01/01/2010", "31/03/2015"),  # ended before YS: not counted
        )
    )
    assert figures["ended"] == 6
    assert figures["ended_by_duration"] == {
        "under_3_months": 1, "3_to_6_months": 1, "6_to_12_months": 1, "1_to_2_years": 2,
        "2_years_plus": 1,
    }  # fmt: skip
    assert figures["ended_2_years_plus"] == {"numerator": 1, "denominator": 6, "percent": 16.7}
    by_month = figures["ended_2_years_plus_by_month"]
    assert by_month["2015-04"]["denominator"] == 0
    assert by_month["2015-05"] == {"numerator": 1, "denominator": 2, "percent": 50.0}
    assert by_month["2016-03"] == {"numerator": 1, "denominator": 6, "percent": 16.7}


def test_a_plan_ending_on_29_february_plus_24_months():
    # Start 29/02/2012 + 24 m = 28/02/2014: a plan ending 28/02/2014 lasted 2 years.
    figures = cp(date(2014, 3, 31), cp_plans=plans(("A", "29/02/2012", "28/02/2014")))
    assert figures["ended_by_duration"]["2_years_plus"] == 1


def test_plans_open_two_years_or_more():
    # YE 31/03/2016 - 2 years = 31/03/2014: A (31/03/2014) in, B (01/04/2014) out, C ended.
    # On 29/02/2016: - 2 years = 28/02/2014: neither A nor B.
    figures = cp(
        cp_plans=plans(
            ("A", "31/03/2014", None), ("B", "01/04/2014", None), ("C", "01/01/2010", "01/01/2016")
        )
    )
    assert figures["open_2_years_plus"] == {"numerator": 1, "denominator": 2, "percent": 50.0}
    assert figures["open_2_years_plus_by_month"]["2016-02"]["numerator"] == 0
    assert figures["open_2_years_plus_by_month"]["2015-12"] == {
        "numerator": 1, "denominator": 3, "percent": 33.3,
    }  # fmt: skip


def test_repeat_plans_through_previous_count_and_earlier_plans():
    # Plans started in the year (01/06/2015 each):
    # A: NumberOfPreviousCPP 1, no earlier plan in the data: repeat, not within 2 years.
    # B: earlier plan ended 01/06/2013 = start - 2 years: repeat, within 2 years.
    # C: earlier plan ended 31/05/2013, a day before: repeat, not within.
    # D: earlier plan with no end date: repeat, within.
    # E: first plan, NumberOfPreviousCPP 0: neither. F: started 01/02/2016, an earlier plan in
    # the data ended 01/01/2016: repeat and within (counted from Feb in the monthly figures).
    figures = cp(
        cp_plans=plans(
            ("A", "01/06/2015", None, None, 1),
            ("B", "01/01/2012", "01/06/2013"),
            ("B", "01/06/2015", None),
            ("C", "01/01/2012", "31/05/2013"),
            ("C", "01/06/2015", None),
            ("D", "01/01/2012", None),
            ("D", "01/06/2015", None),
            ("E", "01/06/2015", None, None, 0),
            ("F", "01/12/2015", "01/01/2016"),
            ("F", "01/02/2016", None),
        )
    )
    # Started in the year: A, B, C, D, E, F (01/12/2015) and F (01/02/2016) = 7.
    # repeat: A, B, C, D, F's second = 5; within 2 years: B, D, F's second = 3.
    assert figures["repeat"] == {"numerator": 5, "denominator": 7, "percent": 71.4}
    assert figures["repeat_within_2_years"] == {"numerator": 3, "denominator": 7, "percent": 42.9}
    assert figures["repeat_by_month"]["2016-01"] == {
        "numerator": 4,
        "denominator": 6,
        "percent": 66.7,
    }
    assert figures["repeat_within_2_years_by_month"]["2015-06"]["numerator"] == 2
    assert figures["repeat_by_month"]["2015-04"]["percent"] is None


def test_ethnicity_of_children_subject_to_a_plan_at_year_end():
    children = pl.DataFrame({"LAchildID": ["A", "B"], "Ethnicity": ["WBRI", None]})
    figures = cp(
        cp_plans=plans(
            ("A", "01/01/2016", None),
            ("A", "02/01/2016", None),
            ("B", "01/01/2016", None),
            ("C", "01/01/2016", None),
        ),
        cin_children=children,
    )
    assert figures["ethnicity_at_year_end"] == {"WBRI": 1, "unknown": 2}
