"""The stored next due dates (ADR 0009) always equal what `next_meetings_due` computes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from iru.web.caseloads.models import Allocation
from iru.web.caseloads.services import allocation_reassign
from iru.web.children.models import Child, CinDetail, CpPlan, Episode, Section47
from iru.web.people.models import Staff, User
from iru.web.schedule.models import NextDueRefresh, NextMeetingDue, StaleNextDue
from iru.web.schedule.selectors import unit as unit_selectors
from iru.web.schedule.selectors.due import next_meetings_due
from iru.web.schedule.services import schedule_ensure_current
from tests.web.conftest import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY.isoformat() + " 12:00 +01:00", tick=False):
        yield


def stored() -> dict[int, tuple[str, date, int | None]]:
    return {r.child_id: (r.kind, r.due, r.chair_id) for r in NextMeetingDue.objects.all()}


def computed(today: date) -> dict[int, tuple[str, date, int | None]]:
    due = next_meetings_due(Child.objects.all(), today=today)
    return {pk: (m.kind, m.due, m.chair_id) for pk, m in due.items()}


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@pytest.fixture
def changing(imported) -> list[Child]:
    """Children whose next meeting changes with the day: an episode that ends, one that
    starts, a plan that ends, an enquiry that starts, one whose CIN episode closes, and an
    allocation handed over to another chair."""
    iris, colin = Staff.objects.get(external_id="S1"), Staff.objects.get(external_id="S2")
    made = [Child.objects.create(la_child_id=f"X{i}") for i in range(6)]
    ends, starts, plan, enquiry, closes, handed = made
    Episode.objects.create(child=ends, decom=day(-100), dec=day(10), rne="S", ls="C2", rec="E11")
    Episode.objects.create(child=starts, decom=day(20), rne="S", ls="C2")
    CpPlan.objects.create(child=plan, start=day(-50), end=day(30))
    Section47.objects.create(child=enquiry, start=day(5))
    CinDetail.objects.create(child=closes, referral_date=day(-20), closure_date=day(15))
    Section47.objects.create(child=closes, start=day(-10), cin_referral_date=day(-20))
    Episode.objects.create(child=handed, decom=day(-300), rne="S", ls="C2")
    Allocation.objects.create(child=handed, kind="lac", chair=iris, start=day(-300), end=day(7))
    Allocation.objects.create(child=handed, kind="lac", chair=colin, start=day(7))
    return made


def test_the_import_stores_every_child_s_next_meeting(imported):
    assert stored() == computed(TODAY)
    assert set(NextMeetingDue.objects.values_list("computed_on", flat=True)) == {TODAY}


def test_direct_saves_mark_the_child_stale_until_the_next_read(changing):
    schedule_ensure_current(today=TODAY)
    assert stored() == computed(TODAY)
    ends = changing[0]
    Episode.objects.filter(child=ends).get().delete()
    assert set(StaleNextDue.objects.values_list("child_id", flat=True)) == {ends.pk}
    assert ends.pk in stored()  # not yet: no read of the schedule has happened
    schedule_ensure_current(today=TODAY)
    assert ends.pk not in stored()
    assert stored() == computed(TODAY)
    assert not StaleNextDue.objects.exists()


@pytest.mark.parametrize(
    "days", [[0, 1, 8, 40, -3, 400, -400, 0], [31, 30, 16, 15, 6, 5, -1], [365 * 2, 0]]
)
def test_a_new_day_recomputes_only_what_changed_and_agrees(changing, days):
    for offset in days:
        schedule_ensure_current(today=day(offset))
        assert NextDueRefresh.objects.get().computed_on == day(offset)
        assert stored() == computed(day(offset)), offset
        assert set(NextMeetingDue.objects.values_list("computed_on", flat=True)) <= {day(offset)}


def test_an_up_to_date_store_costs_one_query(imported, django_assert_num_queries):
    with django_assert_num_queries(1):
        schedule_ensure_current(today=TODAY)


def test_many_saves_cost_one_recompute_at_the_next_read(imported):
    child = Child.objects.create(la_child_id="D1")
    Section47.objects.create(child=child, start=day(-2))
    Section47.objects.create(child=child, start=day(-1))
    assert child.pk not in stored()
    assert list(StaleNextDue.objects.values_list("child_id", flat=True)) == [child.pk]
    schedule_ensure_current(today=TODAY)
    assert stored()[child.pk][0] == "icpc"


def test_deleting_a_child_deletes_its_row(imported):
    a1 = Child.objects.get(la_child_id="A1")
    assert a1.pk in stored()
    a1.delete()
    assert a1.pk not in stored()


def test_reallocating_stores_the_new_chair(imported):
    a1 = Child.objects.get(la_child_id="A1")
    colin = Staff.objects.get(external_id="S2")
    head = User.objects.create_user(username="h", password="pw", role=User.Role.HEAD_OF_SERVICE)
    allocation_reassign(child=a1, kind="lac", chair=colin, on=TODAY, by=head, today=TODAY)
    schedule_ensure_current(today=TODAY)  # what the next page does before it reads
    assert stored()[a1.pk][2] == colin.pk == computed(TODAY)[a1.pk][2]


def icpc_children(n: int) -> None:
    for i in range(n):
        child = Child.objects.create(
            la_child_id=f"P{i:03}", given_name="Page", family_name=f"{i:03}"
        )
        Section47.objects.create(child=child, start=day(-i))


def test_the_schedule_is_paginated_with_filters_kept(client, imported):
    icpc_children(60)
    admin = User.objects.create_user(username="a", password="pw", role=User.Role.ADMIN)
    client.force_login(admin)
    first = client.get(reverse("unitadmin:schedule"), {"kind": "icpc"}).content.decode()
    assert "Page 1 of 2" in first
    assert "?kind=icpc&amp;page=2" in first
    second = client.get(reverse("unitadmin:schedule"), {"kind": "icpc", "page": 2})
    assert "Page 2 of 2" in second.content.decode()
    whole = unit_selectors.unit_schedule(Child.objects.all(), today=TODAY, kind="icpc")
    assert len(whole.overdue) + len(whole.soon) == unit_selectors.PAGE_SIZE
    assert whole.overdue_count + whole.soon_count == 60
    everything = unit_selectors.unit_schedule(Child.objects.all(), today=TODAY, per_page=1000)
    expected = sorted(
        (m.due, pk)
        for pk, m in next_meetings_due(Child.objects.all(), today=TODAY).items()
        if m.due <= TODAY + unit_selectors.SOON
    )
    assert [(r.due.due, r.child.pk) for r in everything.overdue + everything.soon] == expected


def test_my_children_is_paginated(client, imported):
    icpc_children(55)
    iris = Staff.objects.get(external_id="S1")
    for child in Child.objects.filter(la_child_id__startswith="P"):
        Allocation.objects.create(child=child, kind="cp", chair=iris, start=day(-100))
    chair = User.objects.create_user(username="c", password="pw", role=User.Role.CHAIR, staff=iris)
    client.force_login(chair)
    page = client.get(reverse("children:mine"), {"sort": "name"}).content.decode()
    assert "Page 1 of 2" in page
    assert "?sort=name&amp;page=2" in page
    assert "Page 000" in page
    assert "Page 054" not in page
    last = client.get(reverse("children:mine"), {"sort": "name", "page": 2}).content.decode()
    assert "Page 054" in last


def test_connections_are_kept_between_requests_outside_the_tests():
    from iru.web.settings import base

    assert base.DATABASES["default"]["CONN_MAX_AGE"] == 60
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 0  # the test databases
