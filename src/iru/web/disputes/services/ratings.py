"""The chair's RAG rating of a case after a meeting, and the reason catalogue it draws on
(data, seeded from `iru.rules.rag`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from iru.rules.rag import RagReason as CatalogueReason
from iru.rules.rag import asks_for_detail, default_catalogue
from iru.rules.timescales import rag_response_due
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import require_in_scope
from iru.web.caseloads.selectors import responsible_team_manager
from iru.web.children.models import Child
from iru.web.disputes.models import RagRating, RagReason
from iru.web.meetings.models import Meeting
from iru.web.people.access import chair_staff
from iru.web.people.models import User

NEEDS_DETAIL = "Say in the comments what the other reason is"


def rag_reasons_sync(*, catalogue: Iterable[CatalogueReason] | None = None) -> int:
    """Add the catalogue's reasons that the database does not have yet (the default catalogue
    unless one is given); returns how many were added.

    Only adds: once a reason is in the database the unit owns it (the Head of Service edits its
    wording or retires it), so a later import must not undo those edits. Never deletes: ratings
    refer to reasons.
    """
    wanted = list(default_catalogue() if catalogue is None else catalogue)
    known = set(
        RagReason.objects.filter(code__in=[r.code for r in wanted]).values_list("code", flat=True)
    )
    to_create = [
        RagReason(code=r.code, meeting_type=r.meeting_type, rating=r.rating, text=r.text,
                  source=r.source, in_catalogue=True)
        for r in wanted
        if r.code not in known
    ]  # fmt: skip
    RagReason.objects.bulk_create(to_create)
    return len(to_create)


def rag_reasons_add_uncatalogued(*, codes: Iterable[str]) -> list[str]:
    """Record reason codes seen in a file but missing from the catalogue; returns the new ones."""
    codes = set(codes)
    known = set(RagReason.objects.filter(code__in=list(codes)).values_list("code", flat=True))
    new = sorted(codes - known)
    RagReason.objects.bulk_create([RagReason(code=c, text=c, in_catalogue=False) for c in new])
    return new


def meeting_type(kind: str) -> str:
    """The catalogue's meeting type ("lac" or "cp") of a meeting kind."""
    return "lac" if kind == Meeting.Kind.LAC_REVIEW else "cp"


@transaction.atomic
def rag_rating_send(
    *,
    user: User,
    meeting: Meeting,
    child: Child,
    rating: str,
    reason_codes: Sequence[str],
    comment: str,
    today: date,
) -> RagRating:
    """Rate a child's case after a meeting and send it to the responsible team manager.

    Reasons must come from the catalogue for the meeting's type and the rating; a red or
    amber rating needs at least one. The response is due by `rag_response_due`.
    """
    require_in_scope(user, [child], today=today)
    chair_staff(user)
    if not meeting.covered.filter(child=child).exists():
        raise ValidationError({"rating": "The meeting did not cover this child"})
    if RagRating.objects.filter(meeting=meeting, child=child).exists():
        raise ValidationError({"rating": "This case has already been rated after this meeting"})
    reasons = _reasons_for(meeting, rating, reason_codes)
    if not comment.strip() and any(asks_for_detail(r.text) for r in reasons):
        raise ValidationError({"comment": NEEDS_DETAIL})
    kind = meeting_type(meeting.kind)
    rag = RagRating.objects.create(
        meeting=meeting, child=child, rating=rating, comment=comment,
        team_manager=responsible_team_manager(child, kind=kind, today=today),
        sent=today, response_due=rag_response_due(today, rating),
    )  # fmt: skip
    rag.reasons.set(reasons)
    access_event_record(user=user, action="rag_rating_send", outcome=ALLOWED, child=child)
    return rag


def _reasons_for(meeting: Meeting, rating: str, codes: Sequence[str]) -> list[RagReason]:
    """The catalogued reasons `codes` name, for the meeting's type and `rating`; a red or amber
    rating needs at least one. Raises ValidationError keyed by the form's field."""
    if rating not in RagRating.Rating.values:
        raise ValidationError({"rating": "Select a rating"})
    reasons = list(
        RagReason.objects.filter(
            code__in=list(codes),
            meeting_type=meeting_type(meeting.kind),
            rating=rating,
            in_catalogue=True,
        )
    )
    if len(reasons) != len(set(codes)):
        raise ValidationError({f"reasons_{rating}": "Select reasons for the rating you chose"})
    if rating != RagRating.Rating.GREEN and not reasons:
        raise ValidationError({f"reasons_{rating}": "Select at least one reason for the rating"})
    return reasons
