"""Only the Head of Service reaches the management pages: every URL, every role, GET and POST."""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child
from iru.web.disputes.models import RagReason
from iru.web.pages.urls import management as management_patterns
from iru.web.people.models import User

pytestmark = pytest.mark.django_db


def _management_urls() -> dict[str, str]:
    child = Child.objects.get(la_child_id="A1")
    reason = RagReason.objects.get(code="LAC-R-01")
    other = User.objects.get(username="admin")
    spell = Allocation.objects.filter(child=child).order_by("-start").first()
    samples = {
        "dashboard": reverse("management:dashboard"),
        "caseloads": reverse("management:caseloads"),
        "allocate": reverse("management:allocate"),
        "child-allocations": reverse("management:child-allocations", args=[child.pk]),
        "allocation-correct": reverse("management:allocation-correct", args=[spell.pk]),
        "allocation-cancel": reverse("management:allocation-cancel", args=[spell.pk]),
        "reasons": reverse("management:reasons"),
        "reason-add": reverse("management:reason-add"),
        "reason-edit": reverse("management:reason-edit", args=[reason.pk]),
        "reason-retire": reverse("management:reason-retire", args=[reason.pk]),
        "users": reverse("management:users"),
        "user-add": reverse("management:user-add"),
        "user-role": reverse("management:user-role", args=[other.pk]),
        "user-deactivate": reverse("management:user-deactivate", args=[other.pk]),
    }
    names = {p.name for p in management_patterns}
    assert names == set(samples), "add a sample for every management URL"
    return samples


def test_anonymous_users_are_sent_to_sign_in(client, users):
    for name, url in _management_urls().items():
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("sign-in")), name


@pytest.mark.parametrize("role", ["chair", "team_manager", "admin"])
def test_other_roles_are_forbidden_and_change_nothing(client, users, role):
    client.force_login(users[role])
    before = (
        list(Allocation.objects.values_list("pk", "end", "cancelled_on", "chair")),
        list(RagReason.objects.values_list("pk", "text", "in_catalogue")),
        list(User.objects.values_list("pk", "role", "is_active")),
    )
    for name, url in _management_urls().items():
        assert client.get(url).status_code == 403, name
        assert client.post(url, {"text": "x", "role": "admin"}).status_code == 403, name
    after = (
        list(Allocation.objects.values_list("pk", "end", "cancelled_on", "chair")),
        list(RagReason.objects.values_list("pk", "text", "in_catalogue")),
        list(User.objects.values_list("pk", "role", "is_active")),
    )
    assert after == before


def test_a_user_without_a_role_is_forbidden(client, users):
    nobody = User.objects.create_user(username="nobody", password="x")
    client.force_login(nobody)
    assert client.get(reverse("management:dashboard")).status_code == 403


def test_the_head_of_service_reaches_every_page(head_client):
    for name, url in _management_urls().items():
        response = head_client.get(url)
        assert response.status_code == 200, name
        assert "no-store" in response["Cache-Control"], name


def test_a_deactivated_head_of_service_is_sent_to_sign_in(head_client, head):
    head.is_active = False
    head.save()
    response = head_client.get(reverse("management:dashboard"))
    assert response.status_code == 302
