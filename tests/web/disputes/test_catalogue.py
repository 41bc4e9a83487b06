"""The unit edits its RAG reason catalogue; nothing is deleted and codes are never reused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from iru.web.disputes.models import RagRating, RagReason
from iru.web.disputes.services.catalogue import rag_reason_add, rag_reason_retire, rag_reason_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(users):
    return users["head"]


def test_a_new_reason_gets_the_next_code_of_its_meeting_type_and_rating(users, head):
    highest = max(
        int(code.rsplit("-", 1)[1])
        for code in RagReason.objects.filter(code__startswith="LAC-R-").values_list(
            "code", flat=True
        )
    )
    reason = rag_reason_add(meeting_type="lac", rating="red", text="  No  plan \n ", by=head)
    assert reason.code == f"LAC-R-{highest + 1:02d}"
    assert (reason.text, reason.source, reason.in_catalogue) == ("No plan", "unit", True)


def test_a_retired_code_is_not_reused(users, head):
    first = rag_reason_add(meeting_type="cp", rating="green", text="One", by=head)
    rag_reason_retire(reason=first, by=head)
    second = rag_reason_add(meeting_type="cp", rating="green", text="Two", by=head)
    assert second.code != first.code
    assert RagReason.objects.filter(code=first.code, in_catalogue=False).exists()


def test_retiring_a_reason_a_rating_gave_keeps_it_on_the_rating(users, head):
    rating = RagRating.objects.get(external_id="R1")
    reason = rating.reasons.get(code="LAC-R-01")
    rag_reason_retire(reason=reason, by=head)
    assert rating.reasons.filter(code="LAC-R-01", in_catalogue=False).exists()
    with pytest.raises(ValidationError, match="already retired"):
        rag_reason_retire(reason=reason, by=head)


def test_rewording_changes_only_the_text(users, head):
    reason = RagReason.objects.get(code="LAC-G-01")
    before = (reason.code, reason.meeting_type, reason.rating)
    rag_reason_update(reason=reason, text="New wording", by=head)
    reason.refresh_from_db()
    assert (reason.code, reason.meeting_type, reason.rating, reason.text) == (
        *before,
        "New wording",
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"meeting_type": "xx", "rating": "red", "text": "t"}, "Unknown meeting type"),
        ({"meeting_type": "lac", "rating": "blue", "text": "t"}, "Unknown rating"),
        ({"meeting_type": "lac", "rating": "red", "text": "   "}, "Enter the reason"),
        ({"meeting_type": "lac", "rating": "red", "text": "x" * 501}, "500 characters"),
    ],
)
def test_wrong_values_are_refused(users, head, kwargs, message):
    count = RagReason.objects.count()
    with pytest.raises(ValidationError, match=message):
        rag_reason_add(**kwargs, by=head)
    assert RagReason.objects.count() == count


def test_the_same_wording_twice_is_refused(users, head):
    rag_reason_add(meeting_type="lac", rating="red", text="Placement at risk of breakdown", by=head)
    with pytest.raises(ValidationError, match="already has this reason"):
        rag_reason_add(meeting_type="lac", rating="red", text="placement  AT risk of breakdown",
                       by=head)  # fmt: skip
    other = rag_reason_add(meeting_type="lac", rating="red", text="Something else", by=head)
    with pytest.raises(ValidationError, match="already has this reason"):
        rag_reason_update(reason=other, text="Placement at risk of breakdown", by=head)
    # Another rating or meeting type may say the same; so may a retired reason.
    rag_reason_add(meeting_type="cp", rating="red", text="Placement at risk of breakdown", by=head)


def test_the_database_refuses_the_same_wording_in_the_catalogue(users, head):
    from django.db import IntegrityError, transaction

    rag_reason_add(meeting_type="cp", rating="amber", text="Core group not held", by=head)
    with pytest.raises(IntegrityError), transaction.atomic():
        RagReason.objects.create(code="X-1", meeting_type="cp", rating="amber",
                                 text="CORE GROUP NOT HELD", in_catalogue=True)  # fmt: skip
