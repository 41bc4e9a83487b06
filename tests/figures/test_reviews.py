"""`reviews.*`: due dates per period of care, worked out by hand in the comments."""

from __future__ import annotations

from datetime import date

from iru.figures import compute_figures
from tests.figures.builders import dataset

EPISODES = "CHILD,DECOM,RNE,LS,PLACE,DEC,REC"
REVIEWS = "CHILD,REVIEW,REVIEW_CODE"


def reviews(episodes: str, rows: str, year_end: date = date(2016, 3, 31)) -> dict:
    result = compute_figures(
        dataset(episodes=f"{EPISODES}\n{episodes}", reviews=f"{REVIEWS}\n{rows}"), year_end
    )
    return result["reviews"]


def timely(figures: dict) -> tuple[int, int]:
    return figures["in_timescale"]["numerator"], figures["in_timescale"]["denominator"]


def test_first_review_within_20_working_days_across_christmas_2015():
    # Mon 07/12/2015 + 20 WD = Thu 07/01/2016 (25/12, 28/12 substitute and 01/01 skipped).
    figures = reviews(
        "1,07/12/2015,S,C2,U1,,\n2,07/12/2015,S,C2,U1,,",
        "1,07/01/2016,PN1\n2,08/01/2016,PN1",
    )
    assert timely(figures) == (1, 2)
    assert figures["in_timescale"]["percent"] == 50.0


def test_a_weekend_start_makes_monday_day_1():
    # Sat 04/01/2025 + 20 WD = Fri 31/01/2025: a review on Mon 03/02/2025 is late.
    figures = reviews(
        "1,04/01/2025,S,C2,U1,,\n2,04/01/2025,S,C2,U1,,",
        "1,31/01/2025,PN1\n2,03/02/2025,PN1",
        date(2025, 3, 31),
    )
    assert timely(figures) == (1, 2)


def test_second_review_in_3_months_and_later_in_6_with_month_end_clipping():
    # Start 01/06/2015: 1st 26/06/2015 (due 29/06) in; 2nd 31/08/2015 (due 26/09) in;
    # 3rd due 31/08/2015 + 6 months = 29/02/2016 (leap): child 1's 29/02 in, child 2's 01/03
    # late. 4th for child 1 due 29/02/2016 + 6 m = 29/08/2016, held 29/08/2016: in (next year).
    figures = reviews(
        "1,01/06/2015,S,C2,U1,,\n2,01/06/2015,S,C2,U1,,",
        """
        1,26/06/2015,PN1
        1,31/08/2015,PN1
        1,29/02/2016,PN1
        1,29/08/2016,PN1
        2,26/06/2015,PN1
        2,31/08/2015,PN1
        2,01/03/2016,PN1
        """,
    )
    assert figures["held"] == 6  # 29/08/2016 is after YE
    assert timely(figures) == (5, 6)
    assert figures["by_month"]["2016-03"] == {"held": 1, "in_timescale": 0}
    rows = "1,26/06/2015,PN1\n1,31/08/2015,PN1\n1,29/02/2016,PN1\n1,29/08/2016,PN1"
    nxt = reviews("1,01/06/2015,S,C2,U1,,", rows, date(2017, 3, 31))
    assert timely(nxt) == (1, 1)


def test_second_review_from_31_august_is_due_30_november():
    # 1st 31/08/2015 (start 10/08/2015, due 07/09) in; 2nd due 31/08 + 3 m = 30/11/2015:
    # child 1 on 30/11 in, child 2 on 01/12 late.
    figures = reviews(
        "1,10/08/2015,S,C2,U1,,\n2,10/08/2015,S,C2,U1,,",
        "1,31/08/2015,PN1\n1,30/11/2015,PN1\n2,31/08/2015,PN1\n2,01/12/2015,PN1",
    )
    assert timely(figures) == (3, 4)


