"""`unit.rag`: ratings by month, type and colour; a month's reasons, themes and responses.

Every expected value is counted by hand from the rows above it.
"""

from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest

from iru.figures.rag import (
    RAG_FRAME_SCHEMA,
    months_covered,
    rag_month_figures,
    rag_ratings_frame,
    rag_year_figures,
)

ZERO = {"red": 0, "amber": 0, "green": 0}


def rating(n: int, day, meeting_type="lac", colour="red", reasons=(), **more) -> dict:
    return {"rating_id": n, "day": day, "meeting_type": meeting_type, "rating": colour,
            "reasons": list(reasons)} | more  # fmt: skip


def frame(*rows: dict) -> pl.DataFrame:
    return rag_ratings_frame(rows)


# The frame.


def test_the_frame_is_typed_and_a_time_of_day_is_dropped():
    built = frame(rating(1, datetime(2016, 3, 31, 23, 59), reasons=["B", "A", "B"]))
    assert built.schema == pl.Schema(RAG_FRAME_SCHEMA)
    assert built.row(0, named=True)["day"] == date(2016, 3, 31)
    assert built.row(0, named=True)["reasons"] == ["A", "B"]  # each code once
    assert built.row(0, named=True)["cancelled"] is False


def test_an_empty_frame_has_the_schema():
    assert rag_ratings_frame([]).schema == pl.Schema(RAG_FRAME_SCHEMA)


# A year.


def test_year_by_month_and_total_with_the_month_boundaries():
    figures = rag_year_figures(
        frame(
            rating(1, date(2015, 3, 31)),  # before the year
            rating(2, date(2015, 4, 1)),  # first day: April
            rating(3, datetime(2016, 2, 29, 23, 59), "cp", "green"),  # leap day: February
            rating(4, date(2016, 3, 1), "cp", "amber"),
            rating(5, date(2016, 3, 31), "cp", "amber"),  # last day: March
            rating(6, date(2016, 3, 31), "cp", "amber", cancelled=True),  # never counts
            rating(7, date(2016, 4, 1)),  # after the year
        ),
        date(2016, 3, 31),
    )
    assert list(figures["by_month"]) == [f"2015-{m:02}" for m in range(4, 13)] + [
        "2016-01", "2016-02", "2016-03"
    ]  # fmt: skip
    assert figures["by_month"]["2015-04"] == {"lac": ZERO | {"red": 1}, "cp": ZERO}
    assert figures["by_month"]["2016-02"] == {"lac": ZERO, "cp": ZERO | {"green": 1}}
    assert figures["by_month"]["2016-03"] == {"lac": ZERO, "cp": ZERO | {"amber": 2}}
    assert figures["by_month"]["2015-09"] == {"lac": ZERO, "cp": ZERO}
    assert figures["total"] == {"lac": ZERO | {"red": 1}, "cp": {"red": 0, "amber": 2, "green": 1}}


def test_a_rating_without_a_meeting_type_is_unknown_and_listed_only_then():
    figures = rag_year_figures(frame(rating(1, date(2016, 1, 5), None)), date(2016, 3, 31))
    assert figures["total"] == {"lac": ZERO, "cp": ZERO, "unknown": ZERO | {"red": 1}}
    plain = rag_year_figures(frame(rating(1, date(2016, 1, 5))), date(2016, 3, 31))
    assert "unknown" not in plain["total"]


def test_a_year_end_must_be_a_month_end():
    with pytest.raises(ValueError, match="not the last day of a month"):
        rag_year_figures(frame(), date(2016, 3, 30))


def test_a_year_ending_in_february_2017_counts_29_february_2016_in_its_first_month():
    # YS is 29 Feb 2016, the day before March 2016 begins (FIGURES.md "Reporting year").
    figures = rag_year_figures(frame(rating(1, date(2016, 2, 29))), date(2017, 2, 28))
    assert figures["by_month"]["2016-03"]["lac"]["red"] == 1
    assert figures["total"]["lac"]["red"] == 1


# A month.

MARCH = date(2016, 3, 31)


def march(*rows: dict, as_at: date = MARCH) -> dict:
    return rag_month_figures(frame(*rows), date(2016, 3, 15), as_at=as_at)


def test_a_month_and_the_month_before_it():
    figures = march(
        rating(1, date(2016, 2, 29), "cp", "red"),  # leap day: the month before
        rating(2, date(2016, 3, 1), "cp", "red"),
        rating(3, datetime(2016, 3, 31, 23, 59), "cp", "green"),
        rating(4, date(2016, 4, 1), "lac", "red"),  # the month after
        rating(5, date(2016, 3, 10), "lac", "amber", cancelled=True),
    )
    assert figures["month"] == "2016-03"
    assert figures["previous_month"] == "2016-02"
    assert figures["ratings"] == {"lac": ZERO, "cp": {"red": 1, "amber": 0, "green": 1}}
    assert figures["previous_ratings"] == {"lac": ZERO, "cp": ZERO | {"red": 1}}


