"""A server error: the user gets the app's error page with a reference to quote, and the log
gets that reference with where the fault happened, never what the exception said (it may
name a child)."""

from __future__ import annotations

import io
import logging

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged():
    """What the app's log handler writes (to standard error in service), read back."""
    handler = logging.getLogger("django.request").handlers[0]
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


@override_settings(ROOT_URLCONF="tests.web.security.failing_urls")
def test_a_fault_is_logged_with_its_reference_and_no_personal_data(logged):
    response = Client(raise_request_exception=False).get("/test-only/fails/")
    assert response.status_code == 500
    reference = response["X-Request-ID"]
    assert len(reference) == 12
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert f"<strong>{reference}</strong>" in page
    assert "Chloe" not in page
    log = logged.getvalue()
    assert f"request={reference} Internal Server Error: /test-only/fails/" in log
    assert 'failing_urls.py", line' in log  # where it happened
    assert "in fails" in log
    assert "ValueError (its message is not logged" in log
    assert "Chloe" not in log
    assert "A1" not in log


def test_every_response_carries_a_reference(client):
    first, second = client.get("/sign-in/"), client.get("/sign-in/")
    assert first["X-Request-ID"] != second["X-Request-ID"]
