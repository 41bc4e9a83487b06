"""A RAG rating corrected or cancelled by the chair who gave it (or the Head of Service), with
a reason, every version kept; the team manager's answer ties down the colour."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from iru.rules.timescales import rag_response_due
from iru.web.disputes.models import RagRating
from iru.web.disputes.selectors.inbox import inbox_for
from iru.web.disputes.selectors.records import rated_child_ids, rating_history
from iru.web.disputes.services.ratings import (
    rag_rating_cancel,
    rag_rating_correct,
    rag_rating_send,
)
from iru.web.disputes.services.responses import rag_rating_respond
from iru.web.meetings.services.recording import meeting_record
from iru.web.people.models import Staff, User
from tests.web.conftest import TODAY, d

pytestmark = pytest.mark.django_db


def rated(chair, child, colour="amber", codes=("LAC-A-01",)):
    meeting = meeting_record(
        user=chair, kind="lac_review", held=d("2024-05-30"), children=[child],
        participation={child.pk: "PN1"}, booklets={child.pk: "sent"}, attendees=["child"],
        reports_shared_3_days=True, today=TODAY,
    )  # fmt: skip
    return rag_rating_send(user=chair, meeting=meeting, child=child, rating=colour,
                           reason_codes=list(codes), comment="Drift", today=TODAY)  # fmt: skip


def user(username, role, staff_id):
    staff = Staff.objects.get(external_id=staff_id)
    return User.objects.create_user(username=username, password="pw", role=role, staff=staff)


def correct(who, rating, **overrides):
    args = {"colour": rating.rating, "reason_codes": [r.code for r in rating.reasons.all()],
            "comment": rating.comment, "reason": "Wrong box ticked", "today": TODAY}  # fmt: skip
    return rag_rating_correct(user=who, rating=rating, **args | overrides)


def test_a_correction_keeps_the_old_colour_reasons_and_why(chair, a1):
    rating = rated(chair, a1)
    correct(chair, rating, colour="red", reason_codes=["LAC-R-01"])
    rating.refresh_from_db()
    assert rating.rating == "red"
    assert rating.response_due == rag_response_due(TODAY, "red")
    first, corrected = rating_history(rating)
    assert first.kind == "recorded"
    changes = {f.label: (f.before, f.after) for f in corrected.fields}
    assert changes["Rating"] == ("Amber", "Red")
    assert set(changes) >= {"Rating", "Reasons"}
    assert corrected.reason == "Wrong box ticked"
    assert len(rating_history(rating)) == 2  # one version per save, reasons included


def test_once_answered_the_colour_stays_but_the_words_may_change(chair, a1):
    rating = rated(chair, a1)
    manager = user("tess", User.Role.TEAM_MANAGER, "S3")
    rag_rating_respond(rating=rating, user=manager, response="Will act", actions=[],
                       today=TODAY)  # fmt: skip
    rating.refresh_from_db()
    assert rating.responded_by == manager
    with pytest.raises(ValidationError, match="colour stays"):
        correct(chair, rating, colour="red", reason_codes=["LAC-R-01"])
    correct(chair, rating, comment="Drift in the care plan")
    with pytest.raises(ValidationError, match="Nothing has changed"):
        correct(chair, rating)


def test_a_cancelled_rating_leaves_the_inbox_and_the_case_may_be_rated_again(chair, a1):
    rating = rated(chair, a1)
    manager = user("tess", User.Role.TEAM_MANAGER, "S3")
    waiting = {(item.kind, item.pk) for item in inbox_for(manager, today=TODAY)}
    assert ("rating", rating.pk) in waiting
    rag_rating_cancel(user=chair, rating=rating, reason="Rated the wrong child", today=TODAY)
    left = {(item.kind, item.pk) for item in inbox_for(manager, today=TODAY)}
    assert left == waiting - {("rating", rating.pk)}
    assert rated_child_ids(rating.meeting) == set()
    with pytest.raises(ValidationError, match="cancelled"):
        rag_rating_respond(rating=rating, user=manager, response="x", actions=[], today=TODAY)
    with pytest.raises(ValidationError, match="has been cancelled"):
        correct(chair, rating, comment="x")
    again = rag_rating_send(user=chair, meeting=rating.meeting, child=a1, rating="green",
                            reason_codes=[], comment="", today=TODAY)  # fmt: skip
    assert RagRating.objects.filter(meeting=rating.meeting, child=a1).count() == 2
    assert again.cancelled_on is None


def test_only_the_chair_who_rated_or_the_head_of_service_changes_a_rating(chair, a1):
    rating = rated(chair, a1)
    colin = user("colin2", User.Role.CHAIR, "S2")
    with pytest.raises(PermissionDenied):
        rag_rating_cancel(user=colin, rating=rating, reason="Not mine", today=TODAY)
    head = user("head2", User.Role.HEAD_OF_SERVICE, "S7")
    correct(head, rating, comment="Checked with the chair")
    with pytest.raises(ValidationError, match="why you are changing"):
        correct(head, rating, comment="again", reason=" ")
