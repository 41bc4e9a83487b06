"""Convening a meeting: only a meeting the child's records allow, and a child's meeting of one
kind at most once a day (the database refuses a repeat too)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from iru.web.children.models import Child
from iru.web.meetings.models import ConvenedChild, Convening
from iru.web.meetings.services.convening import meeting_convene

pytestmark = pytest.mark.django_db
DAY = date(2024, 6, 17)


def convene(users, today, child, **overrides):
    args = {"children": [child], "kind": "lac_review", "date": DAY, "chair": None,
            "invitees": [], "booklets_sent": None, "booklets_returned": None,
            "today": today}  # fmt: skip
    return meeting_convene(user=users["admin"], **args | overrides)


@pytest.mark.parametrize(
    ("la_id", "kind", "message"),
    [
        ("A1", "icpc", "Alfie Ash has no section 47 enquiry awaiting an initial conference"),
        ("A1", "rcpc", "Alfie Ash is not on a child protection plan"),
        ("B2", "lac_review", "Bella Birch is not looked after"),
        ("C3", "lac_review", "Cara Cedar is not looked after"),
    ],
)
def test_a_meeting_the_child_s_records_do_not_allow_is_refused(users, today, la_id, kind, message):
    with pytest.raises(ValidationError) as refused:
        convene(users, today, Child.objects.get(la_child_id=la_id), kind=kind)
    assert refused.value.message_dict["kind"] == [message]
    assert not Convening.objects.exists()


def test_a_child_s_meeting_is_convened_once_a_day(users, today):
    a1 = Child.objects.get(la_child_id="A1")
    convene(users, today, a1)
    with pytest.raises(ValidationError, match="already has this meeting convened that day"):
        convene(users, today, a1)
    convene(users, today, a1, date=date(2024, 6, 18))  # another day is another meeting
    b2 = Child.objects.get(la_child_id="B2")
    convene(users, today, b2, kind="rcpc")  # B2's plan: a review conference that day is fine
    assert ConvenedChild.objects.count() == 3


def test_the_database_refuses_a_repeat(users, today):
    a1 = Child.objects.get(la_child_id="A1")
    first = convene(users, today, a1)
    second = Convening.objects.create(kind="lac_review", date=DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        second.children.add(a1, through_defaults={"kind": "lac_review", "date": DAY})
    assert list(a1.convenings.all()) == [first]
