"""A recorded meeting corrected or cancelled: what it wrote into each child's record is taken
back and written again (or only taken back), all or nothing; what a return has since brought
in is the authority's word and is never taken back."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from iru.web.children.models import Child, CpPlan, LacReview, Section47
from iru.web.disputes.services.ratings import rag_rating_send
from iru.web.meetings.models import Meeting
from iru.web.meetings.selectors import meeting_history
from iru.web.meetings.services.recording import meeting_cancel, meeting_correct, meeting_record
from iru.web.people.models import User
from iru.web.schedule.selectors.due import next_meetings_due
from tests.web.conftest import TODAY, d
from tests.web.fixtures.chair import child_awaiting_icpc, child_on_a_plan_awaiting_icpc, make_user

pytestmark = pytest.mark.django_db
HELD = d("2024-05-30")


def record(user, kind, children, **kwargs):
    defaults = {"participation": {c.pk: "PN1" for c in children}, "attendees": ["child"],
                "booklets": {c.pk: "returned" for c in children},
                "reports_shared_3_days": True, "today": TODAY}  # fmt: skip
    return meeting_record(user=user, kind=kind, held=HELD, children=children, **defaults | kwargs)


def correct(user, meeting, **overrides):
    links = list(meeting.covered.all())
    args = {"held": meeting.date, "attendees": meeting.attendees,
            "reports_shared_3_days": meeting.reports_shared_3_days,
            "participation": {link.child_id: link.participation for link in links},
            "booklets": {link.child_id: link.booklet for link in links},
            "reason": "Typed wrongly", "today": TODAY}  # fmt: skip
    return meeting_correct(user=user, meeting=meeting, **args | overrides)


def test_a_new_date_and_participation_move_the_child_s_review(chair, a1):
    meeting = record(chair, "lac_review", [a1])
    correct(chair, meeting, held=d("2024-05-31"), participation={a1.pk: "PN3"})
    review = LacReview.objects.get(child=a1, review__gte=d("2024-05-01"))
    assert (review.review, review.review_code) == (d("2024-05-31"), "PN3")
    assert next_meetings_due(Child.objects.filter(pk=a1.pk), today=TODAY)[a1.pk].due > d(
        "2024-11-01"
    )
    lines = meeting_history(meeting)
    labels = {f.label for line in lines for f in line.fields}
    assert {"Date", "A1 took part"} <= labels


def test_cancelling_takes_the_review_back_and_the_review_is_due_again(chair, a1):
    before = next_meetings_due(Child.objects.filter(pk=a1.pk), today=TODAY)[a1.pk].due
    meeting = record(chair, "lac_review", [a1])
    meeting_cancel(user=chair, meeting=meeting, reason="Wrong child", today=TODAY)
    assert not LacReview.objects.filter(child=a1, review=HELD).exists()
    assert next_meetings_due(Child.objects.filter(pk=a1.pk), today=TODAY)[a1.pk].due == before
    meeting.refresh_from_db()
    assert (meeting.cancelled_on, meeting.cancel_reason) == (TODAY, "Wrong child")
    with pytest.raises(ValidationError, match="cancelled"):
        rag_rating_send(user=chair, meeting=meeting, child=a1, rating="green", reason_codes=[],
                        comment="", today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError, match="has been cancelled"):
        correct(chair, meeting, attendees=["carer"])


def test_a_review_a_return_has_brought_in_is_not_taken_back(chair, a1):
    meeting = record(chair, "lac_review", [a1])
    LacReview.objects.filter(child=a1, review=HELD).update(source_file="reviews.csv", source_row=9)
    with pytest.raises(ValidationError, match="now in the SSDA903 return"):
        correct(chair, meeting, held=d("2024-05-31"))
    with pytest.raises(ValidationError, match="now in the SSDA903 return"):
        meeting_cancel(user=chair, meeting=meeting, reason="x", today=TODAY)
    assert LacReview.objects.filter(child=a1, review=HELD).exists()  # nothing half-done
    correct(chair, meeting, attendees=["child", "carer"])  # the unit's own details may change
    assert Meeting.objects.get(pk=meeting.pk).attendees == ["child", "carer"]


def test_a_new_date_must_still_be_allowed_by_the_child_s_records(chair, a1):
    meeting = record(chair, "lac_review", [a1])
    with pytest.raises(ValidationError, match="today or in the past"):
        correct(chair, meeting, held=d("2024-06-04"))
    with pytest.raises(ValidationError, match="Nothing has changed"):
        correct(chair, meeting)
    assert LacReview.objects.filter(child=a1, review=HELD).count() == 1


def test_cancelling_an_initial_conference_takes_back_its_plan(other_chair):
    child = child_awaiting_icpc("P1")
    meeting = record(other_chair, "icpc", [child], outcome="plan", category="NEG",
                     participation={})  # fmt: skip
    assert CpPlan.objects.filter(child=child, start=HELD).exists()
    meeting_cancel(user=other_chair, meeting=meeting, reason="Not held", today=TODAY)
    assert not CpPlan.objects.filter(child=child, start=HELD).exists()
    assert Section47.objects.get(child=child).date_of_initial_cpc is None


def test_cancelling_a_review_conference_gives_the_plan_back(other_chair, b2):
    plan = CpPlan.objects.get(child=b2, end=None)
    meeting = record(other_chair, "rcpc", [b2], participation={}, outcome="no_plan",
                     category="")  # fmt: skip
    assert CpPlan.objects.get(pk=plan.pk).ended_by_conference == HELD
    meeting_cancel(user=other_chair, meeting=meeting, reason="Recorded twice", today=TODAY)
    plan.refresh_from_db()
    assert plan.ended_by_conference is None
    assert not plan.reviews.filter(review_date=HELD).exists()


def test_a_meeting_from_the_unit_s_files_keeps_the_returns_date(chair, a1):
    meeting = Meeting.objects.get(external_id="M1")  # chaired by Iris Reed, no records written
    with pytest.raises(ValidationError, match="came from the unit's files"):
        correct(chair, meeting, held=d("2023-04-26"))
    correct(chair, meeting, reports_shared_3_days=False)


def test_only_the_chair_who_recorded_it_or_the_head_of_service_changes_it(chair, a1):
    meeting = record(chair, "lac_review", [a1])
    colin = make_user("colin2", User.Role.CHAIR, "S2")
    with pytest.raises(PermissionDenied):
        meeting_cancel(user=colin, meeting=meeting, reason="x", today=TODAY)
    head = make_user("head2", User.Role.HEAD_OF_SERVICE, "S7")
    correct(head, meeting, attendees=["child", "parent"])


def test_a_booklet_is_corrected_with_its_history_and_the_record_stays(chair, a1):
    meeting = record(chair, "lac_review", [a1], booklets={a1.pk: "sent"})
    review = LacReview.objects.get(child=a1, review=HELD)
    correct(chair, meeting, booklets={a1.pk: "returned"}, reason="It came back on the day")
    assert meeting.covered.get().booklet == "returned"
    assert LacReview.objects.get(child=a1, review=HELD).pk == review.pk  # not written again
    [line] = [line for line in meeting_history(meeting) if line.kind == "corrected"]
    assert line.reason == "It came back on the day"
    assert [(f.label, f.before, f.after) for f in line.fields] == [
        ("A1 consultation booklet", "Sent, not returned", "Returned")
    ]


def test_a_recorded_booklet_may_not_be_left_unsaid(chair, a1):
    meeting = record(chair, "lac_review", [a1], booklets={a1.pk: "sent"})
    for wrong in ("", "lost"):
        with pytest.raises(ValidationError) as raised:
            correct(chair, meeting, booklets={a1.pk: wrong})
        assert raised.value.message_dict == {
            f"booklet_{a1.pk}": ["Select what happened to the consultation booklet"]
        }
    assert meeting.covered.get().booklet == "sent"


def test_a_meeting_from_the_unit_s_files_gains_the_booklet_it_did_not_record(chair, a1):
    meeting = Meeting.objects.get(external_id="M1")
    meeting.covered.update(booklet="")  # as a unit file with no booklet column leaves it
    assert meeting.covered.get().booklet == ""
    correct(chair, meeting, reports_shared_3_days=False)  # it may stay unrecorded
    correct(chair, meeting, booklets={a1.pk: "not_sent"})
    assert meeting.covered.get().booklet == "not_sent"
    lines = [f for line in meeting_history(meeting) for f in line.fields]
    assert ("A1 consultation booklet", "Not recorded", "Not sent") in [
        (f.label, f.before, f.after) for f in lines
    ]


def test_cancelling_a_change_of_category_takes_it_back(other_chair):
    child = child_on_a_plan_awaiting_icpc("T1")
    meeting = record(other_chair, "icpc", [child], participation={},
                     outcome="change_of_category", category="SAB")  # fmt: skip
    plan = CpPlan.objects.get(child=child)
    assert plan.category_by_conference == "SAB"
    meeting_cancel(user=other_chair, meeting=meeting, reason="Wrong conference", today=TODAY)
    plan.refresh_from_db()
    assert (plan.latest_category, plan.category_by_conference) == ("NEG", "")
    assert Section47.objects.get(child=child).date_of_initial_cpc is None


def test_a_new_date_writes_a_change_of_category_again(other_chair):
    child = child_on_a_plan_awaiting_icpc("T1")
    meeting = record(other_chair, "icpc", [child], participation={},
                     outcome="change_of_category", category="SAB")  # fmt: skip
    correct(other_chair, meeting, held=d("2024-05-31"))
    plan = CpPlan.objects.get(child=child)
    assert plan.category_by_conference == "SAB"
    assert Section47.objects.get(child=child).date_of_initial_cpc == d("2024-05-31")