def test_reviews_before_the_year_set_the_due_dates():
    # Period from 01/01/2015; reviews 15/01/2015 (1st), 10/04/2015 (2nd, due 15/04/2015),
    # 09/10/2015 (3rd, due 10/10/2015). Only the last two are in the year; both in time.
    figures = reviews(
        "1,01/01/2015,S,C2,U1,,", "1,15/01/2015,PN1\n1,10/04/2015,PN1\n1,09/10/2015,PN1"
    )
    assert timely(figures) == (2, 2)


def test_an_x1_chain_keeps_the_period_and_a_new_s_period_resets_the_due_dates():
    # Child 1: X1 chain from 01/04/2015: 1st review 20/04/2015 in; next is the 2nd (due
    # 20/07/2015), held 25/07/2015: late. Child 2: a new S period on 01/07/2015 (its previous
    # ended E11 that day): the review on 10/07/2015 is the new period's 1st (due 29/07): in.
    figures = reviews(
        """
        1,01/04/2015,S,C2,U1,01/05/2015,X1
        1,01/05/2015,P,C2,U2,,
        2,01/04/2015,S,C2,U1,01/07/2015,E11
        2,01/07/2015,S,C2,U1,,
        """,
        "1,20/04/2015,PN1\n1,25/07/2015,PN1\n2,20/04/2015,PN1\n2,10/07/2015,PN1",
    )
    assert timely(figures) == (3, 4)


def test_a_review_on_the_day_one_period_ends_and_the_next_starts_belongs_to_the_later():
    # 01/07/2015 is in both periods (one ends, the next starts). In the later one it is the
    # 1st review (day 0: in) and 05/08/2015 the 2nd (due 01/10/2015: in): 2 of 2.
    # Were it the earlier period's, it would be late (due 01/04 + 20 WD) and 05/08 would be
    # the new period's 1st (due 29/07: late): 0 of 2.
    figures = reviews(
        """
        2,01/04/2015,S,C2,U1,01/07/2015,E11
        2,01/07/2015,S,C2,U1,,
        """,
        "2,01/07/2015,PN1\n2,05/08/2015,PN1",
    )
    assert timely(figures) == (2, 2)


def test_short_break_reviews_are_ignored_and_others_outside_periods_unmatched():
    # Child 1: a V3 episode 01/05-10/05/2015 (days inclusive): the review 10/05/2015 is
    # ignored. Child 2: a review 01/05/2015 with no episode then: unmatched.
    figures = reviews(
        "1,01/05/2015,S,V3,U1,10/05/2015,E8\n2,01/06/2015,S,C2,U1,,",
        "1,10/05/2015,PN1\n2,01/05/2015,PN1",
    )
    assert figures["held"] == 0
    assert figures["unmatched"] == 1


def test_a_review_on_the_day_a_period_ends_belongs_to_it():
    figures = reviews("1,01/06/2015,S,C2,U1,20/06/2015,E11", "1,20/06/2015,PN1")
    assert (figures["held"], figures["unmatched"]) == (1, 0)


def test_duplicate_review_rows_are_one_review_with_the_last_code():
    figures = reviews("1,01/06/2015,S,C2,U1,,", "1,20/06/2015,PN1\n1,20/06/2015,PN3")
    assert figures["held"] == 1
    assert figures["participation"]["PN3"] == 1


def test_participation_codes_and_rate():
    # Codes PN0, PN1, PN6, PN7, empty, XX: all 8 PN keys listed; unknown = empty + XX = 2.
    # Rate: numerator PN1 + PN6 = 2; denominator all but PN0 = 5 -> 40.0.
    figures = reviews(
        "1,01/04/2015,S,C2,U1,,",
        """
        1,02/04/2015,PN0
        1,03/04/2015,PN1
        1,04/04/2015,PN6
        1,05/04/2015,PN7
        1,06/04/2015,
        1,07/04/2015,XX
        """,
    )
    assert figures["participation"] == {
        "PN0": 1, "PN1": 1, "PN2": 0, "PN3": 0, "PN4": 0, "PN5": 0, "PN6": 1, "PN7": 1,
        "unknown": 2,
    }  # fmt: skip
    assert figures["participation_rate"] == {"numerator": 2, "denominator": 5, "percent": 40.0}
