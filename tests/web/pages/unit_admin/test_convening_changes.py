"""The pages that move or cancel a convened meeting, as admin and the Head of Service use them."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.urls import reverse

from iru.web.children.models import Child
from iru.web.meetings.models import Convening
from iru.web.meetings.services.convening import meeting_convene
from iru.web.people.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def convening(users, today):
    return meeting_convene(
        user=users["admin"], children=[Child.objects.get(la_child_id="A1")], kind="lac_review",
        date=date(2024, 6, 17), chair=None, invitees=[], booklets_sent=None,
        booklets_returned=None, today=today, time=time(9, 30), venue="Civic Centre",
    )  # fmt: skip


def moved(**overrides):
    data = {"date_day": "18", "date_month": "6", "date_year": "2024", "time": "2.30pm",
            "venue": "Online", "chair": "", "reason": "The family asked"}  # fmt: skip
    return data | overrides


def test_admin_moves_a_meeting_and_sees_its_history(client, users, convening):
    client.force_login(users["admin"])
    detail = reverse("unitadmin:convening", args=[convening.pk])
    page = client.get(detail).content.decode()
    assert "9:30am" in page
    assert "Civic Centre" in page
    assert "Move or change this meeting" in page
    response = client.post(reverse("unitadmin:convening-change", args=[convening.pk]), moved())
    assert response.status_code == 302
    assert response["Location"] == detail
    page = client.get(detail).content.decode()
    assert "Meeting changed: what it was before is kept" in page
    assert "2:30pm" in page
    assert "The family asked" in page
    assert "<del>Civic Centre</del> to Online" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time", "25:00", "Start time must be a time, like 9:30am or 14:30"),
        ("time", "3am", "The meeting must start between 7am and 9pm"),
        ("reason", "", "Enter why you are changing the meeting"),
        ("date_day", "22", "Saturday"),
        ("venue", "x" * 201, "The venue must be 200 characters or fewer"),
    ],
)
def test_a_wrong_change_is_refused_beside_its_field(client, users, convening, field, value,
                                                     message):  # fmt: skip
    client.force_login(users["admin"])
    url = reverse("unitadmin:convening-change", args=[convening.pk])
    response = client.post(url, moved(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    convening.refresh_from_db()
    assert (convening.date, convening.venue) == (date(2024, 6, 17), "Civic Centre")


def test_the_head_of_service_cancels_it_and_another_admin_may_not(client, users, convening):
    other = User.objects.create_user(username="admin2", password="pw", role="admin")
    client.force_login(other)
    cancel = reverse("unitadmin:convening-cancel", args=[convening.pk])
    assert client.get(cancel).status_code == 403
    assert (
        "Cancel this meeting"
        not in client.get(reverse("unitadmin:convening", args=[convening.pk])).content.decode()
    )
    client.force_login(users["head"])
    assert (
        "Enter why the meeting is cancelled" in client.post(cancel, {"reason": ""}).content.decode()
    )
    response = client.post(cancel, {"reason": "Child returned home"})
    assert response.status_code == 302
    assert Convening.objects.get().cancelled_on is not None
    page = client.get(response["Location"]).content.decode()
    assert "Cancelled on 3 June 2024: Child returned home" in page
    client.force_login(users["admin"])
    listing = client.get(reverse("unitadmin:convenings")).content.decode()
    assert "No meetings have been convened from today on." in listing
