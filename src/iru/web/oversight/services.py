"""Writes of oversight notes: the chair's, their corrections and cancellations, and the notes
in the unit's files.

A note is corrected or cancelled by the chair who wrote it, or by the Head of Service, with a
reason; every version is kept (`OversightNote.history`, ADR 16). Nothing is deleted.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from iru.rules.months import add_months
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import require_in_scope
from iru.web.children.models import Child
from iru.web.core.history import correction_reason, saved_by
from iru.web.core.upsert import TableCount, upsert_by_external_id
from iru.web.oversight.models import OversightNote
from iru.web.people.access import chair_staff
from iru.web.people.models import User

# Notes are written soon after the oversight they record; an older date is a mistyped year.
NOTE_WITHIN_MONTHS = 12


def _check(child: Child, day: date, text: str, today: date, *, kept: date | None = None) -> None:
    """A note's date and words; a correction that keeps the date (`kept`) may keep an old one."""
    day_ok = day == kept
    if not day_ok and day > today:
        raise ValidationError({"day": "Date of the oversight must be today or in the past"})
    if not day_ok and day < add_months(today, -NOTE_WITHIN_MONTHS):
        raise ValidationError(
            {"day": f"Date of the oversight must be within the last {NOTE_WITHIN_MONTHS} months"}
        )
    if child.dob is not None and day < child.dob:
        raise ValidationError(
            {"day": "Date of the oversight must be on or after the child's birth"}
        )
    if not text.strip():
        raise ValidationError({"text": "Enter the note"})


def oversight_note_add(
    *, user: User, child: Child, day: date, text: str, today: date
) -> OversightNote:
    """Record the chair's oversight of a child's case between meetings."""
    require_in_scope(user, [child], today=today)
    author = chair_staff(user)
    _check(child, day, text, today)
    note = OversightNote(child=child, author=author, date=day, text=text.strip())
    saved_by(note, user)
    access_event_record(user=user, action="oversight_note_add", outcome=ALLOWED, child=child)
    return note


def may_correct(user: User, note: OversightNote) -> bool:
    """The chair who wrote the note, or the Head of Service, may correct or cancel it."""
    if user.role == User.Role.HEAD_OF_SERVICE:
        return True
    return (
        user.role == User.Role.CHAIR
        and note.author_id is not None
        and (note.author_id == user.staff_id)
    )


def _correctable(user: User, note: OversightNote, reason: str, today: date) -> str:
    require_in_scope(user, [note.child], today=today)
    return correction_reason(note, reason, may=may_correct(user, note), what="note",
                             who="the note's author or the Head of Service")  # fmt: skip


@transaction.atomic
def oversight_note_correct(
    *, user: User, note: OversightNote, day: date, text: str, reason: str, today: date
) -> OversightNote:
    """Correct a note's date or words, keeping what it said before and why it changed."""
    why = _correctable(user, note, reason, today)
    _check(note.child, day, text, today, kept=note.date)
    if (day, text.strip()) == (note.date, note.text):
        raise ValidationError({"text": "Nothing has changed: change the date or the note"})
    note.date, note.text = day, text.strip()
    saved_by(note, user, why)
    access_event_record(
        user=user, action="oversight_note_correct", outcome=ALLOWED, child=note.child
    )
    return note


@transaction.atomic
def oversight_note_cancel(
    *, user: User, note: OversightNote, reason: str, today: date
) -> OversightNote:
    """Cancel a note written in error: it stays, marked cancelled, with the reason."""
    why = _correctable(user, note, reason, today)
    note.cancelled_on, note.cancel_reason = today, why
    saved_by(note, user, why)
    access_event_record(
        user=user, action="oversight_note_cancel", outcome=ALLOWED, child=note.child
    )
    return note


def oversight_notes_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert notes from the unit's files by `external_id` (child and author resolved)."""
    return upsert_by_external_id(OversightNote, rows)
