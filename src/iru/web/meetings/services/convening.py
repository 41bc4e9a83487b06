"""Arranging a meeting (admin only): convening it, and recording its consultation booklets.

The dates a meeting may have: from today to `CONVENE_WITHIN_MONTHS` ahead, on a working day
unless the user confirms otherwise; booklets sent and returned by today, in that order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from iru.rules.calendar import why_not_working
from iru.rules.months import add_months
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import require_in_scope
from iru.web.children.models import Child
from iru.web.children.presenters import child_name
from iru.web.children.selectors import why_no_meeting
from iru.web.core.presenters import long_date
from iru.web.meetings.models import ConvenedChild, Convening, Invitee, Meeting
from iru.web.people.models import CHAIR_STAFF_ROLES, Staff, User

# A meeting is arranged weeks ahead; one more than a year ahead is a mistyped year.
CONVENE_WITHIN_MONTHS = 12


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
    _children_check(children, kind=kind, day=date, today=today)
    _working_day_check(date, confirmed=on_a_non_working_day)
    booklet_dates_check(sent=booklets_sent, returned=booklets_returned, today=today)
    with transaction.atomic():
        convening = Convening.objects.create(
            kind=kind,
            date=date,
            chair=chair,
            booklets_sent=booklets_sent,
            booklets_returned=booklets_returned,
            convened_by=user,
        )
        convening.children.set(children, through_defaults={"kind": kind, "date": date})
        names = [n.strip() for n in invitees if n.strip()]
        Invitee.objects.bulk_create(
            Invitee(convening=convening, position=i, name=name)
            for i, name in enumerate(names, start=1)
        )
        for child in children:
            _log(user, "convene_meeting", child)
    return convening


def _children_check(children: Sequence[Child], *, kind: str, day: date, today: date) -> None:
    """Each child's records allow the meeting (today: the records hold nothing later), and no
    child already has a meeting of this kind convened that day."""
    for child in children:
        reason = why_no_meeting(child, kind, on=today)
        if reason:
            raise ValidationError({"kind": f"{child_name(child)} {reason}"})
    taken = ConvenedChild.objects.filter(child__in=children, kind=kind, date=day)
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
        errors["chair"] = "Select a chair (an IRO or a conference chair)"
    if errors:
        raise ValidationError(errors)


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
    with transaction.atomic():
        convening.booklets_sent, convening.booklets_returned = sent, returned
        convening.save(update_fields=["booklets_sent", "booklets_returned"])
        for child in convening.children.all():
            _log(user, "record_booklets", child)
    return convening


def _check_admin(user: User) -> None:
    if not getattr(user, "is_authenticated", False) or user.role != User.Role.ADMIN:
        raise PermissionDenied("only admin convene meetings")


def _log(user: User, action: str, child: Child) -> None:
    access_event_record(user=user, action=action, outcome=ALLOWED, child=child)
