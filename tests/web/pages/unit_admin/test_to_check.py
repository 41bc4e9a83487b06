"""Admin are shown where a review conference recorded here and the CIN census disagree."""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.children.models import CpPlan
from tests.web.conftest import d

pytestmark = pytest.mark.django_db


def test_a_plan_the_conference_ended_and_the_census_keeps_open(client, users, today):
    client.force_login(users["admin"])
    url = reverse("unitadmin:to-check")
    assert "Nothing to check" in client.get(url).content.decode()
    CpPlan.objects.filter(child__la_child_id="B2").update(
        ended_by_conference=d("2024-05-30"), category_by_conference="MUL"
    )
    page = client.get(url).content.decode()
    assert "Bella Birch" in page
    assert "Plan ended 30 May 2024" in page
    assert "Plan open" in page
    assert "MUL: Multiple" in page
    assert "NEG: Neglect" in page
    client.force_login(users["tm_b"])
    assert client.get(url).status_code == 403
