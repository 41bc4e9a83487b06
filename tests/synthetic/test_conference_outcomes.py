"""The unit's conference outcomes agree with the CIN census the generator writes.

A conference's outcome holds for every child it covers: `plan`, a plan starting that day for each
child; `no_plan` and `child_died`, none; `change_of_category`, no new plan but the child's open plan
takes the conference's category. Every initial conference is a Section47 `DateOfInitialCPC` of
each child, every review conference a `CPPreviewDate` of each child's plan.
"""

import csv
from dataclasses import dataclass, field
from datetime import date

import pytest
from lxml import etree

from tests.shared import SHARED


@dataclass
class CensusChild:
    plans: dict[date, tuple[date | None, str, str, set[date]]] = field(default_factory=dict)
    icpcs: set[date] = field(default_factory=set)
    death: date | None = None
    closures: set[tuple[date, str]] = field(default_factory=set)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _read(child: etree._Element, found: CensusChild) -> None:
    found.death = _day(child.findtext("ChildIdentifiers/PersonDeathDate")) or found.death
    for details in child.iter("CINdetails"):
        if details.findtext("CINclosureDate"):
            closed = _day(details.findtext("CINclosureDate"))
            found.closures.add((closed, details.findtext("ReasonForClosure") or ""))
        found.icpcs |= {_day(s.text) for s in details.iterfind("Section47/DateOfInitialCPC")}
    for plan in child.iter("ChildProtectionPlans"):
        start = _day(plan.findtext("CPPstartDate"))
        reviews = {_day(r.text) for r in plan.iter("CPPreviewDate")}
        before = found.plans.get(start, (None, "", "", set()))
        found.plans[start] = (
            _day(plan.findtext("CPPendDate")) or before[0],
            plan.findtext("InitialCategoryOfAbuse") or "",
            plan.findtext("LatestCategoryOfAbuse") or "",
            before[3] | reviews,
        )


@pytest.fixture(scope="module")
def census(default) -> dict[str, CensusChild]:
    children: dict[str, CensusChild] = {}
    for path in sorted(default.glob("*/CIN_Census_*.xml")):
        for child in etree.parse(str(path)).iter("Child"):
            child_id = child.findtext("ChildIdentifiers/LAchildID") or ""
            _read(child, children.setdefault(child_id, CensusChild()))
    return children


@pytest.fixture(scope="module")
def conferences(default) -> list[dict[str, str]]:
    with (default / "unit" / "meetings.csv").open(encoding="utf-8") as handle:
        return [m for m in csv.DictReader(handle) if m["kind"] in {"icpc", "rcpc"}]


def _children(meeting: dict[str, str]) -> list[str]:
    return meeting["child_ids"].split(";")


def test_every_initial_conference_is_each_childs_section47_conference(census, conferences):
    for meeting in (m for m in conferences if m["kind"] == "icpc"):
        held = date.fromisoformat(meeting["date"])
        for child in _children(meeting):
            assert held in census[child].icpcs, meeting


def test_a_plan_starts_for_each_child_exactly_when_the_outcome_is_plan(census, conferences):
    outcomes = set()
    for meeting in (m for m in conferences if m["kind"] == "icpc"):
        held, outcome = date.fromisoformat(meeting["date"]), meeting["outcome"]
        outcomes.add(outcome)
        for child in _children(meeting):
            assert (held in census[child].plans) == (outcome == "plan"), meeting
        assert bool(meeting["category"]) == (outcome in {"plan", "change_of_category"}), meeting
    assert outcomes == {"plan", "no_plan", "change_of_category", "child_died"}


def test_a_change_of_category_changes_the_open_plans_category(census, conferences):
    changed = [m for m in conferences if m["outcome"] == "change_of_category"]
    assert changed
    for meeting in changed:
        held = date.fromisoformat(meeting["date"])
        for child in _children(meeting):
            open_plans = [
                (start, latest)
                for start, (end, _initial, latest, _reviews) in census[child].plans.items()
                if start < held and (end is None or end > held)
            ]
            assert open_plans == [(open_plans[0][0], meeting["category"])], meeting


def test_a_child_who_died_has_a_death_date_and_nothing_after(census, conferences):
    died = [m for m in conferences if m["outcome"] == "child_died"]
    assert died
    for meeting in died:
        held = date.fromisoformat(meeting["date"])
        (child,) = _children(meeting)
        record = census[child]
        assert record.death is not None
        assert record.death <= held
        assert any(reason == "RC2" and closed >= held for closed, reason in record.closures)
        assert not record.plans
        later = [m for m in conferences if child in _children(m) and m["date"] > meeting["date"]]
        assert not later


def test_every_review_conference_reviews_each_childs_plan(census, conferences):
    for meeting in (m for m in conferences if m["kind"] == "rcpc"):
        held = date.fromisoformat(meeting["date"])
        for child in _children(meeting):
            reviews = [r for (*_plan, r) in census[child].plans.values() if held in r]
            assert reviews, meeting


def test_a_census_with_a_death_date_is_valid_against_its_schema(default):
    from iru.data.synthetic.cin_census import schema_year

    for path in sorted(default.glob("*/CIN_Census_*.xml")):
        if b"PersonDeathDate" in path.read_bytes():
            year = schema_year(int(path.stem.rsplit("_", 1)[1]))
            xsd = SHARED / "reference" / "schemas" / "cin" / f"CIN_schema_{year}.xsd"
            schema = etree.XMLSchema(etree.parse(str(xsd)))
            assert schema.validate(etree.parse(str(path))), schema.error_log.last_error
            return
    pytest.fail("no census has a PersonDeathDate")
