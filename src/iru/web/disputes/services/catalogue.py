"""The unit edits its RAG reason catalogue: add a reason, reword it, retire it.

Nothing is ever deleted: ratings refer to reasons, and codes are never reused. A retired reason
leaves the catalogue (`in_catalogue=False`), so chairs can no longer choose it, while ratings
that gave it still show it.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from iru.rules.rag import MEETING_TYPES, RATINGS, same_wording
from iru.web.disputes.models import RagReason
from iru.web.people.models import User

UNIT_SOURCE = "unit"  # added by the unit in the system (the seed's are "seed", ours "iru")
MAX_TEXT = 500


@transaction.atomic
def rag_reason_add(*, meeting_type: str, rating: str, text: str, by: User) -> RagReason:
    """Add a reason to the catalogue with the next free code, e.g. "LAC-R-13"."""
    if meeting_type not in MEETING_TYPES:
        raise ValidationError(f"Unknown meeting type {meeting_type!r}")
    if rating not in RATINGS:
        raise ValidationError(f"Unknown rating {rating!r}")
    text = _clean_text(text)
    _refuse_same_wording(meeting_type=meeting_type, rating=rating, text=text)
    reason = RagReason(
        code=_next_code(meeting_type, rating),
        meeting_type=meeting_type,
        rating=rating,
        text=text,
        source=UNIT_SOURCE,
        in_catalogue=True,
    )
    reason.full_clean()
    reason.save()
    return reason


def rag_reason_update(*, reason: RagReason, text: str, by: User) -> RagReason:
    """Reword a reason. Its code, meeting type and rating never change."""
    text = _clean_text(text)
    _refuse_same_wording(
        meeting_type=reason.meeting_type, rating=reason.rating, text=text, other_than=reason
    )
    reason.text = text
    reason.save(update_fields=["text"])
    return reason


def rag_reason_retire(*, reason: RagReason, by: User) -> RagReason:
    """Take a reason out of the catalogue, keeping it for the ratings that gave it."""
    if not reason.in_catalogue:
        raise ValidationError("That reason is already retired")
    reason.in_catalogue = False
    reason.save(update_fields=["in_catalogue"])
    return reason


def _refuse_same_wording(
    *, meeting_type: str, rating: str, text: str, other_than: RagReason | None = None
) -> None:
    """Refuse a wording the catalogue already has for this meeting type and rating."""
    listed = RagReason.objects.filter(meeting_type=meeting_type, rating=rating, in_catalogue=True)
    if other_than is not None:
        listed = listed.exclude(pk=other_than.pk)
    for reason in listed:
        if same_wording(reason.text, text):
            raise ValidationError(
                {"text": f"The catalogue already has this reason ({reason.code})"}
            )


def _clean_text(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ValidationError("Enter the reason")
    if len(text) > MAX_TEXT:
        raise ValidationError(f"The reason must be {MAX_TEXT} characters or fewer")
    return text


def _next_code(meeting_type: str, rating: str) -> str:
    """One more than the highest number used with this prefix, retired reasons included."""
    prefix = f"{meeting_type.upper()}-{rating[0].upper()}-"
    codes = RagReason.objects.select_for_update().filter(code__startswith=prefix)
    numbers = [
        int(match.group(1))
        for code in codes.values_list("code", flat=True)
        if (match := re.fullmatch(re.escape(prefix) + r"(\d+)", code))
    ]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"
