"""The monthly RAG report as a document: every number in it is one of the month's figures."""

from __future__ import annotations

import json
from datetime import date

import pytest

from iru.figures.rag import rag_month_figures, rag_ratings_frame
from iru.reports.document import Share, from_json, to_json
from iru.reports.rag_monthly import (
    OpenEscalations,
    OverdueRow,
    name_overdue,
    rag_month_document,
)

REASONS = {
    "CP-R-01": "Delay in progressing assessments",
    "CP-R-02": "Visits have not taken place as often as the plan agreed",
    "CP-G-01": "All key people were invited and attended",
    "LAC-R-01": "Risk to the young person has not been fully assessed",
    "LAC-A-01": "Some tasks from the last review are outstanding",
    "LAC-G-01": "Contact is promoted",
}


def rating(n, day, kind, colour, reasons=(), **more):
    return {"rating_id": n, "day": day, "meeting_type": kind, "rating": colour,
            "reasons": list(reasons)} | more  # fmt: skip


def march_figures() -> dict:
    rows = [
        rating(
            1,
            date(2016, 3, 1),
            "cp",
            "red",
            ["CP-R-01", "CP-R-02"],
            team_manager_id=10,
            team_id=1,
            sent=date(2016, 3, 2),
            response_due=date(2016, 3, 9),
        ),
        rating(
            2,
            date(2016, 3, 8),
            "cp",
            "red",
            ["CP-R-01"],
            team_manager_id=10,
            team_id=1,
            sent=date(2016, 3, 9),
            response_due=date(2016, 3, 16),
            responded=date(2016, 3, 15),
        ),
        rating(3, date(2016, 3, 9), "cp", "green", ["CP-G-01"]),
        rating(
            4,
            date(2016, 3, 10),
            "lac",
            "amber",
            ["LAC-A-01", "UNCATALOGUED"],
            team_manager_id=11,
            team_id=2,
            sent=date(2016, 3, 11),
            response_due=date(2016, 3, 18),
            responded=date(2016, 3, 21),
        ),
        rating(5, date(2016, 3, 11), "lac", "green", ["LAC-G-01"]),
        rating(
            6,
            date(2016, 2, 11),
            "lac",
            "red",
            ["LAC-R-01"],
            team_manager_id=11,
            team_id=2,
            sent=date(2016, 2, 12),
            response_due=date(2016, 2, 19),
        ),
        rating(7, date(2016, 2, 12), "cp", "red", ["CP-R-01"]),
    ]
    return rag_month_figures(rag_ratings_frame(rows), date(2016, 3, 1), as_at=date(2016, 3, 31))


ESCALATIONS = [
    OpenEscalations("Stage 1: informal (team manager)", 3, 1),
    OpenEscalations("Stage 2: service manager", 1, 0),
    OpenEscalations("Stage 3: head of service", 0, 0),
    OpenEscalations("Stage 4: director", 0, 0),
]


def document(figures: dict):
    overdue = name_overdue(
        figures["overdue"], team_managers={10: "Tess Mann", 11: "Tom Oak"},
        teams={1: "North LAC team", 2: "South CP team"},
    )  # fmt: skip
    return rag_month_document(
        figures, month=date(2016, 3, 31), reasons=REASONS, overdue=overdue,
        escalations=ESCALATIONS, council="Borsetshire Council", scope="", made_on=date(2016, 4, 4),
    )  # fmt: skip


def rows(table) -> dict:
    return dict(table.rows)


def test_the_sections_in_order_with_a_slot_for_the_commentary():
    made = document(march_figures())
    assert [s.id for s in made.sections] == [
        "ratings", "cp", "lac", "amber", "themes", "responses", "escalations", "commentary"
    ]  # fmt: skip
    assert made.sections[-1].narrative_key == "commentary"
    assert (made.kind, made.period, made.subtitle) == ("rag", "2016-03", "March 2016")


def test_the_ratings_table_is_the_figures_with_totals_and_the_month_before():
    figures = march_figures()
    table = document(figures).table("rag-ratings")
    cp, lac = figures["ratings"]["cp"], figures["ratings"]["lac"]
    before_cp, before_lac = figures["previous_ratings"]["cp"], figures["previous_ratings"]["lac"]
    assert rows(table)["Child protection conferences"] == (
        cp["red"], cp["amber"], cp["green"], 3,
        before_cp["red"], before_cp["amber"], before_cp["green"], 1,
    )  # fmt: skip
    assert rows(table)["LAC reviews"] == (
        lac["red"], lac["amber"], lac["green"], 2,
        before_lac["red"], before_lac["amber"], before_lac["green"], 1,
    )  # fmt: skip
    # Hand-counted: March CP red 2, green 1; LAC amber 1, green 1; February one red each.
    assert rows(table)["Total"] == (2, 1, 2, 5, 2, 0, 0, 2)
    assert table.total_row
    assert table.columns[5] == "Red, February 2016"


