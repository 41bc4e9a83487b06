"""`lac.*`: hand-made episodes, expected values worked out in the comments.

Year end 31/03/2018 throughout: YS = 01/04/2017, YS - 1 = 31/03/2017.
"""

from __future__ import annotations

from datetime import date

from iru.figures import compute_figures
from tests.figures.builders import dataset

YE = date(2018, 3, 31)
COLUMNS = "CHILD,DECOM,RNE,LS,PLACE,DEC,REC,PL_DISTANCE,PL_LOCATION"


def lac(episodes: str, header: str = "CHILD,DOB,ETHNIC") -> dict:
    return compute_figures(dataset(episodes=f"{COLUMNS}\n{episodes}", header=header), YE)["lac"]


def test_a_child_is_not_looked_after_on_the_day_its_episode_ends():
    # 1 ends on YS-1 (out then), 2 starts on YS-1 (in then) and ends on YE (out then),
    # 3 ends on YS (in on YS-1), 4 open from YE (in on YE).
    figures = lac(
        """
        1,01/01/2017,S,C2,U1,31/03/2017,E4A,,
        2,31/03/2017,S,C2,U1,31/03/2018,E4A,,
        3,01/01/2017,S,C2,U1,01/04/2017,E4A,,
        4,31/03/2018,S,C2,U1,,,,
        """
    )
    assert figures["at_year_start"] == 2  # 2 and 3
    assert figures["at_year_end"] == 1  # 4
    assert figures["month_end"]["2017-04"] == 1  # 2 only: 3 left on 01/04
    assert figures["month_end"]["2018-03"] == 1


def test_short_breaks_are_excluded_everywhere():
    # Child 1 has only V3/V4 episodes: in no count. Child 2's V4 start (01/05/2017, age 14)
    # is not its start; its C2 start 01/07/2017 (age 15) is.
    figures = lac(
        """
        1,01/04/2017,S,V3,U6,05/04/2017,E8,,
        1,01/03/2018,S,V4,U6,,,,
        2,01/05/2017,S,V4,U6,03/05/2017,E8,,
        2,01/07/2017,S,C2,U6,,,,
        """,
        "CHILD,DOB,ETHNIC\n1,01/01/2010,WBRI\n2,15/06/2002,WBRI",
    )
    assert figures["at_year_end"] == 1
    assert figures["started"] == 1
    assert figures["started_by_age"]["15"] == 1
    assert figures["ceased"] == 0
    assert figures["month_end"]["2018-03"] == 1


def test_an_x1_chain_is_one_period_and_a_child_starts_and_ceases_once():
    # Child 1: 01/05 -X1- 01/06 -X1- 01/07/2017 ends 01/08/2017 E11: one start, one ending.
    # Child 2: two periods (S 01/05/2017 to 01/06/2017 E4A; S 01/09/2017 to 01/12/2017 E13):
    # counted once, at its first start (01/05, age 0: DOB 15/05/2016) and its last ending
    # (01/12/2017 E13, age 1).
    # Child 3: an X1 ending followed by a gap: the next episode starts a new period; the X1
    # ending itself is not a ceasing (REC X1) and the later open episode is a new start.
    figures = lac(
        """
        1,01/05/2017,S,C2,U1,01/06/2017,X1,,
        1,01/06/2017,P,C2,U2,01/07/2017,X1,,
        1,01/07/2017,L,C1,U2,01/08/2017,E11,,
        2,01/05/2017,S,C2,U1,01/06/2017,E4A,,
        2,01/09/2017,S,C2,U1,01/12/2017,E13,,
        3,01/01/2017,S,C2,U1,01/05/2017,X1,,
        3,10/05/2017,P,C2,U1,,,,
        """,
        "CHILD,DOB,ETHNIC\n1,01/01/2005,WBRI\n2,15/05/2016,WBRI\n3,01/01/2005,WBRI",
    )
    assert figures["started"] == 3
    assert figures["started_by_age"] == {
        "under_1": 1, "1_4": 0, "5_9": 0, "10_14": 2, "15": 0, "16_plus": 0,
    }  # fmt: skip
    assert figures["ceased"] == 2
    assert figures["ceased_by_reason"] == {"E11": 1, "E13": 1}
    assert figures["ceased_by_age"]["1_4"] == 1  # child 2, 1 on 01/12/2017


def test_ages_on_29_february_birthdays():
    # DOB 29/02/2008: 10 on 28/02/2018 (birthday in a common year), 9 on 27/02/2018.
    figures = lac(
        """
        1,28/02/2018,S,C2,H5,,,,
        2,01/01/2018,S,C2,U6,27/02/2018,E8,,
        """,
        "CHILD,DOB,ETHNIC\n1,29/02/2008,AIND\n2,29/02/2008,APKN",
    )
    assert figures["started_by_age"]["10_14"] == 1
    assert figures["started_by_age"]["5_9"] == 1  # child 2 started at 9
    assert figures["ceased_by_age"]["5_9"] == 1  # child 2 ceased the day before its birthday


def test_a_child_without_header_or_dob_is_in_the_unknown_band():
    figures = lac("1,01/05/2017,S,C2,U1,,,,\n2,01/05/2017,S,C2,U1,,,,", "CHILD,DOB,ETHNIC\n2,,WBRI")
    assert figures["started_by_age"]["unknown"] == 2
    assert figures["ethnicity_at_year_end"] == {"WBRI": 1, "unknown": 1}


