"""The unit's establishment: posts, who held them when, and leave, coherent with the meetings.

The seed's unit on 31 March 2016: "2 full time IROs, 1 part time IRO (30 hours), 2 full time
ICCs, 1 part time ICC (20 hours), 1 LADO, 1 part time Admin Services Coordinator, 2.5 Minute
Takers, 3 part time administrators, 1 full time administrator"; "one 30 hour vacant post and one
part time ICC on maternity leave ... covered by one experienced agency chair".
"""

import csv
import random
from collections import Counter
from datetime import date

import pytest

from iru.data.synthetic.unit_posts import Establishment
from iru.data.synthetic.unit_staff import Unit

SEED_DAY = "2016-03-31"


def _unit(folder, name):
    with (folder / "unit" / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _on(row, day):
    return row["start"] <= day and (not row["end"] or row["end"] > day)


@pytest.fixture(scope="module")
def unit(default):
    names = ("posts", "post_holdings", "leave", "staff", "meetings", "allocations")
    return {name: _unit(default, name) for name in names}


@pytest.fixture(scope="module")
def on_seed_day(unit):
    """(post, holding kind, staff, on leave) for every holding on 31 March 2016."""
    posts = {p["id"]: p for p in unit["posts"]}
    staff = {s["id"]: s for s in unit["staff"]}
    away = {v["holding_id"] for v in unit["leave"] if _on(v, SEED_DAY)}
    return [
        (posts[h["post_id"]], h["kind"], staff[h["staff_id"]], h["id"] in away)
        for h in unit["post_holdings"]
        if _on(h, SEED_DAY)
    ]


def _fte(held, kind, holding="substantive"):
    return sorted(float(p["fte"]) for p, k, _s, _away in held if p["kind"] == kind and k == holding)


def test_the_chairs_posts_on_the_seeds_day(on_seed_day):
    assert _fte(on_seed_day, "iro") == [0.81, 1.0, 1.0]  # the other 30-hour post is vacant
    assert _fte(on_seed_day, "icc") == [0.54, 1.0, 1.0]
    assert [p["fte"] for p, _k, _s, away in on_seed_day if away] == ["0.54"]  # maternity leave
    agency = [(p["kind"], p["fte"], s["id"]) for p, k, s, _away in on_seed_day if k == "agency"]
    assert sorted(agency)[0][:2] == ("icc", "0.54")
    assert sorted(agency)[1][:2] == ("iro", "0.81")
    assert len({staff_id for *_post, staff_id in agency}) == 1  # one agency chair covers both


def test_the_other_posts_on_the_seeds_day(on_seed_day):
    assert _fte(on_seed_day, "lado") == [1.0]
    assert sum(_fte(on_seed_day, "minute_taker")) == 2.5
    admin = _fte(on_seed_day, "admin")  # the coordinator and four administrators
    assert len(admin) == 5
    assert admin.count(1.0) == 1
    assert _fte(on_seed_day, "manager") == [1.0]
    roles = {p["kind"]: s["role"] for p, k, s, _away in on_seed_day if k == "substantive"}
    assert roles == {
        "iro": "iro", "icc": "icc", "lado": "admin", "minute_taker": "admin", "admin": "admin",
        "manager": "head_of_service",
    }  # fmt: skip


def test_every_chair_holds_a_post_with_their_fte(unit):
    posts = {p["id"]: p for p in unit["posts"]}
    held: dict[str, list[dict]] = {}
    for holding in unit["post_holdings"]:
        held.setdefault(holding["staff_id"], []).append(holding)
    for staff in unit["staff"]:
        if staff["role"] in {"iro", "icc"}:
            assert staff["id"] in held, staff
        for holding in held.get(staff["id"], []):
            if holding["kind"] == "substantive":
                assert staff["fte"] == posts[holding["post_id"]]["fte"], (staff, holding)


def test_holdings_and_leave_are_well_formed_with_some_turnover(unit):
    posts = {p["id"]: p for p in unit["posts"]}
    holdings = {h["id"]: h for h in unit["post_holdings"]}
    for holding in holdings.values():
        assert not holding["end"] or holding["end"] > holding["start"]
        assert holding["start"] >= posts[holding["post_id"]]["start"]
    for leave in unit["leave"]:
        holding = holdings[leave["holding_id"]]
        assert holding["kind"] == "substantive"
        assert holding["start"] < leave["start"]
        assert not holding["end"] or (leave["end"] and leave["end"] < holding["end"])
    substantive = [h for h in holdings.values() if h["kind"] == "substantive"]
    for first in substantive:  # one substantive holder of a post at a time
        for other in substantive:
            if other is not first and other["post_id"] == first["post_id"]:
                assert (first["end"] and first["end"] <= other["start"]) or (
                    other["end"] and other["end"] <= first["start"]
                )
    turnover = Counter(h["post_id"] for h in substantive)
    assert sum(count > 1 for count in turnover.values()) >= len(posts) // 2


def _available(unit):
    """Staff id -> the (start, end) stretches they held a chair's post, off leave."""
    chairs = {p["id"] for p in unit["posts"] if p["kind"] in {"iro", "icc"}}
    away = {}
    for leave in unit["leave"]:
        away.setdefault(leave["holding_id"], []).append((leave["start"], leave["end"] or "9999"))
    found = {}
    for holding in unit["post_holdings"]:
        if holding["post_id"] in chairs:
            found.setdefault(holding["staff_id"], []).append(
                (holding["start"], holding["end"] or "9999", away.get(holding["id"], []))
            )
    return found


def _chairs_on(available, staff_id, day):
    return any(
        start <= day < end and not any(a <= day < b for a, b in leaves)
        for start, end, leaves in available.get(staff_id, [])
    )


def test_every_meeting_is_chaired_by_someone_in_a_chairs_post_and_not_on_leave(unit):
    available = _available(unit)
    for meeting in unit["meetings"]:
        assert _chairs_on(available, meeting["chair_id"], meeting["date"]), meeting


def test_every_allocation_starts_with_a_chair_in_post_since_the_posts_opened(unit):
    available = _available(unit)
    for allocation in unit["allocations"]:
        day = max(allocation["start"], "2004-04-01")
        assert _chairs_on(available, allocation["chair_id"], day), allocation


def test_larger_scales_repeat_the_establishment_per_area():
    unit = Unit(random.Random(1), 3)
    establishment = Establishment(random.Random(2), unit, date(2026, 12, 7).toordinal())
    kinds = Counter((post.kind, post.area) for post in establishment.posts)
    assert kinds[("iro", 0)] == kinds[("iro", 2)] == 4
    assert kinds[("icc", 1)] == 3
    assert sum(kind == "manager" for kind, _area in kinds.elements()) == 1
    for area in range(3):
        spells = establishment.chair_spells[("iro", area)]
        assert {spell.staff.area for spell in spells} == {area}
