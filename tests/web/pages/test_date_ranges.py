"""Every date field allows only the dates its meaning allows, with the message beside it; a
meeting on a weekend or bank holiday is convened only when the user confirms it.

The day is Monday 3 June 2024 (tests/web/conftest.py).
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child
from iru.web.disputes.models import RagAction, RagRating
from iru.web.meetings.models import Convening
from iru.web.oversight.models import OversightNote
from iru.web.people.models import Staff
from tests.web.fixtures.chair import looked_after_child

pytestmark = pytest.mark.django_db


def when(name: str, day: str, month: str, year: str) -> dict[str, str]:
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


def errors(response) -> list[str]:
    return [str(e) for field in response.context["form"].errors.values() for e in field]


def test_a_meeting_held_two_years_ago_is_refused(client, users, today):
    client.force_login(users["chair"])
    a1 = Child.objects.get(la_child_id="A1")
    url = reverse("meetings:record") + f"?kind=lac_review&children={a1.pk}"
    data = {
        **when("held", "1", "6", "2022"),
        "reports_shared": "yes",
        f"participation_{a1.pk}": "PN1",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Date the meeting was held must be within the last 12 months" in errors(response)


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (("5", "1", "2024"), "Date of the oversight must be on or after the child's birth"),
        (("4", "6", "2024"), "Date of the oversight must be today or in the past"),
    ],
)
def test_an_oversight_note_before_the_child_was_born_or_in_the_future(
    client, users, today, day, message
):
    baby = looked_after_child("N1", "2024-01-10", decom="2024-02-01")
    client.force_login(users["chair"])
    response = client.post(
        reverse("rag:oversight", args=[baby.pk]), {**when("day", *day), "text": "Visited"}
    )
    assert message in errors(response)
    assert not OversightNote.objects.filter(child=baby).exists()


def test_an_action_due_in_2099_is_refused(client, users, today):
    red = RagRating.objects.get(external_id="R1")
    client.force_login(users["tm_a"])
    data = {"response": "Noted", "action_1": "Meet", **when("action_1_due", "1", "1", "2099")}
    response = client.post(reverse("inbox:rating", args=[red.pk]), data)
    assert "Action 1's date must be within the next 12 months" in errors(response)
    assert not RagAction.objects.exists()


def test_a_reallocation_in_2030_is_refused(client, users, today):
    client.force_login(users["head"])
    a1 = Child.objects.get(la_child_id="A1")
    data = {"kind": "lac", "chair": Staff.objects.get(external_id="S2").pk,
            **when("effective", "1", "1", "2030")}  # fmt: skip
    response = client.post(reverse("management:child-allocations", args=[a1.pk]), data)
    assert "The new allocation must start within 3 months of today" in errors(response)
    assert Allocation.objects.filter(child=a1).count() == 1


def convene(client, child, **overrides):
    data = {"kind": "lac_review", "invitees": "", **when("date", "17", "6", "2024")}
    return client.post(reverse("unitadmin:convene", args=[child.pk]), data | overrides)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (when("date", "1", "1", "2126"), "The meeting date must be within the next 12 months"),
        (when("date", "31", "5", "2024"), "The meeting date must be today or in the future"),
        (
            when("booklets_sent", "1", "1", "2020"),
            "The date booklets were sent must be within the last 12 months",
        ),
    ],
)
def test_a_convened_meeting_s_dates(client, users, today, fields, message):
    client.force_login(users["admin"])
    response = convene(client, Child.objects.get(la_child_id="A1"), **fields)
    assert message in errors(response)
    assert not Convening.objects.exists()


@pytest.mark.parametrize(
    ("day", "reason"),
    [(("8", "6", "2024"), "a Saturday"), (("26", "8", "2024"), "a bank holiday")],
)
def test_a_meeting_on_a_weekend_or_bank_holiday_is_confirmed_first(
    client, users, today, day, reason
):
    client.force_login(users["admin"])
    a1 = Child.objects.get(la_child_id="A1")
    first = convene(client, a1, **when("date", *day))
    assert first.status_code == 200
    assert any(reason in e and "confirm it below" in e for e in errors(first))
    assert 'name="on_a_non_working_day"' in first.content.decode()
    assert not Convening.objects.exists()
    confirmed = convene(client, a1, **when("date", *day), on_a_non_working_day="on")
    assert confirmed.status_code == 302
    assert Convening.objects.get().date.day == int(day[0])


def test_a_working_day_asks_nothing(client, users, today):
    client.force_login(users["admin"])
    page = client.get(reverse("unitadmin:convene", args=[Child.objects.get(la_child_id="A1").pk]))
    assert 'name="on_a_non_working_day"' not in page.content.decode()