def test_started_by_distance_uses_the_first_non_temporary_episode():
    # 1: T1 first (temporary), then U4 5 miles IN -> under_20_in.
    # 2: exactly 20 OUT -> under_20_out ("<= 20"). 3: 20.1 IN -> over_20_in.
    # 4: 50 OUT -> over_20_out. 5: no distance -> unknown. 6: location "ELSEWHERE" -> unknown.
    # 7: only temporary episodes, no placement -> unknown.
    figures = lac(
        """
        1,01/05/2017,S,C2,T1,03/05/2017,X1,1,OUT
        1,03/05/2017,P,C2,U4,,,5,IN
        2,01/05/2017,S,C2,U4,,,20,OUT
        3,01/05/2017,S,C2,U4,,,20.1,IN
        4,01/05/2017,S,C2,U4,,,50,OUT
        5,01/05/2017,S,C2,U4,,,,IN
        6,01/05/2017,S,C2,U4,,,3,ELSEWHERE
        7,01/05/2017,S,C2,T2,,,3,IN
        """
    )
    assert figures["started_by_distance"] == {
        "under_20_in": 1, "under_20_out": 1, "over_20_in": 1, "over_20_out": 1, "unknown": 3,
    }  # fmt: skip


def test_the_last_ending_of_the_year_gives_the_reason_and_the_age():
    # Child 1 ends twice in the year; the later (E41) counts. Child 2 ends with an empty REC:
    # `unknown`. Child 3: two episodes overlapping end on the same day; the later in sort
    # order (DECOM 01/06) gives REC E15.
    figures = lac(
        """
        1,01/02/2017,S,C2,U4,01/05/2017,E13,,
        1,01/06/2017,S,C2,U4,01/12/2017,E41,,
        2,01/02/2017,S,C2,U4,01/05/2017,,,
        3,01/05/2017,S,C2,U4,01/07/2017,E12,,
        3,01/06/2017,S,C2,U4,01/07/2017,E15,,
        """
    )
    assert figures["ceased"] == 3
    assert figures["ceased_by_reason"] == {"E15": 1, "E41": 1, "unknown": 1}


def test_placement_groups_at_year_end():
    # Every group once, an empty PLACE (unknown), Z1 and T1 (other); child 9 has two open
    # episodes (an overlap): the later DECOM gives PLACE (R2).
    figures = lac(
        """
        1,01/01/2017,S,C2,Q1,,,,
        2,01/01/2017,S,C2,A6,,,,
        3,01/01/2017,S,C2,P1,,,,
        4,01/01/2017,S,C2,P3,,,,
        5,01/01/2017,S,C2,K3,,,,
        6,01/01/2017,S,C2,S1,,,,
        7,01/01/2017,S,C2,Z1,,,,
        8,01/01/2017,S,C2,T1,,,,
        9,01/01/2017,S,C2,U1,,,,
        9,01/02/2017,S,C2,R2,,,,
        10,01/01/2017,S,C2,,,,,
        """
    )
    assert figures["placement_at_year_end"] == {
        "foster": 1, "adoption": 1, "with_parents": 1, "other_community": 1,
        "secure_homes_hostels": 1, "other_residential": 1, "residential_schools": 1,
        "other": 2, "unknown": 1,
    }  # fmt: skip
    assert figures["at_year_end"] == 10  # child 9 once


def test_duplicate_rows_are_one_episode():
    figures = lac("1,01/05/2017,S,C2,U1,01/06/2017,E4A,,\n1,01/05/2017,S,C2,U1,01/06/2017,E4A,,")
    assert (figures["started"], figures["ceased"]) == (1, 1)


def test_ethnicity_codes_that_occur_are_listed():
    figures = lac(
        "1,01/01/2017,S,C2,U1,,,,\n2,01/01/2017,S,C2,U1,,,,\n3,01/01/2017,S,C2,U1,,,,",
        "CHILD,DOB,ETHNIC\n1,01/01/2010,wbri\n2,01/01/2010,WBRI\n3,01/01/2010,CHNE",
    )
    assert figures["ethnicity_at_year_end"] == {"CHNE": 1, "WBRI": 2}


def test_groups_are_omitted_without_their_primary_input():
    only_header = compute_figures(dataset(header="CHILD,DOB\n1,01/01/2010"), YE)
    assert set(only_header) == {"warnings"}
    no_reviews = compute_figures(dataset(episodes=f"{COLUMNS}\n1,01/01/2017,S,C2,U1,,,,"), YE)
    assert set(no_reviews) == {"lac", "stability", "warnings"}
    no_episodes = compute_figures(dataset(reviews="CHILD,REVIEW,REVIEW_CODE"), YE)
    assert "reviews" not in no_episodes


def test_warnings_for_a_non_s_start_and_an_overlap():
    result = compute_figures(
        dataset(
            episodes=f"""{COLUMNS}
            1,01/05/2017,P,C2,U1,,,,
            1,01/06/2017,S,C2,U1,,,,
            """
        ),
        YE,
    )
    messages = {(w["row"], w["column"]) for w in result["warnings"]}
    # row 2: RNE P starts a period; row 3: starts while row 2 is still open.
    assert messages == {(2, "RNE"), (3, "DECOM")}
    assert all(set(w) == {"file", "row", "column", "message"} for w in result["warnings"])
