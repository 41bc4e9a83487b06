"""A team manager signs in, opens their inbox and answers a red RAG rating."""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web import clock
from iru.web.disputes.models import Escalation, RagRating
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


def test_a_team_manager_corrects_an_answer_and_a_chair_records_a_stage_2_reply(
    page, live_server, unit
):
    sign_in(page, live_server, "tm_a")
    page.goto(f"{live_server.url}/inbox/")
    page.click("a:has-text('Alfie Ash: Red rating')")
    page.fill("#id_response", "A permanence meeting.")
    page.fill("#id_action_1", "Permanence planning meeting")
    page.fill("#id_action_1_due_day", "14")
    page.fill("#id_action_1_due_month", "6")
    page.fill("#id_action_1_due_year", "2024")
    page.click("button:has-text('Send response')")
    page.click("a:has-text('Correct your response')")
    assert page.locator("h1").inner_text() == "Correct the response"
    assert_accessible(page)
    page.fill("#id_action_1_due_day", "21")
    page.fill("#id_reason", "The meeting moved a week")
    page.click("button:has-text('Save the correction')")
    assert "Response corrected" in page.locator(".govuk-notification-banner").inner_text()
    assert "21 Jun 2024" in page.locator("table").inner_text()
    page.click("a:has-text('Correct your response')")
    history = page.locator("table", has_text="Why").inner_text()
    assert "14 June 2024 to 21 June 2024" in history
    assert_accessible(page)
    page.click("text=Sign out")

    sign_in(page, live_server, "chair")
    escalation = Escalation.objects.get(external_id="E1")
    page.goto(f"{live_server.url}{reverse('rag:escalation', args=[escalation.pk])}")
    page.fill("#id_to", "Sam Lee, service manager")
    page.click("button:has-text('Escalate to the next stage')")
    assert "Response due by" in page.locator(".govuk-summary-list").inner_text()
    page.fill("#id_response", "Funding for the placement agreed.")
    page.fill("#id_action_1", "Placement panel")
    page.fill("#id_action_1_due_day", "19")
    page.fill("#id_action_1_due_month", "6")
    page.fill("#id_action_1_due_year", "2024")
    page.click("button:has-text('Record the reply')")
    assert "Reply recorded" in page.locator(".govuk-notification-banner").inner_text()
    status = page.locator(".govuk-summary-list").inner_text()
    assert "Answered at this stage" in status
    assert "Response due" not in status
    stages = page.locator("table", has_text="Stages").inner_text()
    assert "Placement panel" in stages
    assert "Sam Lee, service manager" in stages
    assert_accessible(page)
