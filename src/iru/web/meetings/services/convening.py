"""Arranging a meeting (admin only): convening it, moving or cancelling it, and recording its
consultation booklets.

The dates a meeting may have: from today to `CONVENE_WITHIN_MONTHS` ahead, on a working day
unless the user confirms otherwise; it starts between `EARLIEST_START` and `LATEST_START`;
booklets sent and returned by today, in that order. The admin who convened a meeting, or the
Head of Service, may correct or cancel it with a reason; every version is kept (ADR 16).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from iru.rules.calendar import why_not_working
from iru.rules.months import add_months
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import require_in_scope
from iru.web.children.models import Child
from iru.web.children.presenters import child_name
from iru.web.children.selectors import why_no_meeting
from iru.web.core.history import correction_reason, first_version_keep, saved_by
from iru.web.core.presenters import long_date
from iru.web.meetings.models import ConvenedChild, Convening, Invitee, Meeting
from iru.web.people.models import CHAIR_STAFF_ROLES, Staff, User

# A meeting is arranged weeks ahead; one more than a year ahead is a mistyped year.
CONVENE_WITHIN_MONTHS = 12
# Families and professionals meet in the working day or an early evening; 3am is a typing slip.
EARLIEST_START, LATEST_START = time(7, 0), time(21, 0)
CHAIR_NEEDED = "Select a chair (an IRO or a conference chair)"


def booklet_dates_check(*, sent: date | None, returned: date | None, today: date) -> None:
    """Raise ValidationError (keyed by field) when the booklet dates cannot be right."""
    errors: dict[str, str] = {}
    if sent is not None and sent < add_months(today, -CONVENE_WITHIN_MONTHS):
        errors["booklets_sent"] = (
            f"The date booklets were sent must be within the last {CONVENE_WITHIN_MONTHS} months"
        )
    if sent is not None and sent > today:
        errors["booklets_sent"] = "The date booklets were sent must be today or in the past"
    if returned is not None:
        if returned > today:
            errors["booklets_returned"] = "The date booklets came back must be today or earlier"
        elif sent is None:
            errors["booklets_sent"] = "Enter the date booklets were sent, as they have come back"
        elif returned < sent:
            errors["booklets_returned"] = "Booklets cannot come back before they were sent"
    if errors:
        raise ValidationError(errors)


def meeting_convene(
    *,
    user: User,
    children: Sequence[Child],
    kind: str,
    date: date,
    chair: Staff | None,
    invitees: Sequence[str],
    time: time | None = None,
    venue: str = "",
    booklets_sent: date | None,
    booklets_returned: date | None,
    today: date,
    on_a_non_working_day: bool = False,
) -> Convening:
    """Arrange a meeting for `children` on `date`, with its invitees and booklet dates.

    Only admin may convene, and only for children they can see. Raises ValidationError for a
    meeting in the past, an unknown kind, a chair who is not a chair, or impossible dates.
    """
    _check_admin(user)
    if not children:
        raise PermissionDenied("no children to convene a meeting for")
    require_in_scope(user, children, today=today)
    _convening_check(kind=kind, day=date, chair=chair, today=today)
    _time_and_venue_check(time, venue)
    _children_check(children, kind=kind, day=date, today=today)
    _working_day_check(date, confirmed=on_a_non_working_day)
    booklet_dates_check(sent=booklets_sent, returned=booklets_returned, today=today)
    with transaction.atomic():
        convening = Convening(
            kind=kind,
            date=date,
            time=time,
            venue=venue.strip(),
            chair=chair,
            booklets_sent=booklets_sent,
            booklets_returned=booklets_returned,
            convened_by=user,
        )
        saved_by(convening, user)
        convening.children.set(children, through_defaults={"kind": kind, "date": date})
        _invitees_write(convening, invitees, user=user, why=None)
        for child in children:
            _log(user, "convene_meeting", child)
    return convening


def _invitees_write(
    convening: Convening, invitees: Sequence[str], *, user: User, why: str | None
) -> bool:
    """Write the invitees line by line over those the meeting has: a line changed is
    corrected, a new one added, one gone removed, each kept in the history. True if any."""
    names = [name.strip() for name in invitees if name.strip()]
    current = list(convening.invitees.order_by("position"))
    changed = False
    for position, name in enumerate(names, start=1):
        found = current[position - 1] if position <= len(current) else None
        if found is None:
            saved_by(Invitee(convening=convening, position=position, name=name), user, why)
        elif found.name != name:
            first_version_keep(found)
            found.name = name
            saved_by(found, user, why)
        else:
            continue
        changed = True
    for gone in current[len(names) :]:
        first_version_keep(gone)
        gone._history_user, gone._change_reason = user, why  # type: ignore[attr-defined]
        gone.delete()
        changed = True
    return changed


def _children_check(children: Sequence[Child], *, kind: str, day: date, today: date) -> None:
    """Each child's records allow the meeting (today: the records hold nothing later), and no
    child already has a meeting of this kind convened that day."""
    for child in children:
        reason = why_no_meeting(child, kind, on=today)
        if reason:
            raise ValidationError({"kind": f"{child_name(child)} {reason}"})
    _day_free_check(children, kind=kind, day=day)


def _day_free_check(
    children: Sequence[Child], *, kind: str, day: date, moving: Convening | None = None
) -> None:
    taken = ConvenedChild.objects.filter(child__in=children, kind=kind, date=day, cancelled=False)
    if moving is not None:
        taken = taken.exclude(convening=moving)
    clash = taken.select_related("child").first()
    if clash is not None:
        raise ValidationError(
            {"date": f"{child_name(clash.child)} already has this meeting convened that day"}
        )


def _working_day_check(day: date, *, confirmed: bool) -> None:
    """A meeting on a weekend or a bank holiday is possible (an emergency conference) but rare:
    it needs the user's confirmation."""
    reason = why_not_working(day)
    if reason and not confirmed:
        raise ValidationError(
            {
                "date": ValidationError(
                    f"{long_date(day)} is {reason}: choose a working day, or confirm it below",
                    code="non_working_day",
                )
            }
        )


