"""After a child is reallocated, the chair who held the case is told where it went; no one else
learns anything from the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.caseloads.services import allocation_reassign
from iru.web.children.models import Child
from iru.web.people.models import Staff, User
from tests.web.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_the_previous_chair_is_told_who_holds_the_case_now(client, users, today):
    a1 = Child.objects.get(la_child_id="A1")
    colin = Staff.objects.get(external_id="S2")
    allocation_reassign(child=a1, kind="lac", chair=colin, on=TODAY, by=users["head"], today=TODAY)
    client.force_login(users["chair"])  # Iris Reed, who held A1's case until today
    response = client.get(reverse("children:detail", args=[a1.pk]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "Alfie Ash has moved to another chair" in page
    assert "It is now with Colin Chase" in page
    assert "3 June 2024" in page


def test_a_chair_who_never_held_the_case_learns_nothing(client, users, today):
    b2 = Child.objects.get(la_child_id="B2")
    client.force_login(users["chair"])
    page = client.get(reverse("children:detail", args=[b2.pk])).content.decode()
    assert "Page not found" in page
    assert "Bella" not in page


def test_a_team_manager_is_not_told(client, users, today):
    manager = User.objects.get(username="tm_b")  # team T2 holds B2 only
    client.force_login(manager)
    a1 = Child.objects.get(la_child_id="A1")
    assert "Alfie" not in client.get(reverse("children:detail", args=[a1.pk])).content.decode()