def test_each_reason_table_is_the_figures_in_the_unit_s_wording():
    figures = march_figures()
    made = document(figures)
    for kind in ("cp", "lac"):
        for colour in ("red", "amber", "green"):
            table = made.table(f"rag-{kind}-{colour}")
            given = figures["reasons"][kind][colour]
            before = figures["previous_reasons"][kind][colour]
            expected = {
                REASONS.get(code, f"{code} (not in the unit's catalogue)"): (n, before.get(code, 0))
                for code, n in given.items()
            }
            assert rows(table) == expected, table.id
    assert rows(made.table("rag-cp-red")) == {
        "Delay in progressing assessments": (2, 1),
        "Visits have not taken place as often as the plan agreed": (1, 0),
    }
    assert "UNCATALOGUED (not in the unit's catalogue)" in rows(made.table("rag-lac-amber"))


def test_red_and_green_reasons_have_bar_charts_over_their_tables_and_amber_none():
    made = document(march_figures())
    charts = {chart.table_id: chart for chart in made.charts}
    assert set(charts) == {"rag-ratings", "rag-cp-red", "rag-cp-green", "rag-lac-green"}
    assert {charts[t].kind for t in charts if t != "rag-ratings"} == {"bar"}
    assert charts["rag-ratings"].kind == "column"
    # No red LAC rating in March: a table saying so, and no chart.
    empty = made.table("rag-lac-red")
    assert empty.rows == ()
    assert empty.note.startswith("0 red ratings of LAC reviews in March 2016 (1 in February")


def test_the_themes_are_the_figures_themes():
    figures = march_figures()
    made = document(figures)
    concerns = made.table("rag-themes-concerns")
    assert [label for label, _ in concerns.rows] == [
        REASONS.get(t["code"], f"{t['code']} (not in the unit's catalogue)")
        for t in figures["themes"]["concerns"]
    ]
    assert rows(concerns)["Delay in progressing assessments"] == (
        "Child protection conference", "Red", 2, 1, "Up"
    )  # fmt: skip
    strengths = rows(made.table("rag-themes-strengths"))
    assert strengths["Contact is promoted"] == ("LAC review", "Green", 1, 0, "New")


def test_responses_and_the_overdue_team_managers():
    figures = march_figures()
    made = document(figures)
    responses = figures["responses"]
    assert rows(made.table("rag-responses")) == {
        "Answered on time": (responses["on_time"], Share(1, 3, 33.3)),
        "Answered late": (responses["late"], Share(1, 3, 33.3)),
        "Awaiting a response": (responses["awaiting"], Share(1, 3, 33.3)),
        "Total": (responses["sent"], Share(3, 3, 100.0)),
    }
    overdue = made.table("rag-overdue")
    # Hand-counted on 31 March: Tom Oak rating 6 (due 19 Feb), Tess Mann rating 1 (9 March):
    # one each, the older first.
    assert overdue.rows == (
        ("Tom Oak", ("South CP team", 1, "19 February 2016")),
        ("Tess Mann", ("North LAC team", 1, "9 March 2016")),
        ("Total", ("", 2, "19 February 2016")),
    )
    assert [r["overdue"] for r in figures["overdue"]] == [1, 1]


def test_the_escalations_by_stage_with_their_total():
    table = document(march_figures()).table("rag-escalations")
    assert table.rows[0] == ("Stage 1: informal (team manager)", (3, 1))
    assert table.rows[-1] == ("Total", (4, 1))
    assert table.caption == "Escalations open on 31 March 2016, by stage"


def test_no_child_is_named_and_no_code_stands_alone():
    made = document(march_figures())
    labels = [label for table in made.tables for label, _ in table.rows]
    for code in REASONS:
        assert code not in labels


def test_a_month_with_no_ratings_and_nothing_overdue():
    empty = rag_month_figures(rag_ratings_frame([]), date(2016, 3, 1), as_at=date(2016, 3, 14))
    made = rag_month_document(
        empty, month=date(2016, 3, 1), reasons=REASONS, overdue=[], escalations=[],
        council="Borsetshire Council", scope="Your children", made_on=date(2016, 3, 14),
    )  # fmt: skip
    assert rows(made.table("rag-ratings"))["Total"] == (0,) * 8
    assert made.table("rag-overdue").note == "No response was overdue on 14 March 2016."
    assert rows(made.table("rag-responses"))["Total"] == (0, Share(0, 0, None))
    assert [chart.table_id for chart in made.charts] == ["rag-ratings"]
    assert "as at 14 March 2016" in made.notes[1]
    assert made.scope == "Your children"


def test_the_document_survives_json_and_refuses_another_month():
    figures = march_figures()
    made = document(figures)
    assert from_json(json.loads(json.dumps(to_json(made)))) == made
    with pytest.raises(ValueError, match="the figures are for 2016-03"):
        rag_month_document(
            figures, month=date(2016, 4, 1), reasons=REASONS, overdue=[], escalations=[],
            council="x", scope="", made_on=date(2016, 4, 4),
        )  # fmt: skip


def test_an_overdue_row_without_a_team_manager_says_so():
    named = name_overdue(
        [{"team_manager": None, "team": None, "overdue": 2, "oldest_due": "2016-03-01"}],
        team_managers={}, teams={},
    )  # fmt: skip
    assert named == [OverdueRow("No team manager recorded", "No team recorded", 2,
                                date(2016, 3, 1))]  # fmt: skip
