from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from iru.web.audit.models import AccessEvent
from iru.web.children.models import Child
from iru.web.meetings.models import Convening, Invitee
from iru.web.meetings.services.convening import convening_booklets_record, meeting_convene
from iru.web.people.models import Staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def a1(imported):
    return Child.objects.get(la_child_id="A1")


def date_fields(name, value):
    day, month, year = value
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


def good_form(**overrides):
    iris = Staff.objects.get(external_id="S1")
    data = {"kind": "lac_review", "chair": iris.pk,
            "invitees": "Jo Ash (mother)\n\nSam Work (social worker)\n",
            **date_fields("date", ("17", "6", "2024")),
            **date_fields("booklets_sent", ("31", "5", "2024")),
            **date_fields("booklets_returned", ("", "", ""))}  # fmt: skip
    return data | overrides


def test_convening_a_meeting(client, users, today, a1):
    client.force_login(users["admin"])
    url = reverse("unitadmin:convene", args=[a1.pk])
    page = client.get(url).content.decode()
    assert 'value="lac_review" checked' in page  # the kind due is chosen already
    response = client.post(url, good_form())
    assert response.status_code == 302
    convening = Convening.objects.get()
    assert (convening.kind, convening.date, convening.chair.external_id) == (
        "lac_review", date(2024, 6, 17), "S1")  # fmt: skip
    assert list(convening.children.all()) == [a1]
    assert convening.booklets_sent == date(2024, 5, 31)
    assert [i.name for i in Invitee.objects.all()] == [
        "Jo Ash (mother)",
        "Sam Work (social worker)",
    ]
    assert AccessEvent.objects.filter(action="convene_meeting", child_id=a1.pk).exists()
    listing = client.get(reverse("unitadmin:convenings")).content.decode()  # where it went
    assert "Meeting convened for Alfie Ash" in listing
    assert "17 Jun 2024" in client.get(reverse("unitadmin:schedule")).content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (date_fields("date", ("30", "2", "2025")), "Date of the meeting must be a real date"),
        (date_fields("date", ("", "", "")), "Enter the date of the meeting"),
        (date_fields("date", ("1", "6", "2024")), "must be today or in the future"),
        ({"kind": "party"}, "Select a valid choice"),
        ({"chair": "999999"}, "Select a chair from the list"),
        ({"chair": "abc"}, "Select a chair from the list"),
        (date_fields("booklets_sent", ("4", "6", "2024")), "must be today or in the past"),
        (date_fields("booklets_returned", ("30", "5", "2024")), "cannot come back before"),
        ({**date_fields("booklets_sent", ("", "", "")),
          **date_fields("booklets_returned", ("1", "6", "2024"))}, "as they have come back"),
        ({"invitees": "x\n" * 31}, "no more than 30"),
    ],
)  # fmt: skip
def test_a_wrong_value_is_an_error_and_nothing_is_saved(client, users, today, a1, overrides,
                                                        message):  # fmt: skip
    client.force_login(users["admin"])
    response = client.post(reverse("unitadmin:convene", args=[a1.pk]), good_form(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in html
    assert not Convening.objects.exists()


def test_a_chair_is_refused_and_an_unknown_child_not_found(client, users, today, a1):
    client.force_login(users["chair"])
    assert client.post(reverse("unitadmin:convene", args=[a1.pk]), good_form()).status_code == 403
    client.force_login(users["admin"])
    assert client.get(reverse("unitadmin:convene", args=[999999])).status_code == 404
    assert not Convening.objects.exists()


def test_the_service_checks_role_scope_and_chair(users, today, a1):
    args = {
        "children": [a1],
        "kind": "lac_review",
        "date": date(2024, 6, 17),
        "chair": None,
        "invitees": [],
        "booklets_sent": None,
        "booklets_returned": None,
        "today": today,
    }
    with pytest.raises(PermissionDenied):
        meeting_convene(user=users["chair"], **args)
    manager = Staff.objects.get(external_id="S3")
    with pytest.raises(ValidationError):
        meeting_convene(user=users["admin"], **(args | {"chair": manager}))
    with pytest.raises(ValidationError):
        meeting_convene(user=users["admin"], **(args | {"kind": "tea"}))
    assert not Convening.objects.exists()
    convening = meeting_convene(user=users["admin"], **args)
    convening_booklets_record(user=users["admin"], convening=convening, sent=date(2024, 5, 1),
                              returned=date(2024, 5, 20), today=today)  # fmt: skip
    convening.refresh_from_db()
    assert convening.booklets_returned == date(2024, 5, 20)


def test_recording_booklets_on_the_meeting_page(client, users, today, a1):
    convening = meeting_convene(
        user=users["admin"], children=[a1], kind="lac_review", date=date(2024, 6, 17),
        chair=None, invitees=["Jo"], booklets_sent=None, booklets_returned=None, today=today,
    )  # fmt: skip
    url = reverse("unitadmin:convening", args=[convening.pk])
    client.force_login(users["admin"])
    bad = {**date_fields("booklets_sent", ("2", "6", "2024")),
           **date_fields("booklets_returned", ("1", "6", "2024"))}  # fmt: skip
    assert "govuk-error-summary" in client.post(url, bad).content.decode()
    good = bad | date_fields("booklets_returned", ("3", "6", "2024"))
    assert client.post(url, good).status_code == 302
    convening.refresh_from_db()
    assert (convening.booklets_sent, convening.booklets_returned) == (
        date(2024, 6, 2), date(2024, 6, 3))  # fmt: skip
    client.force_login(users["head"])
    assert client.get(url).status_code == 200
    assert client.post(url, good).status_code == 403
    client.force_login(users["tm_a"])
    assert client.get(url).status_code == 403
