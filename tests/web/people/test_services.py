"""Creating users, changing roles, deactivating: deactivation ends every session at once."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from iru.web.people.models import User
from iru.web.people.services import user_create, user_deactivate, user_set_role
from tests.web.fixtures.head import PASSWORD, staff
from tests.web.fixtures.roles import sign_in

pytestmark = pytest.mark.django_db


def test_a_created_user_is_named_from_their_staff_record_and_can_sign_in(users, head):
    user = user_create(
        username="colin", role="chair", staff=staff("S2"), password=PASSWORD, by=head
    )
    assert (user.first_name, user.last_name, user.is_active) == ("Colin", "Chase", True)
    assert sign_in(Client(), "colin", PASSWORD)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"username": "chair", "role": "admin", "staff": None}, "already exists"),
        ({"username": "x", "role": "boss", "staff": None}, "Unknown role"),
        ({"username": "x", "role": "chair", "staff": None}, "must be linked to a staff"),
        ({"username": "x", "role": "chair", "staff": "S3"}, "is not a chair"),
        ({"username": "x", "role": "chair", "staff": "S1"}, "already has a user"),
        ({"username": "x", "role": "admin", "staff": None, "password": "short"}, "too short"),
        ({"username": "bad name!", "role": "admin", "staff": None}, "valid username"),
    ],
)
def test_wrong_values_are_refused(users, head, kwargs, message):
    kwargs = {"password": PASSWORD, **kwargs}
    kwargs["staff"] = staff(kwargs["staff"]) if kwargs["staff"] else None
    count = User.objects.count()
    with pytest.raises(ValidationError, match=message):
        user_create(**kwargs, by=head)
    assert User.objects.count() == count


def test_changing_a_role_changes_access_on_the_next_request(client, users, head):
    manager = users["team_manager"]
    client.force_login(manager)
    assert client.get(reverse("management:caseloads")).status_code == 403
    user_set_role(user=manager, role="head_of_service", staff=None, by=head)
    assert client.get(reverse("management:caseloads")).status_code == 200


def test_the_head_of_service_cannot_demote_or_deactivate_themselves(users, head):
    with pytest.raises(ValidationError, match="your own role"):
        user_set_role(user=head, role="admin", staff=staff("S6"), by=head)
    with pytest.raises(ValidationError, match="deactivate yourself"):
        user_deactivate(user=head, by=head)


def test_deactivation_kills_every_session_of_that_user_only(users, head):
    chair, admin = Client(), Client()
    sign_in(chair, "chair", PASSWORD)
    chair_again = Client()
    sign_in(chair_again, "chair", PASSWORD)
    sign_in(admin, "admin", PASSWORD)
    assert Session.objects.count() == 3
    ended = user_deactivate(user=users["chair"], by=head)
    assert ended == 2
    assert Session.objects.count() == 1
    for browser in (chair, chair_again):
        response = browser.get(reverse("children:list"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("sign-in"))
    assert admin.get(reverse("children:list")).status_code == 200
    assert not sign_in(Client(), "chair", PASSWORD)