def test_march_2016_month_before_is_february_even_from_the_31st():
    figures = rag_month_figures(frame(), date(2016, 3, 31), as_at=MARCH)
    assert (figures["month"], figures["previous_month"]) == ("2016-03", "2016-02")
    january = rag_month_figures(frame(), date(2016, 1, 31), as_at=date(2016, 1, 31))
    assert january["previous_month"] == "2015-12"


def test_reasons_count_ratings_by_their_type_and_colour_each_reason_once():
    figures = march(
        rating(1, date(2016, 3, 2), "cp", "red", ["CP-R-05", "CP-R-03"]),
        rating(2, date(2016, 3, 3), "cp", "red", ["CP-R-05", "CP-R-05"]),  # given twice: once
        rating(3, date(2016, 3, 4), "cp", "green", ["CP-G-01"]),
        rating(4, date(2016, 3, 4), "lac", "red", ["LAC-R-01"], cancelled=True),
        rating(5, date(2016, 2, 4), "cp", "red", ["CP-R-03"]),
    )
    assert figures["reasons"]["cp"]["red"] == {"CP-R-05": 2, "CP-R-03": 1}
    assert list(figures["reasons"]["cp"]["red"]) == ["CP-R-05", "CP-R-03"]  # most given first
    assert figures["reasons"]["cp"]["green"] == {"CP-G-01": 1}
    assert figures["reasons"]["cp"]["amber"] == {}
    assert figures["reasons"]["lac"] == {"red": {}, "amber": {}, "green": {}}
    assert figures["previous_reasons"]["cp"]["red"] == {"CP-R-03": 1}


def test_a_month_with_no_ratings():
    figures = march(rating(1, date(2016, 1, 5), "lac", "red", ["LAC-R-01"], sent=date(2016, 1, 5)))
    assert figures["ratings"] == {"lac": ZERO, "cp": ZERO}
    assert figures["reasons"]["lac"]["red"] == {}
    assert figures["themes"] == {"concerns": [], "strengths": []}
    assert figures["responses"] == {"sent": 0, "on_time": 0, "late": 0, "awaiting": 0}


def test_themes_compare_with_the_month_before_including_a_month_with_none():
    this_month = [
        rating(1, date(2016, 3, 1), "lac", "red", ["R1", "R2"]),
        rating(2, date(2016, 3, 2), "lac", "red", ["R1"]),
        rating(3, date(2016, 3, 3), "lac", "amber", ["A1"]),
        rating(4, date(2016, 3, 4), "cp", "green", ["G1"]),
    ]
    # February had no ratings at all: every theme is new.
    figures = march(*this_month)
    assert [(t["code"], t["count"], t["previous"], t["change"])
            for t in figures["themes"]["concerns"]] == [
        ("R1", 2, 0, "new"), ("A1", 1, 0, "new"), ("R2", 1, 0, "new")
    ]  # fmt: skip
    assert figures["themes"]["strengths"] == [
        {"code": "G1", "meeting_type": "cp", "rating": "green", "count": 1, "previous": 0,
         "change": "new"}
    ]  # fmt: skip
    # With February: R1 was given 3 times (down), R2 once (same), A1 never (new).
    february = [
        rating(10 + n, date(2016, 2, 1 + n), "lac", "red", ["R1"] + (["R2"] if n == 0 else []))
        for n in range(3)
    ]
    figures = march(*this_month, *february)
    assert [(t["code"], t["previous"], t["change"]) for t in figures["themes"]["concerns"]] == [
        ("R1", 3, "down"), ("A1", 0, "new"), ("R2", 1, "same")
    ]  # fmt: skip


def test_themes_are_the_top_five_and_those_tied_with_the_fifth():
    # Reasons R1..R7 given 7, 6, 5, 4, 3, 3 and 1 times: the top five and R6 tied with R5.
    rows, n = [], 0
    for code, times in (("R1", 7), ("R2", 6), ("R3", 5), ("R4", 4), ("R5", 3), ("R6", 3),
                        ("R7", 1)):  # fmt: skip
        for _ in range(times):
            n += 1
            rows.append(rating(n, date(2016, 3, 1 + n % 28), "lac", "red", [code]))
    rows.append(rating(99, date(2016, 2, 1), "lac", "red", ["R2"]))  # February: R2 once
    figures = march(*rows)
    concerns = figures["themes"]["concerns"]
    assert [t["code"] for t in concerns] == ["R1", "R2", "R3", "R4", "R5", "R6"]
    assert concerns[1] == {"code": "R2", "meeting_type": "lac", "rating": "red", "count": 6,
                           "previous": 1, "change": "up"}  # fmt: skip


