"""The chair's RAG rating of a case after a meeting, its corrections and cancellation, and the
reason catalogue it draws on (data, seeded from `iru.rules.rag`).

The chair who rated (or the Head of Service) may correct a rating or cancel it, with a reason;
every version is kept (ADR 16). Once the team manager has answered, the colour stays: the
answer was to that colour; the rating is cancelled and the case rated again instead.
"""

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
from iru.web.core.history import correction_reason, history_paused, saved_by
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
    if meeting.cancelled_on is not None:
        raise ValidationError({"rating": "The meeting has been cancelled"})
    standing = RagRating.objects.filter(meeting=meeting, child=child, cancelled_on=None)
    if standing.exists():
        raise ValidationError({"rating": "This case has already been rated after this meeting"})
    reasons = _reasons_for(meeting, rating, reason_codes)
    _comment_check(reasons, comment)
    kind = meeting_type(meeting.kind)
    rag = RagRating(
        meeting=meeting, child=child, rating=rating, comment=comment.strip(),
        team_manager=responsible_team_manager(child, kind=kind, today=today),
        sent=today, response_due=rag_response_due(today, rating), rated_by=chair_staff(user),
    )  # fmt: skip
    with history_paused(rag):
        rag.save()
        rag.reasons.set(reasons)
    saved_by(rag, user)  # the first version, with its reasons
    access_event_record(user=user, action="rag_rating_send", outcome=ALLOWED, child=child)
    return rag


def _comment_check(reasons: Sequence[RagReason], comment: str) -> None:
    if not comment.strip() and any(asks_for_detail(r.text) for r in reasons):
        raise ValidationError({"comment": NEEDS_DETAIL})


def may_change_rating(user: User, rating: RagRating) -> bool:
    """The chair who rated the case (for a rating from the unit's files, the meeting's chair),
    or the Head of Service, may correct or cancel a rating."""
    if user.role == User.Role.HEAD_OF_SERVICE:
        return True
    if user.role != User.Role.CHAIR or user.staff_id is None:
        return False
    rater = rating.rated_by_id
    if rater is None and rating.meeting is not None:
        rater = rating.meeting.chair_id
    return rater == user.staff_id


def _changeable(user: User, rating: RagRating, reason: str, today: date) -> str:
    require_in_scope(user, [rating.child], today=today)
    return correction_reason(rating, reason, may=may_change_rating(user, rating), what="rating",
                             who="the chair who rated the case or the Head of Service")  # fmt: skip


@transaction.atomic
def rag_rating_correct(
    *,
    user: User,
    rating: RagRating,
    colour: str,
    reason_codes: Sequence[str],
    comment: str,
    reason: str,
    today: date,
) -> RagRating:
    """Correct a rating's colour, reasons or comments, with why. A new colour before the team
    manager has answered moves the response's deadline to the new colour's, from the day the
    rating was sent (a green one needs none)."""
    why = _changeable(user, rating, reason, today)
    if rating.meeting is None:
        raise ValidationError({"__all__": "This rating has no meeting: cancel it instead"})
    reasons = _reasons_for(rating.meeting, colour, reason_codes)
    _comment_check(reasons, comment)
    before = (rating.rating, {r.pk for r in rating.reasons.all()}, rating.comment)
    if before == (colour, {r.pk for r in reasons}, comment.strip()):
        raise ValidationError(
            {"__all__": "Nothing has changed: change the rating, reasons or comments"}
        )
    if colour != rating.rating:
        if rating.responded is not None:
            raise ValidationError(
                {"rating": "The team manager has answered this rating, so its colour stays: "
                 "cancel it and rate the case again"}
            )  # fmt: skip
        sent = rating.sent or today
        rating.response_due = rag_response_due(sent, colour)
    rating.rating, rating.comment = colour, comment.strip()
    with history_paused(rating):
        rating.reasons.set(reasons)
    saved_by(rating, user, why)
    access_event_record(user=user, action="rag_rating_correct", outcome=ALLOWED, child=rating.child)
    return rating


@transaction.atomic
def rag_rating_cancel(*, user: User, rating: RagRating, reason: str, today: date) -> RagRating:
    """Cancel a rating given in error: it stays, marked cancelled with the reason, leaves the
    team manager's inbox, and the case may be rated again after the meeting."""
    why = _changeable(user, rating, reason, today)
    rating.cancelled_on, rating.cancel_reason = today, why
    saved_by(rating, user, why)
    access_event_record(user=user, action="rag_rating_cancel", outcome=ALLOWED, child=rating.child)
    return rating


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
