"""A chair sees the team managers' responses to their ratings that are past their deadline."""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.disputes.models import Escalation, RagRating
from tests.web.conftest import d

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_other_ratings(imported):
    Escalation.objects.all().delete()
    RagRating.objects.all().delete()


def _rating(child, *, due: str, responded: str | None = None) -> RagRating:
    return RagRating.objects.create(
        child=child, rating="red", sent=d("2024-05-01"), response_due=d(due),
        responded=d(responded) if responded else None,
    )  # fmt: skip


def test_my_children_lists_overdue_responses_only(client, chair, a1):
    _rating(a1, due="2024-05-31")  # Friday; today is Monday 3 June: 1 working day overdue
    _rating(a1, due="2024-06-03")  # due today: not overdue yet
    _rating(a1, due="2024-05-01", responded="2024-05-02")  # answered
    client.force_login(chair)
    page = client.get(reverse("children:mine")).content.decode()
    assert "1 response from team managers is overdue" in page
    assert "Overdue responses to chase" in page
    assert page.count("31 May 2024") == 1


def test_no_panel_when_nothing_is_overdue(client, chair, a1):
    _rating(a1, due="2024-06-05")
    client.force_login(chair)
    page = client.get(reverse("children:mine")).content.decode()
    assert "Overdue responses to chase" not in page