def test_responses_to_ratings_sent_in_the_month_as_at_its_last_day():
    due = date(2016, 3, 10)
    figures = march(
        # sent in March: on time (on the due day), late, awaiting, answered only in April
        rating(1, date(2016, 3, 2), sent=date(2016, 3, 3), response_due=due, responded=due),
        rating(
            2,
            date(2016, 3, 2),
            sent=date(2016, 3, 3),
            response_due=due,
            responded=date(2016, 3, 11),
        ),
        rating(
            3,
            date(2016, 3, 2),
            colour="amber",
            sent=date(2016, 3, 31),
            response_due=date(2016, 4, 7),
        ),
        rating(
            4, date(2016, 3, 2), sent=date(2016, 3, 3), response_due=due, responded=date(2016, 4, 1)
        ),
        # answered on the last day itself, on time
        rating(
            8,
            date(2016, 3, 29),
            sent=date(2016, 3, 30),
            response_due=date(2016, 4, 6),
            responded=MARCH,
        ),
        # not counted: green needs no response; sent in February; cancelled
        rating(5, date(2016, 3, 2), colour="green", sent=date(2016, 3, 3)),
        rating(6, date(2016, 2, 26), sent=date(2016, 2, 29), response_due=date(2016, 3, 7)),
        rating(7, date(2016, 3, 2), sent=date(2016, 3, 3), cancelled=True),
    )
    assert figures["responses"] == {"sent": 5, "on_time": 2, "late": 1, "awaiting": 2}
    assert figures["as_at"] == "2016-03-31"
    # Drawn up on 2 April instead (the current month's figures as at that day): rating 4 is
    # now answered, late.
    later = march(
        rating(
            4, date(2016, 3, 2), sent=date(2016, 3, 3), response_due=due, responded=date(2016, 4, 1)
        ),
        as_at=date(2016, 4, 2),
    )
    assert later["responses"] == {"sent": 1, "on_time": 0, "late": 1, "awaiting": 0}


def test_overdue_by_team_manager_on_the_month_end():
    figures = march(
        # Team manager 10 (team 1): two overdue, the oldest due 1 February.
        rating(1, date(2016, 1, 20), team_manager_id=10, team_id=1, response_due=date(2016, 2, 1)),
        rating(2, date(2016, 3, 20), team_manager_id=10, team_id=1, response_due=date(2016, 3, 30)),
        # Due on the day itself: not yet overdue.
        rating(3, date(2016, 3, 20), team_manager_id=10, team_id=1, response_due=MARCH),
        # Team manager 11: answered only after the month end, so overdue on it.
        rating(
            4,
            date(2016, 3, 1),
            team_manager_id=11,
            team_id=2,
            response_due=date(2016, 3, 8),
            responded=date(2016, 4, 4),
        ),
        # Not overdue: answered in time; green; cancelled.
        rating(
            5,
            date(2016, 3, 1),
            team_manager_id=11,
            team_id=2,
            response_due=date(2016, 3, 8),
            responded=date(2016, 3, 8),
        ),
        rating(6, date(2016, 3, 1), colour="green", team_manager_id=11, response_due=None),
        rating(
            7, date(2016, 3, 1), team_manager_id=11, response_due=date(2016, 3, 8), cancelled=True
        ),
        # No team manager recorded.
        rating(8, date(2016, 3, 1), colour="amber", response_due=date(2016, 3, 9)),
    )
    assert figures["overdue"] == [
        {"team_manager": 10, "team": 1, "overdue": 2, "oldest_due": "2016-02-01"},
        {"team_manager": 11, "team": 2, "overdue": 1, "oldest_due": "2016-03-08"},
        {"team_manager": None, "team": None, "overdue": 1, "oldest_due": "2016-03-09"},
    ]


def test_as_at_may_not_come_before_the_month():
    with pytest.raises(ValueError, match="before 2016-03 begins"):
        rag_month_figures(frame(), date(2016, 3, 1), as_at=date(2016, 2, 29))


def test_months_covered_run_from_the_first_rating_to_today_latest_first():
    rows = frame(
        rating(1, date(2015, 11, 30), cancelled=True),  # cancelled: does not start the range
        rating(2, date(2015, 12, 31)),
        rating(3, date(2016, 2, 29)),
    )
    assert months_covered(rows, today=date(2016, 3, 1)) == [
        date(2016, 3, 1), date(2016, 2, 1), date(2016, 1, 1), date(2015, 12, 1)
    ]  # fmt: skip
    assert months_covered(frame(), today=date(2016, 3, 1)) == []
