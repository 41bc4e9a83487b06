"""Sign-in lockout (django-axes, ADR 29): 10 failures for one username, or from one address,
pause signing in for 15 minutes, with a page that says so and never tells whether the
account exists; a success clears the account's failures."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from iru.web.core.addresses import client_address
from tests.web.fixtures.roles import PASSWORD

pytestmark = pytest.mark.django_db

PAUSED = "Signing in is paused"
START = dt.datetime(2024, 6, 3, 9, 0, tzinfo=dt.UTC)


def attempt(client, username: str, password: str, address: str):
    return client.post(
        reverse("sign-in"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def test_ten_failures_for_an_account_pause_it_for_15_minutes(client, users, clock):
    for n in range(10):  # each from another address: the account's count alone
        response = attempt(client, "chair", "wrong password", f"10.0.0.{n}")
        assert response.status_code in (200, 429)
    paused = attempt(client, "chair", PASSWORD, "10.0.1.1")
    assert paused.status_code == 429
    page = paused.content.decode()
    assert PAUSED in page
    assert "15 minutes" in page
    assert "_auth_user_id" not in client.session
    assert signed_in(attempt(client, "admin", PASSWORD, "10.0.1.2"))  # others still can
    client.logout()
    clock.shift(dt.timedelta(minutes=14))
    assert attempt(client, "chair", PASSWORD, "10.0.1.1").status_code == 429
    clock.shift(dt.timedelta(minutes=2))  # 16 minutes after the last failure
    assert signed_in(attempt(client, "chair", PASSWORD, "10.0.1.1"))


def test_a_username_with_no_account_is_paused_the_same_way(client, users, clock):
    """The page is the same whether or not the account exists: nothing to learn from it."""
    for n in range(10):
        attempt(client, "nobody", "wrong password", f"10.0.0.{n}")
        attempt(client, "chair", "wrong password", f"10.0.2.{n}")
    nobody = attempt(client, "nobody", "any password", "10.0.1.1")
    chair = attempt(client, "chair", "any password", "10.0.1.1")
    assert nobody.status_code == chair.status_code == 429
    assert nobody.content == chair.content


def test_ten_failures_from_an_address_pause_it(client, users, clock):
    for n in range(10):  # ten usernames from one address
        attempt(client, f"guess{n}", "wrong password", "192.0.2.7")
    assert attempt(client, "admin", PASSWORD, "192.0.2.7").status_code == 429
    assert signed_in(attempt(client, "admin", PASSWORD, "192.0.2.8"))


def test_a_forged_forwarded_for_header_does_not_escape_the_address_count(client, users, clock):
    """Served directly, the X-Forwarded-For a client sends is not its address: ten failures
    with ten made-up addresses in it are ten from the one connection."""
    for n in range(10):
        client.post(
            reverse("sign-in"), {"username": f"guess{n}", "password": "wrong password"},
            REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )  # fmt: skip
    assert attempt(client, "admin", PASSWORD, "192.0.2.7").status_code == 429


def test_nine_failures_then_a_success_clear_the_account_s_count(client, users, clock):
    for n in range(9):
        attempt(client, "chair", "wrong password", f"10.0.0.{n}")
    assert signed_in(attempt(client, "chair", PASSWORD, "10.0.3.1"))
    client.logout()
    for n in range(9):
        attempt(client, "chair", "wrong password", f"10.0.4.{n}")
    assert signed_in(attempt(client, "chair", PASSWORD, "10.0.3.1"))


def test_a_failed_attempt_shows_the_usual_error_until_the_tenth(client, users, clock):
    first = attempt(client, "chair", "wrong password", "10.0.0.1")
    assert first.status_code == 200
    assert "Enter a correct username and password" in first.content.decode()


class _Request:
    def __init__(self, **meta: str) -> None:
        self.META = meta


def test_the_address_is_the_connection_s_unless_behind_the_council_s_proxies():
    direct = _Request(REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_address(direct) == "192.0.2.1"  # a header the client sent is not believed
    with override_settings(IRU_PROXY_COUNT=1):
        behind = _Request(REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")
        assert client_address(behind) == "198.51.100.4"  # what the proxy saw, not the spoof
        bypassed = _Request(REMOTE_ADDR="192.0.2.9")
        assert client_address(bypassed) == "192.0.2.9"
    with override_settings(IRU_PROXY_COUNT=2):
        two = _Request(
            REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5, 10.2.2.2"
        )
        assert client_address(two) == "203.0.113.5"
