"""A chair (Iris Reed, S1) with A1 looked after; another chair (Colin Chase, S2) with B2."""

from __future__ import annotations

import pytest
import time_machine

from iru.web.children.models import Allocation, Child, Episode, Section47
from iru.web.people.models import Staff, Team, User

from ..conftest import TODAY, d


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY.isoformat() + " 12:00 +01:00", tick=False):
        yield


def make_user(username: str, role: str, staff_id: str | None) -> User:
    staff = Staff.objects.get(external_id=staff_id) if staff_id else None
    return User.objects.create_user(username=username, password="pw", role=role, staff=staff)


@pytest.fixture
def chair(imported) -> User:
    return make_user("iris", User.Role.CHAIR, "S1")


@pytest.fixture
def other_chair(imported) -> User:
    return make_user("colin", User.Role.CHAIR, "S2")


@pytest.fixture
def a1(imported) -> Child:
    return Child.objects.get(la_child_id="A1")


@pytest.fixture
def b2(imported) -> Child:
    return Child.objects.get(la_child_id="B2")


def looked_after_child(la_id: str, dob: str, *, chair_id: str = "S1", decom="2024-05-01") -> Child:
    child = Child.objects.create(la_child_id=la_id, given_name="Kit", family_name=la_id, dob=d(dob))
    Episode.objects.create(child=child, decom=d(decom), rne="S", ls="C2", place="U1")
    Allocation.objects.create(
        child=child, kind="lac", chair=Staff.objects.get(external_id=chair_id),
        team=Team.objects.get(external_id="T1"), start=d(decom),
    )  # fmt: skip
    return child


def child_awaiting_icpc(la_id: str, *, chair_id: str = "S2") -> Child:
    child = Child.objects.create(la_child_id=la_id, given_name="Pip", family_name=la_id)
    Section47.objects.create(child=child, start=d("2024-05-20"), cin_referral_date=d("2024-05-19"))
    Allocation.objects.create(
        child=child, kind="cp", chair=Staff.objects.get(external_id=chair_id),
        team=Team.objects.get(external_id="T2"), start=d("2024-05-20"),
    )  # fmt: skip
    return child
