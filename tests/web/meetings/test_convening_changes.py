"""A convened meeting moved, re-timed or cancelled: by the admin who convened it or the Head
of Service, with a reason, every version kept; a cancelled meeting leaves the schedule and
frees its day."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from iru.web.audit.models import AccessEvent
from iru.web.children.models import Child
from iru.web.meetings.models import ConvenedChild
from iru.web.meetings.selectors import (
    convening_history,
    upcoming_convenings,
    upcoming_convenings_for,
)
from iru.web.meetings.services.convening import (
    convening_booklets_record,
    convening_cancel,
    convening_correct,
    meeting_convene,
)
from iru.web.people.models import Staff, User

pytestmark = pytest.mark.django_db
DAY = date(2024, 6, 17)  # a Monday, two weeks after `today`


@pytest.fixture
def a1(users):
    return Child.objects.get(la_child_id="A1")


@pytest.fixture
def convening(users, today, a1):
    return meeting_convene(
        user=users["admin"], children=[a1], kind="lac_review", date=DAY, chair=None,
        invitees=[], booklets_sent=None, booklets_returned=None, today=today,
        time=time(10, 0), venue="Civic Centre, room 2",
    )  # fmt: skip


def correct(users, today, convening, who="admin", **overrides):
    args = {"date": convening.date, "time": convening.time, "venue": convening.venue,
            "chair": convening.chair, "reason": "Family asked", "today": today}  # fmt: skip
    return convening_correct(user=users[who], convening=convening, **args | overrides)


def test_moving_a_meeting_keeps_what_it_was_who_moved_it_and_why(users, today, convening):
    iris = Staff.objects.get(external_id="S1")
    correct(users, today, convening, date=date(2024, 6, 18), time=time(14, 30), chair=iris,
            venue="Online")  # fmt: skip
    convening.refresh_from_db()
    assert (convening.date, convening.time, convening.venue) == (
        date(2024, 6, 18), time(14, 30), "Online")  # fmt: skip
    # the child's row moves with it, so the day-once rule sees the new day
    assert list(ConvenedChild.objects.values_list("date", flat=True)) == [date(2024, 6, 18)]
    recorded, moved = convening_history(convening)
    assert recorded.kind == "recorded"
    assert (moved.kind, moved.reason) == ("corrected", "Family asked")
    assert [(f.label, f.before, f.after) for f in moved.fields] == [
        ("Date", "17 June 2024", "18 June 2024"),
        ("Starts", "10am", "2:30pm"),
        ("Venue", "Civic Centre, room 2", "Online"),
        ("Chair", "Not yet decided", "Iris Reed"),
    ]
    assert AccessEvent.objects.filter(action="correct_convening").count() == 1


def test_a_move_follows_the_rules_of_convening(users, today, convening, a1):
    with pytest.raises(ValidationError, match="today or in the future"):
        correct(users, today, convening, date=date(2024, 5, 31))
    with pytest.raises(ValidationError, match="Saturday"):
        correct(users, today, convening, date=date(2024, 6, 22))
    correct(users, today, convening, date=date(2024, 6, 22), on_a_non_working_day=True)
    other = meeting_convene(
        user=users["admin"], children=[a1], kind="lac_review", date=DAY, chair=None,
        invitees=[], booklets_sent=None, booklets_returned=None, today=today,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="already has this meeting convened that day"):
        correct(users, today, other, date=date(2024, 6, 22), on_a_non_working_day=True)
    with pytest.raises(ValidationError, match="between 7am and 9pm"):
        correct(users, today, other, time=time(3, 0))
    with pytest.raises(ValidationError, match="Nothing has changed"):
        correct(users, today, other)
    with pytest.raises(ValidationError, match="why you are changing"):
        correct(users, today, other, venue="Online", reason="  ")


def test_only_the_admin_who_convened_it_or_the_head_of_service_changes_it(users, today, convening):
    users["admin2"] = User.objects.create_user(username="admin2", password="pw", role="admin")
    with pytest.raises(PermissionDenied):
        correct(users, today, convening, who="admin2", venue="Online")
    with pytest.raises(PermissionDenied):
        convening_cancel(user=users["chair"], convening=convening, reason="x", today=today)
    correct(users, today, convening, who="head", venue="Online")


def test_a_cancelled_meeting_is_kept_leaves_the_schedule_and_frees_its_day(
    users, today, convening, a1
):
    convening_cancel(user=users["admin"], convening=convening, reason="Child went home",
                     today=today)  # fmt: skip
    convening.refresh_from_db()
    assert (convening.cancelled_on, convening.cancel_reason) == (today, "Child went home")
    assert convening_history(convening)[-1].kind == "cancelled"
    assert not upcoming_convenings(today=today, child_ids=[a1.pk])
    assert not upcoming_convenings_for(users["admin"], today=today).exists()
    with pytest.raises(ValidationError, match="has been cancelled"):
        correct(users, today, convening, venue="Online")
    with pytest.raises(ValidationError, match="has been cancelled"):
        convening_booklets_record(user=users["admin"], convening=convening, sent=today,
                                  returned=None, today=today)  # fmt: skip
    again = meeting_convene(
        user=users["admin"], children=[a1], kind="lac_review", date=DAY, chair=None,
        invitees=[], booklets_sent=None, booklets_returned=None, today=today,
    )  # fmt: skip
    assert list(upcoming_convenings_for(users["admin"], today=today)) == [again]


def test_a_meeting_whose_day_has_passed_is_not_moved(users, today, convening):
    with pytest.raises(ValidationError, match="date has passed"):
        correct(users, date(2024, 6, 18), convening, venue="Online")


def test_the_invitees_are_corrected_line_by_line_with_history(users, today, convening):
    convening_correct(user=users["admin"], convening=convening, date=convening.date,
                      time=convening.time, venue=convening.venue, chair=None,
                      invitees=["Jo Ash (mother)", "Sam Work (social worker)"],
                      reason="Invited the family", today=today)  # fmt: skip
    convening_correct(user=users["admin"], convening=convening, date=convening.date,
                      time=convening.time, venue=convening.venue, chair=None,
                      invitees=["Jo Ash (mother)"], reason="Social worker not needed",
                      today=today)  # fmt: skip
    assert [i.name for i in convening.invitees.all()] == ["Jo Ash (mother)"]
    lines = [(line.kind, [(f.label, f.before, f.after) for f in line.fields])
             for line in convening_history(convening)]  # fmt: skip
    assert ("added", [("Invitee 2", "(none)", "Sam Work (social worker)")]) in lines
    assert ("removed", [("Invitee 2", "Sam Work (social worker)", "(none)")]) in lines
