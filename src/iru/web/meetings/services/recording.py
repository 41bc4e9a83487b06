"""Recording a meeting: the Meeting, its children, and the statutory record the figures read;
and correcting or cancelling it.

`meeting_record` writes everything in one transaction or nothing; what each child's record
gains comes from `children.services.records`, and is kept with the meeting (`MeetingChild.
records`). Saving those records marks the children's stored next meeting for recomputing
(`schedule.receivers`); the next due date then follows from `iru.rules.timescales`.

Each child covered has what became of their consultation booklet (returned, sent and not
returned, not sent); a conference has its outcome, checked against what it does to each
child's plan (`meetings.outcomes`, `services.checks`, ADR 27).

The chair who recorded a meeting (or the Head of Service) may correct its date, who attended,
the reports, how each child took part and the booklets, or cancel it, with a reason (ADR 16).
A new date or participation takes back what the meeting wrote and writes it again; a
cancellation takes it back. What a return has since brought in is not taken back: the
correction is refused.
Outcomes are not corrected: the conference is cancelled and recorded again, so the check of
what it does to a plan (ADR 17) is made again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import require_in_scope
from iru.web.children.models import Child
from iru.web.children.services import records
from iru.web.core.history import correction_reason, first_version_keep, saved_by
from iru.web.meetings import outcomes
from iru.web.meetings.models import Meeting, MeetingChild
from iru.web.meetings.services.checks import (
    booklets_corrected,
    check_booklets,
    check_date,
    check_record,
)
from iru.web.people.access import chair_staff
from iru.web.people.models import User


def _record_for(
    child: Child, kind: str, held: date, code: str, outcome: str, category: str
) -> records.Written:
    """The child's statutory record of the meeting; its errors keyed by the form's fields.

    A category goes to an initial conference only with an outcome that takes one; a review
    conference's is passed as recorded (one recorded before "Change of category" was an
    outcome changed the category with the plan continuing, and does so again)."""
    ends = outcomes.ends_plan(kind, outcome)
    try:
        if kind == Meeting.Kind.LAC_REVIEW:
            return records.lac_review_record(child=child, held=held, code=code)
        if kind == Meeting.Kind.ICPC:
            return records.initial_conference_record(
                child=child, held=held, makes_plan=outcome == Meeting.Outcome.PLAN,
                category=category if outcomes.takes_category(kind, outcome) else "",
                ends_plan=ends,
            )  # fmt: skip
        return records.review_conference_record(
            child=child, held=held, ends_plan=ends, category=category
        )
    except ValidationError as error:
        fields = {"participation": f"participation_{child.pk}", "child": "children"}
        raise ValidationError(
            {fields.get(key, key): texts for key, texts in error.message_dict.items()}
        ) from None


@transaction.atomic
def meeting_record(
    *,
    user: User,
    kind: str,
    held: date,
    children: Sequence[Child],
    participation: Mapping[int, str],
    booklets: Mapping[int, str],
    attendees: Sequence[str],
    reports_shared_3_days: bool | None,
    outcome: str = "",
    category: str = "",
    today: date,
) -> Meeting:
    """Record a meeting the signed-in chair held, and its statutory record, all or nothing.

    `participation` maps child id to its PN code (LAC reviews only), `booklets` each child's
    id to what became of its consultation booklet (`MeetingChild.Booklet`, every kind).
    Raises ValidationError (keyed by form field) for a wrong value, `OutOfScope` for a child
    outside the chair's caseload, PermissionDenied for someone who is not a chair.
    """
    chair = chair_staff(user)
    if not children:
        raise ValidationError({"children": "Select the children the meeting covered"})
    require_in_scope(user, children, today=today)
    check_record(kind, held, today, outcome, category, children)
    check_booklets(children, booklets)
    meeting = Meeting(
        kind=kind, date=held, chair=chair, attendees=list(attendees),
        reports_shared_3_days=reports_shared_3_days, outcome=outcome, category=category,
        recorded_by=user,
    )  # fmt: skip
    saved_by(meeting, user)
    for child in children:
        code = participation.get(child.pk, "") if kind == Meeting.Kind.LAC_REVIEW else ""
        written = _record_for(child, kind, held, code, outcome, category)
        link = MeetingChild(meeting=meeting, child=child, participation=code,
                            booklet=booklets[child.pk], records=written)  # fmt: skip
        saved_by(link, user)
        access_event_record(user=user, action="record_meeting", outcome=ALLOWED, child=child)
    return meeting


def may_change_meeting(user: User, meeting: Meeting) -> bool:
    """The chair who recorded the meeting (for one from the unit's files, its chair), or the
    Head of Service, may correct or cancel it."""
    if user.role == User.Role.HEAD_OF_SERVICE:
        return True
    if user.role != User.Role.CHAIR:
        return False
    if meeting.recorded_by_id is not None:
        return meeting.recorded_by_id == user.pk
    return meeting.chair_id is not None and meeting.chair_id == user.staff_id


def _changeable(user: User, meeting: Meeting, links: Sequence[MeetingChild], reason: str,
                today: date) -> str:  # fmt: skip
    require_in_scope(user, [link.child for link in links], today=today)
    who = "the chair who recorded it or the Head of Service"
    may = may_change_meeting(user, meeting)
    return correction_reason(meeting, reason, may=may, what="meeting", who=who)


@transaction.atomic
def meeting_correct(
    *,
    user: User,
    meeting: Meeting,
    held: date,
    attendees: Sequence[str],
    reports_shared_3_days: bool | None,
    participation: Mapping[int, str],
    booklets: Mapping[int, str],
    reason: str,
    today: date,
) -> Meeting:
    """Correct a meeting's date, who attended, the reports, how each child took part and what
    became of each child's consultation booklet.

    A new date or participation takes back what the meeting wrote into each child's record
    and writes it again (so every rule is checked again for the new date); all or nothing."""
    links = list(meeting.covered.select_related("child").order_by("pk"))
    why = _changeable(user, meeting, links, reason, today)
    codes = {
        link.pk: participation.get(link.child_id, link.participation)
        if meeting.kind == Meeting.Kind.LAC_REVIEW
        else ""
        for link in links
    }
    kept = booklets_corrected(links, booklets)
    rewrite = held != meeting.date or any(codes[link.pk] != link.participation for link in links)
    relinked = [link for link in links
                if rewrite or kept[link.pk] != link.booklet]  # fmt: skip
    same = (list(attendees), reports_shared_3_days) == (
        meeting.attendees, meeting.reports_shared_3_days)  # fmt: skip
    if not relinked and same:
        raise ValidationError({"__all__": "Nothing has changed: change the date, who attended, "
                               "the reports, how a child took part or a consultation "
                               "booklet"})  # fmt: skip
    _rewritable(meeting, links, held, today, rewrite=rewrite)
    meeting.date, meeting.attendees = held, list(attendees)
    meeting.reports_shared_3_days = reports_shared_3_days
    saved_by(meeting, user, why)
    for link in relinked:
        written = (_record_for(link.child, meeting.kind, held, codes[link.pk], meeting.outcome,
                               meeting.category) if rewrite else link.records)  # fmt: skip
        first_version_keep(link)
        link.participation, link.booklet, link.records = codes[link.pk], kept[link.pk], written
        saved_by(link, user, why)
    for link in links:
        access_event_record(user=user, action="correct_meeting", outcome=ALLOWED,
                            child=link.child)  # fmt: skip
    return meeting


def _rewritable(
    meeting: Meeting, links: Sequence[MeetingChild], held: date, today: date, *, rewrite: bool
) -> None:
    """Before a new date or participation is written again: refused for a meeting from the
    unit's files (the returns' word), checked for the new date; then what the meeting wrote
    is taken back from each child's record."""
    if not rewrite:
        return
    if any(not link.records for link in links):
        raise ValidationError(
            {"held": "This meeting came from the unit's files, so its date and participation "
             "are the returns': correct them there. Who attended, the reports and the "
             "consultation booklets can change."}
        )  # fmt: skip
    if held != meeting.date:
        check_date(held, today)
    for link in links:
        records.meeting_records_undo(child=link.child, written=link.records)


@transaction.atomic
def meeting_cancel(*, user: User, meeting: Meeting, reason: str, today: date) -> Meeting:
    """Cancel a meeting recorded in error: it stays, marked cancelled with the reason, and what
    it wrote into each child's record is taken back (their next meeting is due again)."""
    links = list(meeting.covered.select_related("child").order_by("pk"))
    why = _changeable(user, meeting, links, reason, today)
    for link in links:
        records.meeting_records_undo(child=link.child, written=link.records)
        access_event_record(user=user, action="cancel_meeting", outcome=ALLOWED,
                            child=link.child)  # fmt: skip
    meeting.cancelled_on, meeting.cancel_reason = today, why
    saved_by(meeting, user, why)
    return meeting
