"""`stability.*` and the placement rules (FIGURES.md "Placements"), worked by hand."""

from __future__ import annotations

from datetime import date

from iru.figures import compute_figures
from iru.figures.periods import care_episodes, placements
from tests.figures.builders import dataset, table

COLUMNS = "CHILD,DECOM,RNE,LS,PLACE,PL_POST,DEC,REC"
YE = date(2016, 3, 31)  # YS 01/04/2015


def stability(episodes: str, header: str = "CHILD,DOB\n") -> dict:
    built = dataset(episodes=f"{COLUMNS}\n{episodes}", header=header)
    return compute_figures(built, YE)["stability"]


def placement_places(episodes: str) -> list[str]:
    care = care_episodes(table("episodes", f"{COLUMNS}\n{episodes}"))
    return placements(care)["PLACE"].to_list()


def test_which_episodes_start_a_placement():
    # U1 (first), U2 (P: new), T1 (temporary), U2 back to the same PLACE and PL_POST (return,
    # even with RNE P), U2 with RNE L (legal only), A3 with RNE T (adoption by the current
    # carer), R1 with RNE B (new): U1, U2, R1.
    assert placement_places(
        """
        1,01/01/2015,S,C2,U1,AA1 1AA,01/02/2015,X1
        1,01/02/2015,P,C2,U2,BB1 1BB,01/03/2015,X1
        1,01/03/2015,P,C2,T1,,05/03/2015,X1
        1,05/03/2015,P,C2,U2,bb11bb,01/04/2015,X1
        1,01/04/2015,L,C1,U2,BB1 1BB,01/05/2015,X1
        1,01/05/2015,T,C1,A3,BB1 1BB,01/06/2015,X1
        1,01/06/2015,B,C1,R1,CC1 1CC,,
        """
    ) == ["U1", "U2", "R1"]


def test_rne_t_or_u_starts_a_placement_unless_a3_or_a5():
    # A5 with U: not new. A4 with T: new (not adoption by the current carer). U3 with U: new.
    assert placement_places(
        """
        1,01/01/2015,S,C2,U1,,01/02/2015,X1
        1,01/02/2015,U,C2,A5,,01/03/2015,X1
        1,01/03/2015,T,C2,A4,,01/04/2015,X1
        1,01/04/2015,U,C2,U3,,,
        """
    ) == ["U1", "A4", "U3"]


def test_a_return_to_another_postcode_or_place_is_a_new_placement():
    # After T2, U4 at another PL_POST: new; after T2 again, R1 (another PLACE): new.
    # A period starting with a temporary episode: its first non-temporary episode starts the
    # first placement whatever its RNE.
    assert placement_places(
        """
        1,01/01/2015,S,C2,U4,AA1 1AA,01/02/2015,X1
        1,01/02/2015,P,C2,T2,,01/03/2015,X1
        1,01/03/2015,P,C2,U4,ZZ9 9ZZ,01/04/2015,X1
        1,01/04/2015,P,C2,T2,,01/05/2015,X1
        1,01/05/2015,P,C2,R1,ZZ9 9ZZ,01/06/2015,E11
        2,01/01/2015,S,C2,T0,,01/02/2015,X1
        2,01/02/2015,L,C2,U1,,,
        3,01/01/2015,S,C2,T0,,,
        """
    ) == ["U4", "U4", "R1", "U1"]


def test_three_plus_placements_open_in_the_year():
    # 1: U1 ended (next placement) 01/03/2015, before YS; then U2, U3 in the year: 2 -> no.
    # 2: U1 until 01/04/2015 (= YS: "does not end before YS"), U2, U3: 3 -> yes.
    # 3: 3 placements in the year but left care 01/03/2016: outside the denominator.
    # 4: 2 placements in an earlier period in the year and 1 in the current: 3 -> yes.
    figures = stability(
        """
        1,01/01/2015,S,C2,U1,,01/03/2015,X1
        1,01/03/2015,P,C2,U2,,01/06/2015,X1
        1,01/06/2015,P,C2,U3,,,
        2,01/01/2015,S,C2,U1,,01/04/2015,X1
        2,01/04/2015,P,C2,U2,,01/06/2015,X1
        2,01/06/2015,P,C2,U3,,,
        3,01/05/2015,S,C2,U1,,01/06/2015,X1
        3,01/06/2015,P,C2,U2,,01/07/2015,X1
        3,01/07/2015,P,C2,U3,,01/03/2016,E11
        4,01/05/2015,S,C2,U1,,01/06/2015,X1
        4,01/06/2015,P,C2,U2,,01/07/2015,E11
        4,01/08/2015,S,C2,U3,,,
        """
    )
    assert figures["three_plus_placements"] == {"numerator": 2, "denominator": 3, "percent": 66.7}
    by_month = figures["three_plus_placements_by_month"]
    # 30/06/2015: 1, 2, 3, 4 looked after; only 2 has 3 placements by then (3's third starts
    # 01/07). 31/07/2015: 4 is between periods (left 01/07, back 01/08): 2 and 3 of 1, 2, 3.
    assert by_month["2015-06"] == {"numerator": 1, "denominator": 4, "percent": 25.0}
    assert by_month["2015-07"] == {"numerator": 2, "denominator": 3, "percent": 66.7}
    # 30/04/2015: 1, 2 looked after; 2 has U1, U2 open in [YS, 30/04]: 2 -> no.
    assert by_month["2015-04"] == {"numerator": 0, "denominator": 2, "percent": 0.0}


def test_long_term_cut_offs_and_the_adoption_rule():
    # YE 31/03/2016: period on or before 30/09/2013; placement on or before 31/03/2014.
    # 1: U4 from 01/01/2012, then A4 (RNE P) from 01/06/2015: the adoption placement's
    #    previous placement counts (01/01/2012) -> numerator.
    # 2: period and first placement A1 from 01/01/2013 (no placement before it) -> 01/01/2013
    #    -> numerator.
    # 3: U4 01/01/2013, then U5 (P) from 01/04/2014 -> not in the numerator.
    # 4: aged 16 on YE (DOB 31/03/2000) -> outside the denominator.
    # 5: no Header row -> outside. 6: period started 01/10/2013 -> outside.
    # 7: only temporary episodes since 2012: no placement -> in the denominator only.
    figures = stability(
        """
        1,01/01/2012,S,C2,U4,,01/06/2015,X1
        1,01/06/2015,P,C2,A4,,,
        2,01/01/2013,S,C2,A1,,,
        3,01/01/2013,S,C2,U4,,01/04/2014,X1
        3,01/04/2014,P,C2,U5,,,
        4,01/01/2012,S,C2,U4,,,
        5,01/01/2012,S,C2,U4,,,
        6,01/10/2013,S,C2,U4,,,
        7,01/01/2012,S,C2,T1,,,
        """,
        "CHILD,DOB\n1,01/01/2005\n2,01/01/2005\n3,01/01/2005\n4,31/03/2000\n6,01/01/2005\n"
        "7,01/01/2005",
    )
    assert figures["long_term"] == {"numerator": 2, "denominator": 4, "percent": 50.0}
    # 30/04/2015 (cut-offs 30/10/2012 and 30/04/2013): periods started in time: 1, 4 (15
    # then), 7; child 2's and 3's periods (01/01/2013) are too late. Numerator: 1 (its U4 from
    # 2012 is still current) and 4; 7 has no placement -> 2 of 3.
    assert figures["long_term_by_month"]["2015-04"] == {
        "numerator": 2, "denominator": 3, "percent": 66.7,
    }  # fmt: skip
