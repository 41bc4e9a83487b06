"""A team manager signs in, opens their inbox and answers a red RAG rating."""

from __future__ import annotations

import pytest

from iru.web import clock
from iru.web.disputes.models import RagRating
from iru.web.imports.services.dataset import import_dataset
from tests.web.conftest import TODAY, small_dataset, small_unit
from tests.web.fixtures.roles import PASSWORD, make_users

from .axe import assert_accessible


@pytest.fixture
def unit(transactional_db, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    import_dataset(dataset=small_dataset(), unit=small_unit(), today=TODAY)
    return make_users()


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/sign-in/")
    assert_accessible(page)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_load_state()


def test_a_team_manager_answers_a_red_rating(page, live_server, unit):
    sign_in(page, live_server, "tm_a")
    assert_accessible(page)
    page.goto(f"{live_server.url}/inbox/")
    assert page.locator("h1").inner_text() == "Your inbox"
    assert page.locator(".govuk-tag--red", has_text="Overdue by").count() == 2
    assert_accessible(page)

    page.click("a:has-text('Alfie Ash: Red rating')")
    assert page.locator("h1").inner_text() == "Red rating"
    assert_accessible(page)

    page.fill("#id_action_1", "Permanence planning meeting")
    page.click("button:has-text('Send response')")
    summary = page.locator(".govuk-error-summary")
    assert "Enter your response" in summary.inner_text()
    assert "Enter the date action 1 will be done by" in summary.inner_text()
    assert_accessible(page)

    page.fill("#id_response", "We will hold a permanence planning meeting this month.")
    page.fill("#id_action_1_due_day", "14")
    page.fill("#id_action_1_due_month", "6")
    page.fill("#id_action_1_due_year", "2024")
    page.click("button:has-text('Send response')")
    assert "Your response has been sent" in page.locator(".govuk-notification-banner").inner_text()
    assert "Permanence planning meeting" in page.locator("table").inner_text()
    assert_accessible(page)

    rating = RagRating.objects.get(external_id="R1")
    assert rating.responded == TODAY
    page.goto(f"{live_server.url}/inbox/")
    assert page.locator("a", has_text="Red rating").count() == 0
    assert_accessible(page)
