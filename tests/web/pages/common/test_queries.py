"""The children list costs the same number of queries for 3 children as for 60."""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child, CpPlan, Episode
from iru.web.people.models import Staff, User
from tests.web.conftest import d

pytestmark = pytest.mark.django_db


def _add_children(n: int) -> None:
    chair = Staff.objects.get(external_id="S1")
    for i in range(n):
        child = Child.objects.create(
            la_child_id=f"X{i}", given_name="X", family_name=str(i), dob=d("2015-01-01")
        )
        Episode.objects.create(child=child, decom=d("2023-01-01"))
        CpPlan.objects.create(child=child, start=d("2023-01-01"))
        Allocation.objects.create(child=child, kind="lac", chair=chair, start=d("2023-01-01"))


@pytest.mark.parametrize("extra", [0, 57])
def test_the_children_list_does_not_query_per_child(
    client, imported, django_assert_max_num_queries, extra
):
    _add_children(extra)
    user = User.objects.create_user(username="head", password="x", role="head_of_service")
    client.force_login(user)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("children:list"))
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 3 + extra
