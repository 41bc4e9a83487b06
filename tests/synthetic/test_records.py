"""The synthetic records obey the SSDA903 and CIN rules the generator promises."""

import csv
from datetime import date

import polars as pl
from lxml import etree

from iru.rules.rag import default_catalogue
from tests.synthetic import counts
from tests.synthetic.conftest import TODAY

TEMPORARY = ["T0", "T1", "T2", "T3", "T4"]


def _unit(folder, name):
    with (folder / "unit" / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _periods(tiny):
    return counts.periods(counts.episodes(tiny)).sort(["CHILD", "DECOM"])


def test_nothing_in_the_returns_is_dated_after_today(tiny):
    episodes = counts.episodes(tiny)
    assert episodes["DECOM"].max() <= TODAY
    assert episodes["DEC"].drop_nulls().max() <= TODAY
    assert counts.reviews(tiny)["REVIEW"].max() <= TODAY
    skip = {"ReferenceDate", "InitialCPCtarget", "DateTime"}
    for xml in tiny.glob("*/CIN_Census_*.xml"):
        for element in etree.parse(str(xml)).iter():
            if isinstance(element.tag, str) and element.tag not in skip:
                text = element.text or ""
                if len(text) == 10 and text[4] == "-" and text[7] == "-":
                    assert date.fromisoformat(text) <= TODAY, (xml.name, element.tag, text)


def test_nothing_in_the_unit_data_is_dated_after_today(tiny):
    columns = {
        "meetings": ["date"], "allocations": ["start", "end"], "oversight_notes": ["date"],
        "rag_ratings": ["sent", "responded"], "escalations": ["raised", "resolved"],
    }  # fmt: skip
    for name, names in columns.items():
        for row in _unit(tiny, name):
            for column in names:
                assert not row[column] or date.fromisoformat(row[column]) <= TODAY, (name, row)


def test_the_current_years_open_episodes_have_no_end(tiny):
    current = pl.read_csv(tiny / "2026-27" / "SSDA903_2026-27_Episodes.csv", infer_schema=False)
    last = current.group_by("CHILD").agg(pl.col("DEC").sort_by(
        pl.col("DECOM").str.to_date("%d/%m/%Y")).last())  # fmt: skip
    assert last["DEC"].null_count() > 0


def test_temporary_placements_follow_the_rules(tiny):
    frame = _periods(tiny).with_columns(
        pl.col("PLACE").shift(-1).over("CHILD").alias("next_place"),
        pl.col("PLACE").shift(1).over("CHILD").alias("prev_place"),
        pl.col("PL_POST").shift(-1).over("CHILD").alias("next_post"),
        pl.col("PL_POST").shift(1).over("CHILD").alias("prev_post"),
        pl.col("period").shift(-1).over("CHILD").alias("next_period"),
        pl.col("period").shift(1).over("CHILD").alias("prev_period"),
    )
    temporary = frame.filter(pl.col("PLACE").is_in(TEMPORARY))
    assert temporary.height > 0
    # rules 380/381: a period neither starts nor ends with a temporary placement
    assert (temporary["prev_period"] == temporary["period"]).all()
    closed = temporary.filter(pl.col("DEC").is_not_null())
    assert (closed["next_period"] == closed["period"]).all()
    # rule 383: the child returns to the same placement
    assert (closed["next_place"] == closed["prev_place"]).all()
    assert (closed["next_post"] == closed["prev_post"]).all()
    # rule 379: T4 is 7 days or less
    t4 = closed.filter(pl.col("PLACE") == "T4")
    assert ((t4["DEC"] - t4["DECOM"]).dt.total_days() <= 7).all()
    # rule 226: no reason for a placement change on a T episode or the one before it
    assert temporary["REASON_PLACE_CHANGE"].null_count() == temporary.height


def test_short_breaks_follow_the_rules(tiny):
    episodes = counts.episodes(tiny)
    breaks = episodes.filter(pl.col("LS").is_in(["V3", "V4"]))
    assert breaks.height > 0
    assert (breaks.filter(pl.col("LS") == "V3")["RNE"] == "S").all()  # rule 366
    assert not breaks["PLACE"].is_in(TEMPORARY).any()  # rule 382
    children = set(breaks["CHILD"])
    assert children.isdisjoint(set(counts.reviews(tiny)["CHILD"]))  # rule 399


def test_adoption_codes_follow_the_rules(default):
    episodes = counts.episodes(default)
    adopted = episodes.filter(pl.col("REC").is_in(["E11", "E12"]))
    assert adopted.height > 0
    assert adopted["PLACE"].is_in(["A3", "A4", "A5", "A6"]).all()
    with_carer = episodes.filter(pl.col("PLACE").is_in(["A3", "A5"]))
    assert with_carer["RNE"].is_in(["S", "T", "U"]).all()  # rule 217
    assert episodes.filter(pl.col("REC").is_in(["E45", "E46", "E47", "E48"])).height > 0
    assert episodes.filter(pl.col("REC").is_in(["E43", "E44"])).height > 0  # before 2018-19


def test_pn0_if_and_only_if_under_4(tiny):
    header = pl.concat(
        [pl.read_csv(p, infer_schema=False) for p in tiny.glob("*/SSDA903_*_Header.csv")]
    ).unique("CHILD")
    reviews = (
        counts.reviews(tiny)
        .drop("DOB")
        .join(header.select("CHILD", pl.col("DOB").str.to_date("%d/%m/%Y")), on="CHILD")
    )
    for row in reviews.iter_rows(named=True):
        born, held = row["DOB"], row["REVIEW"]
        age = held.year - born.year - ((held.month, held.day) < (born.month, born.day))
        assert (row["REVIEW_CODE"] == "PN0") == (age < 4), row


def test_meetings_match_the_returns(tiny):
    meetings = _unit(tiny, "meetings")
    reviews = counts.reviews(tiny).filter(pl.col("REVIEW") >= date(2013, 4, 1))
    lac = {(m["child_ids"], m["date"]) for m in meetings if m["kind"] == "lac_review"}
    assert lac == {(r["CHILD"], r["REVIEW"].isoformat()) for r in reviews.iter_rows(named=True)}
    rows = _unit(tiny, "participation")
    participation = {(p["child_id"], p["code"]) for p in rows if p["code"]}
    assert participation == {(r["CHILD"], r["REVIEW_CODE"]) for r in reviews.iter_rows(named=True)}
    conferences = [m for m in meetings if m["kind"] in {"icpc", "rcpc"}]
    assert any(";" in m["child_ids"] for m in conferences)  # siblings share a conference
    outcomes = {m["outcome"] for m in conferences if m["kind"] == "icpc"}
    assert (
        {"plan", "no_plan"} <= outcomes <= {"plan", "no_plan", "change_of_category", "child_died"}
    )
    # every child at a conference has a participation row, with a booklet and no PN code
    by_meeting = {m["id"]: m for m in meetings}
    at_conferences = {(p["meeting_id"], p["child_id"]) for p in rows if not p["code"]}
    assert at_conferences == {(m["id"], c) for m in conferences for c in m["child_ids"].split(";")}
    assert all(by_meeting[m]["kind"] != "lac_review" for m, _ in at_conferences)


def test_rag_ratings_start_in_november_2015_with_catalogue_reasons(tiny):
    codes = {reason.code for reason in default_catalogue()}
    ratings = _unit(tiny, "rag_ratings")
    assert ratings
    assert min(r["sent"] for r in ratings) >= "2015-11-01"
    assert {r["rating"] for r in ratings} == {"red", "amber", "green"}
    for rating in ratings:
        assert set(rating["reasons"].split(";")) <= codes
        assert bool(rating["response_due"]) == (rating["rating"] != "green")
    late = [r for r in ratings if r["responded"] and r["responded"] > r["response_due"]]
    assert late
