"""A session ends 30 minutes after its last request (idle) and 12 hours after its sign-in
however active (absolute), with a message saying why (SECURITY.md R-SES-01)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.web.fixtures.roles import PASSWORD

pytestmark = pytest.mark.django_db

START = dt.datetime(2024, 6, 3, 8, 0, tzinfo=dt.UTC)
PAGE = reverse("children:mine")


def sign_in(client) -> None:
    response = client.post(reverse("sign-in"), {"username": "chair", "password": PASSWORD})
    assert response.status_code == 302


def signed_in(client) -> bool:
    return client.get(PAGE).status_code == 200


def test_an_active_session_ends_12_hours_after_signing_in(client, users):
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client)
        for _ in range(35):  # a request every 20 minutes: never idle, for 11 h 40 min
            clock.shift(dt.timedelta(minutes=20))
            assert signed_in(client)
        clock.shift(dt.timedelta(minutes=21))  # 12 h 1 min after signing in
        ended = client.get(PAGE)
        assert ended.status_code == 302
        assert ended["Location"].startswith(reverse("sign-in"))
        page = client.get(ended["Location"]).content.decode()
        assert "signed out 12 hours after signing in" in page
        sign_in(client)  # and signing in again starts a new 12 hours
        assert signed_in(client)


def test_a_quiet_session_ends_after_30_minutes(client, users):
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client)
        clock.shift(dt.timedelta(minutes=29))
        assert signed_in(client)
        clock.shift(dt.timedelta(minutes=31))
        assert not signed_in(client)


def test_changing_the_password_does_not_restart_the_12_hours(client, users):
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client)
        for _ in range(35):  # kept alive for 11 h 40 min
            clock.shift(dt.timedelta(minutes=20))
            assert signed_in(client)
        new = "tractor umbrella seven lilac"
        changed = client.post(reverse("password-change"), {
            "old_password": PASSWORD, "new_password1": new, "new_password2": new,
        })  # fmt: skip
        assert changed.status_code == 302
        assert changed["Location"] == reverse("home")
        assert signed_in(client)  # signed in again after the change
        clock.shift(dt.timedelta(minutes=21))  # 12 h 1 min after the first sign-in
        assert not signed_in(client)
