from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.disputes.models import Escalation, EscalationResponse, RagAction, RagRating
from tests.web.fixtures.roles import team_b_rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def red(imported):
    return RagRating.objects.get(external_id="R1")


def as_user(client, user):
    client.force_login(user)
    return client


def test_the_inbox_lists_overdue_items_in_red(client, users, today, red):
    page = as_user(client, users["tm_a"]).get(reverse("inbox:inbox"))
    assert page.status_code == 200
    html = page.content.decode()
    assert reverse("inbox:rating", args=[red.pk]) in html
    assert reverse("inbox:escalation", args=[Escalation.objects.get().pk]) in html
    assert 'govuk-tag--red">Overdue by' in html
    assert "Alfie Ash" in html


@pytest.mark.parametrize("who", ["chair", "admin", "head"])
def test_only_team_managers_open_the_inbox(client, users, today, red, who):
    as_user(client, users[who])
    assert client.get(reverse("inbox:inbox")).status_code == 403
    assert client.get(reverse("inbox:rating", args=[red.pk])).status_code == 403


def test_signed_out_people_are_sent_to_sign_in(client, imported):
    response = client.get(reverse("inbox:inbox"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("sign-in"))


def test_another_teams_items_are_not_found_and_cannot_be_answered(client, users, today, red):
    as_user(client, users["tm_b"])
    escalation = Escalation.objects.get()
    assert client.get(reverse("inbox:rating", args=[red.pk])).status_code == 404
    assert client.get(reverse("inbox:escalation", args=[escalation.pk])).status_code == 404
    post = client.post(reverse("inbox:rating", args=[red.pk]), {"response": "Mine now"})
    assert post.status_code == 404
    post = client.post(reverse("inbox:escalation", args=[escalation.pk]), {"response": "x"})
    assert post.status_code == 404
    assert client.get(reverse("inbox:rating", args=[99999])).status_code == 404
    red.refresh_from_db()
    assert red.responded is None
    assert not EscalationResponse.objects.exists()


def test_responding_to_a_red_rating_with_actions(client, users, today, red):
    as_user(client, users["tm_a"])
    url = reverse("inbox:rating", args=[red.pk])
    assert "Send response" in client.get(url).content.decode()
    data = {"response": "We will hold a permanence meeting",
            "action_1": "Permanence meeting", "action_1_due_day": "10", "action_1_due_month": "6",
            "action_1_due_year": "2024"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302
    red.refresh_from_db()
    assert red.responded == today
    assert RagAction.objects.get().text == "Permanence meeting"
    page = client.get(url).content.decode()
    assert "Your response has been sent" in page
    assert "Send response" not in page
    assert (
        reverse("inbox:rating", args=[red.pk])
        not in client.get(reverse("inbox:inbox")).content.decode()
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"response": ""}, "Enter your response"),
        ({"response": "ok", "action_1": "Do it"}, "Enter the date action 1 will be done by"),
        ({"response": "ok", "action_1": "Do it", "action_1_due_day": "31",
          "action_1_due_month": "2", "action_1_due_year": "2025"}, "must be a real date"),
        ({"response": "ok", "action_1": "Do it", "action_1_due_day": "x",
          "action_1_due_month": "2", "action_1_due_year": "2025"}, "must be a real date"),
        ({"response": "ok", "action_1": "Do it", "action_1_due_day": "1",
          "action_1_due_year": "2025"}, "must include a month"),
        ({"response": "ok", "action_2_due_day": "1", "action_2_due_month": "7",
          "action_2_due_year": "2024"}, "Enter action 2"),
        ({"response": "ok", "action_1": "Late", "action_1_due_day": "1",
          "action_1_due_month": "1", "action_1_due_year": "2024"}, "must be today or later"),
    ],
)  # fmt: skip
def test_a_wrong_value_is_shown_in_the_error_summary(client, users, today, red, data, message):
    response = as_user(client, users["tm_a"]).post(reverse("inbox:rating", args=[red.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in html
    red.refresh_from_db()
    assert red.responded is None
    assert not RagAction.objects.exists()


def test_responding_to_an_escalation(client, users, today):
    escalation = Escalation.objects.get()
    as_user(client, users["tm_a"])
    url = reverse("inbox:escalation", args=[escalation.pk])
    assert "Permanence plan not progressed" in client.get(url).content.decode()
    assert client.post(url, {"response": ""}).status_code == 200
    assert client.post(url, {"response": "Plan agreed"}).status_code == 302
    assert EscalationResponse.objects.get().text == "Plan agreed"
    assert "Plan agreed" in client.get(url).content.decode()
    # The chair sees it answered, no longer a response due.
    as_user(client, users["chair"])
    for page in (
        reverse("rag:escalation", args=[escalation.pk]),
        reverse("children:detail", args=[escalation.child_id]),
    ):
        html = client.get(page).content.decode()
        assert "for the chair to resolve or escalate" in html, page
        assert "Response due by" not in html, page
        assert "Response due 17 May 2023" not in html, page  # E1's stage 1 deadline


def test_another_teams_manager_answers_their_own(client, users, today):
    own = team_b_rating()
    as_user(client, users["tm_b"])
    assert (
        client.post(reverse("inbox:rating", args=[own.pk]), {"response": "Done"}).status_code == 302
    )
