"""The chair's RAG rating after a meeting: sent to the team manager, reasons from the
catalogue."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from iru.rules.timescales import (
    rag_response_due,
)
from iru.web.disputes.models import RagRating, RagReason
from iru.web.disputes.services.ratings import rag_rating_send
from iru.web.meetings.services.recording import meeting_record
from iru.web.people.models import Staff
from tests.web.conftest import TODAY, d

pytestmark = pytest.mark.django_db


HELD = d("2024-05-30")


def record(user, kind, children, held=HELD, **kwargs):
    defaults = {"participation": {c.pk: "PN1" for c in children}, "attendees": ["child"],
                "booklets": {c.pk: "returned" for c in children},
                "reports_shared_3_days": True, "today": TODAY}  # fmt: skip
    return meeting_record(user=user, kind=kind, held=held, children=children, **defaults | kwargs)


def test_a_rag_rating_goes_to_the_team_manager_with_its_due_date(chair, a1):
    meeting = record(chair, "lac_review", [a1])
    rating = rag_rating_send(user=chair, meeting=meeting, child=a1, rating="amber",
                             reason_codes=["LAC-A-01"], comment="Drift", today=TODAY)  # fmt: skip
    assert rating.team_manager == Staff.objects.get(external_id="S3")
    assert rating.sent == TODAY
    assert rating.response_due == rag_response_due(TODAY, "amber")
    assert [r.code for r in rating.reasons.all()] == ["LAC-A-01"]


def test_a_rag_rating_needs_reasons_of_its_own_rating_and_meeting_type(chair, a1):
    meeting = record(chair, "lac_review", [a1])
    for codes in ([], ["LAC-R-01"], ["CP-A-01"]):
        with pytest.raises(ValidationError):
            rag_rating_send(user=chair, meeting=meeting, child=a1, rating="amber",
                            reason_codes=codes, comment="", today=TODAY)  # fmt: skip


def test_a_case_is_rated_once_after_a_meeting(chair, a1):
    meeting = record(chair, "lac_review", [a1])
    rag_rating_send(user=chair, meeting=meeting, child=a1, rating="green", reason_codes=[],
                    comment="", today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError, match="already been rated after this meeting"):
        rag_rating_send(user=chair, meeting=meeting, child=a1, rating="red",
                        reason_codes=["LAC-R-01"], comment="", today=TODAY)  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses it too
        RagRating.objects.create(meeting=meeting, child=a1, rating="amber")
    assert RagRating.objects.filter(meeting=meeting, child=a1).count() == 1


def test_other_state_needs_the_chair_s_words(chair, a1):
    meeting = record(chair, "lac_review", [a1])
    other = RagReason.objects.get(meeting_type="lac", rating="amber", text="Other (state)")
    with pytest.raises(ValidationError, match="what the other reason is"):
        rag_rating_send(user=chair, meeting=meeting, child=a1, rating="amber",
                        reason_codes=[other.code], comment="  ", today=TODAY)  # fmt: skip
    rating = rag_rating_send(user=chair, meeting=meeting, child=a1, rating="amber",
                             reason_codes=[other.code], comment="No school place",
                             today=TODAY)  # fmt: skip
    assert rating.comment == "No school place"
