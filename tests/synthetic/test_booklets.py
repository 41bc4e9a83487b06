"""Consultation booklets at LAC reviews and conferences (`participation.csv`, `booklet`)."""

import csv
import random
from collections import Counter
from datetime import date

import polars as pl
import pytest

from iru.data.synthetic.unit_booklets import booklet, returned_share

BOOKLETS = {"not_sent", "sent", "returned"}


@pytest.fixture(scope="module")
def rows(default):
    """Each participation row with its meeting's kind and date and the child's age (LAC)."""
    with (default / "unit" / "meetings.csv").open(encoding="utf-8") as handle:
        meetings = {m["id"]: m for m in csv.DictReader(handle)}
    header = pl.concat(
        [pl.read_csv(p, infer_schema=False) for p in default.glob("*/SSDA903_*_Header.csv")]
    ).unique("CHILD")
    born = {
        child: date(int(dob[6:]), int(dob[3:5]), int(dob[:2]))
        for child, dob in header.select("CHILD", "DOB").iter_rows()
    }
    found = []
    with (default / "unit" / "participation.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            meeting = meetings[row["meeting_id"]]
            held = date.fromisoformat(meeting["date"])
            dob = born.get(row["child_id"])
            age = (
                None
                if dob is None
                else held.year - dob.year - ((held.month, held.day) < (dob.month, dob.day))
            )
            found.append(row | {"kind": meeting["kind"], "held": held, "age": age})
    return found


def _returned(rows):
    sent = [r for r in rows if r["booklet"] != "not_sent"]
    return sum(r["booklet"] == "returned" for r in sent) / len(sent)


def test_every_child_at_every_meeting_has_a_booklet_outcome(rows):
    assert {r["booklet"] for r in rows} == BOOKLETS
    assert {r["kind"] for r in rows} == {"lac_review", "icpc", "rcpc"}


def test_under_4s_are_mostly_not_sent_one(rows):
    babies = Counter(r["booklet"] for r in rows if r["code"] == "PN0")
    assert babies["not_sent"] / sum(babies.values()) >= 0.9


def test_the_pn_code_and_the_booklet_agree(rows):
    by_code = {
        code: Counter(r["booklet"] for r in rows if r["code"] == code) for code in ("PN6", "PN7")
    }
    assert by_code["PN6"]["returned"] / sum(by_code["PN6"].values()) >= 0.8  # views by booklet
    assert by_code["PN7"]["returned"] == 0  # views not conveyed


def test_older_children_return_more_and_more_each_year(rows):
    lac = [r for r in rows if r["kind"] == "lac_review" and r["age"] is not None and r["age"] >= 4]
    assert _returned([r for r in lac if r["age"] >= 12]) > _returned(
        [r for r in lac if r["age"] < 8]
    )

    def year(first):
        return [r for r in lac if date(first, 4, 1) <= r["held"] < date(first + 1, 4, 1)]

    assert _returned(year(2020)) > _returned(year(2015)) > _returned(year(2012))


def test_children_at_conferences_return_fewer_than_looked_after_children(rows):
    conferences = [r for r in rows if r["kind"] != "lac_review"]
    assert _returned(conferences) < _returned([r for r in rows if r["kind"] == "lac_review"])


@pytest.mark.parametrize(
    ("meeting", "age", "held", "share"),
    [
        ("lac", 13, date(2016, 3, 31), 0.57),  # 2015-16
        ("lac", 13, date(2019, 4, 1), 0.65),  # 2019-20: 4 years on
        ("lac", 4, date(2013, 3, 31), 0.30),  # 2012-13: 3 years before
        ("cp", 16, date(2040, 1, 1), 0.56),  # the rise stops at 0.12
        ("cp", 7, date(2005, 1, 1), 0.10),  # and the fall at 0.1
    ],
)
def test_the_returned_share_by_age_and_year(meeting, age, held, share):
    assert returned_share(meeting, age, held.toordinal()) == pytest.approx(share)


def test_a_booklet_is_never_returned_when_the_views_were_not_conveyed():
    rng = random.Random(0)
    outcomes = {booklet(rng, "lac", 10, "PN7", date(2016, 1, 1).toordinal()) for _ in range(200)}
    assert outcomes == {"sent", "not_sent"}