def _convening_check(*, kind: str, day: date, chair: Staff | None, today: date) -> None:
    """Raise ValidationError (keyed by field) for an unknown kind, a meeting in the past or a
    chair who does not chair meetings."""
    errors: dict[str, str] = {}
    if kind not in Meeting.Kind.values:
        errors["kind"] = "Select the type of meeting"
    if day < today:
        errors["date"] = "The meeting date must be today or in the future"
    elif day > add_months(today, CONVENE_WITHIN_MONTHS):
        errors["date"] = f"The meeting date must be within the next {CONVENE_WITHIN_MONTHS} months"
    if chair is not None and chair.role not in CHAIR_STAFF_ROLES:
        errors["chair"] = CHAIR_NEEDED
    if errors:
        raise ValidationError(errors)


def _time_and_venue_check(start: time | None, venue: str) -> None:
    errors: dict[str, str] = {}
    if start is not None and not EARLIEST_START <= start <= LATEST_START:
        errors["time"] = "The meeting must start between 7am and 9pm"
    if len(venue.strip()) > 200:
        errors["venue"] = "The venue must be 200 characters or fewer"
    if errors:
        raise ValidationError(errors)


def may_change(user: User, convening: Convening) -> bool:
    """The admin who convened the meeting, or the Head of Service, may correct or cancel it."""
    if user.role == User.Role.HEAD_OF_SERVICE:
        return True
    return user.role == User.Role.ADMIN and convening.convened_by_id == user.pk


def _changeable(user: User, convening: Convening, reason: str, today: date) -> str:
    """The reason for a change, once the user may make it and the meeting may still change."""
    require_in_scope(user, list(convening.children.all()), today=today)
    if convening.cancelled_on is None and convening.date < today:
        raise ValidationError(
            {"__all__": "This meeting's date has passed: the chair records what happened"}
        )
    return correction_reason(convening, reason, may=may_change(user, convening), what="meeting",
                             who="the admin who convened it or the Head of Service")  # fmt: skip


@transaction.atomic
def convening_correct(
    *,
    user: User,
    convening: Convening,
    date: date,
    time: time | None,
    venue: str,
    chair: Staff | None,
    reason: str,
    today: date,
    invitees: Sequence[str] | None = None,
    on_a_non_working_day: bool = False,
) -> Convening:
    """Move a convened meeting, or correct its start time, venue, chair or invitees (None:
    unchanged), with a reason.

    A new date follows the rules of convening (today or later, a working day unless
    confirmed, no child with the same meeting that day); an unchanged one may stay."""
    why = _changeable(user, convening, reason, today)
    if date != convening.date:
        _convening_check(kind=convening.kind, day=date, chair=chair, today=today)
        children = list(convening.children.all())
        _day_free_check(children, kind=convening.kind, day=date, moving=convening)
        _working_day_check(date, confirmed=on_a_non_working_day)
    elif chair is not None and chair.role not in CHAIR_STAFF_ROLES:
        raise ValidationError({"chair": CHAIR_NEEDED})
    _time_and_venue_check(time, venue)
    new = (date, time, venue.strip(), chair.pk if chair else None)
    same = new == (convening.date, convening.time, convening.venue, convening.chair_id)
    invited = invitees is not None and _invitees_write(convening, invitees, user=user, why=why)
    if same and not invited:
        raise ValidationError(
            {"__all__": "Nothing has changed: change the date, time, venue, chair or invitees"}
        )
    if not same:
        convening.date, convening.time, convening.venue = date, time, venue.strip()
        convening.chair = chair
        saved_by(convening, user, why)
    convening.convened_children.update(date=date)
    for child in convening.children.all():
        _log(user, "correct_convening", child)
    return convening


@transaction.atomic
def convening_cancel(*, user: User, convening: Convening, reason: str, today: date) -> Convening:
    """Cancel a convened meeting: it stays, marked cancelled with the reason, and its day is
    free for the children again."""
    why = _changeable(user, convening, reason, today)
    convening.cancelled_on, convening.cancel_reason = today, why
    saved_by(convening, user, why)
    convening.convened_children.update(cancelled=True)
    for child in convening.children.all():
        _log(user, "cancel_convening", child)
    return convening


def convening_booklets_record(
    *,
    user: User,
    convening: Convening,
    sent: date | None,
    returned: date | None,
    today: date,
) -> Convening:
    """Record when the consultation booklets for a convened meeting went out and came back."""
    _check_admin(user)
    booklet_dates_check(sent=sent, returned=returned, today=today)
    if convening.cancelled_on is not None:
        raise ValidationError({"__all__": "This meeting has been cancelled"})
    with transaction.atomic():
        convening.booklets_sent, convening.booklets_returned = sent, returned
        saved_by(convening, user, "Booklet dates recorded")
        for child in convening.children.all():
            _log(user, "record_booklets", child)
    return convening


def _check_admin(user: User) -> None:
    if not getattr(user, "is_authenticated", False) or user.role != User.Role.ADMIN:
        raise PermissionDenied("only admin convene meetings")


def _log(user: User, action: str, child: Child) -> None:
    access_event_record(user=user, action=action, outcome=ALLOWED, child=child)
