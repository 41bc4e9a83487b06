"""Correcting an answer through the pages, and the chair recording a reply from further up."""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.disputes.models import Escalation, RagRating

pytestmark = pytest.mark.django_db


def dated(name, day, month, year):
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


def test_the_team_manager_corrects_their_response_and_its_actions(client, users, today):
    red = RagRating.objects.get(external_id="R1")
    client.force_login(users["tm_a"])
    rating_page = reverse("inbox:rating", args=[red.pk])
    client.post(rating_page, {"response": "Agreed", "action_1": "Permanence meeting",
                              **dated("action_1_due", "10", "6", "2024")})  # fmt: skip
    page = client.get(rating_page).content.decode()
    url = reverse("rag:response-correct", args=[red.pk])
    assert url in page
    form = client.get(url).content.decode()
    assert "Permanence meeting" in form  # the action as it is, ready to correct
    data = {"response": "Agreed", "action_1": "Permanence meeting",
            **dated("action_1_due", "12", "6", "2024"), "reason": "Date moved"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    page = client.get(url).content.decode()
    assert "<del>10 June 2024</del> to 12 June 2024" in page
    assert "Date moved" in page
    assert client.post(url, data).status_code == 200  # nothing changed: said on the page


def test_the_chair_records_a_reply_with_its_actions_and_corrects_it(client, users, today):
    escalation = Escalation.objects.get(external_id="E1")
    client.force_login(users["chair"])
    page = reverse("rag:escalation", args=[escalation.pk])
    assert "Record the reply" in client.get(page).content.decode()
    reply = reverse("rag:escalation-reply", args=[escalation.pk])
    refused = client.post(reply, {"response": "", "action_1": "Panel"})
    assert "Enter your response" in refused.content.decode()
    assert "Enter the date action 1 will be done by" in refused.content.decode()
    saved = client.post(reply, {"response": "Funding agreed", "action_1": "Placement panel",
                                **dated("action_1_due", "19", "6", "2024")})  # fmt: skip
    assert saved.status_code == 302
    shown = client.get(page).content.decode()
    assert "Reply recorded: the stage is answered" in shown
    assert "Placement panel" in shown
    assert "Answered at this stage" in shown
    assert "Record the reply" not in shown
    answer = escalation.responses.get()
    assert reverse("rag:reply-correct", args=[answer.pk]) in shown
    client.force_login(users["tm_a"])  # the team manager did not record it
    assert client.get(reverse("rag:reply-correct", args=[answer.pk])).status_code == 403
