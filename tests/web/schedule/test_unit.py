from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from iru.web.children.models import Child
from iru.web.people.models import Staff
from iru.web.schedule.selectors import unit as selectors

pytestmark = pytest.mark.django_db


def names(rows):
    return [row.child.la_child_id for row in rows]


def test_the_schedule_shows_overdue_and_due_soon(users, today):
    schedule = selectors.unit_schedule(Child.objects.all(), today=today)
    assert names(schedule.overdue) == ["A1"]
    row = schedule.overdue[0]
    assert (row.due.kind, row.chair.external_id) == ("lac_review", "S1")
    assert row.working_days_overdue > 0
    later = selectors.unit_schedule(Child.objects.all(), today=date(2024, 10, 20))
    assert "B2" in names(later.soon)


def test_filters_by_chair_and_kind(users, today):
    iris = Staff.objects.get(external_id="S1")
    colin = Staff.objects.get(external_id="S2")
    everyone = Child.objects.all()
    assert names(selectors.unit_schedule(everyone, today=today, chair_id=iris.pk).overdue) == ["A1"]
    assert selectors.unit_schedule(everyone, today=today, chair_id=colin.pk).overdue == []
    assert selectors.unit_schedule(everyone, today=today, kind="rcpc").overdue == []


def test_the_schedule_page_for_admin_and_head_of_service(client, users, today):
    for who in ("admin", "head"):
        client.force_login(users[who])
        page = client.get(reverse("unitadmin:schedule"))
        assert page.status_code == 200
        assert "Alfie Ash" in page.content.decode()
    a1 = Child.objects.get(la_child_id="A1")
    assert reverse("unitadmin:convene", args=[a1.pk]) not in page.content.decode()  # head


def test_filters_come_from_the_query_string(client, users, today):
    client.force_login(users["admin"])
    colin = Staff.objects.get(external_id="S2")
    page = client.get(reverse("unitadmin:schedule"), {"chair": colin.pk, "kind": ""})
    assert "Alfie Ash" not in page.content.decode()
    page = client.get(reverse("unitadmin:schedule"), {"kind": "lac_review"})
    assert "Alfie Ash" in page.content.decode()


@pytest.mark.parametrize("query", [{"chair": "abc"}, {"chair": "99999"}, {"kind": "tea"}])
def test_a_wrong_filter_is_an_error_not_a_crash(client, users, today, query):
    client.force_login(users["admin"])
    page = client.get(reverse("unitadmin:schedule"), query)
    assert page.status_code == 200
    assert "govuk-error-summary" in page.content.decode()


@pytest.mark.parametrize("who", ["chair", "tm_a"])
def test_chairs_and_team_managers_cannot_see_the_unit_schedule(client, users, today, who):
    client.force_login(users[who])
    assert client.get(reverse("unitadmin:schedule")).status_code == 403
    assert client.get(reverse("unitadmin:convenings")).status_code == 403
