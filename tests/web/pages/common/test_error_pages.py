"""The pages a user meets when something goes wrong: in the app's layout, in plain words, with
a way back."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse

from iru.web.pages.common import errors

pytestmark = pytest.mark.django_db


def test_a_record_not_found_or_not_yours(client, users, today):
    client.force_login(users["chair"])
    response = client.get(reverse("children:detail", args=[987654]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page
    assert "may not be yours to see" in page
    assert f'href="{reverse("home")}"' in page
    assert "My children" in page  # the app's own header, with the chair's navigation


def test_a_page_of_another_role(client, users, today):
    client.force_login(users["chair"])
    response = client.get(reverse("management:dashboard"))
    assert response.status_code == 403
    assert "You cannot use this page" in response.content.decode()


def test_a_server_error_in_the_app_s_layout():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = errors.server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert "govuk-header" in page


def test_a_server_error_page_that_cannot_render_is_still_a_page(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the database is down")

    monkeypatch.setattr(errors.loader, "render_to_string", broken)
    response = errors.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content
