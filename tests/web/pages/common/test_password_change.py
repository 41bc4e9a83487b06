"""Changing your own password: the current one checked, the new one held to the policy and
typed twice, every other session ended, this one kept, the change logged."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from iru.web.audit.models import AccessEvent
from tests.web.fixtures.roles import PASSWORD, sign_in

pytestmark = pytest.mark.django_db

URL = reverse("password-change")
NEW = "tractor umbrella seven lilac"


def change(client, old: str, new: str, again: str | None = None):
    data = {"old_password": old, "new_password1": new, "new_password2": again or new}
    return client.post(URL, data)


@pytest.mark.parametrize("role", ["chair", "tm_a", "admin", "head"])
def test_every_role_can_open_the_page(client, users, role):
    assert sign_in(client, role)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Change your password" in page.content.decode()


@pytest.mark.parametrize(
    ("old", "new", "again", "says"),
    [
        ("not my password", NEW, None, "Your current password is not correct"),
        (PASSWORD, "aaaaaaaaaaaa", None, "too easy to guess"),
        (PASSWORD, "short", None, "too short"),
        (PASSWORD, NEW, "something else entirely", "The two new passwords do not match"),
        (PASSWORD, PASSWORD, None, "different from your current one"),
        ("", "", "", "Enter your current password"),
    ],
)
def test_a_wrong_answer_is_told_beside_its_field_and_changes_nothing(
    client, users, old, new, again, says
):
    assert sign_in(client, "chair")
    response = change(client, old, new, again)
    assert response.status_code == 200
    page = response.content.decode()
    assert says in page
    assert "govuk-error-summary" in page
    assert "<title>Error: " in page
    users["chair"].refresh_from_db()
    assert users["chair"].check_password(PASSWORD)


def test_a_change_ends_every_other_session_keeps_this_one_and_is_logged(client, users):
    elsewhere = Client()
    assert sign_in(elsewhere, "chair")
    assert sign_in(client, "chair")
    response = change(client, PASSWORD, NEW)
    assert response.status_code == 302
    assert client.get(reverse("children:mine")).status_code == 200  # still signed in here
    gone = elsewhere.get(reverse("children:mine"))
    assert gone.status_code == 302
    assert gone["Location"].startswith(reverse("sign-in"))
    assert Session.objects.count() == 1
    assert AccessEvent.objects.filter(action="change_password", username="chair").count() == 1
    assert not sign_in(Client(), "chair", PASSWORD)
    assert sign_in(Client(), "chair", NEW)
