"""Writes of oversight notes: the chair's, and those in the unit's files."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from iru.rules.months import add_months
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import require_in_scope
from iru.web.children.models import Child
from iru.web.core.upsert import TableCount, upsert_by_external_id
from iru.web.oversight.models import OversightNote
from iru.web.people.access import chair_staff
from iru.web.people.models import User

# Notes are written soon after the oversight they record; an older date is a mistyped year.
NOTE_WITHIN_MONTHS = 12


def oversight_note_add(
    *, user: User, child: Child, day: date, text: str, today: date
) -> OversightNote:
    """Record the chair's oversight of a child's case between meetings."""
    require_in_scope(user, [child], today=today)
    author = chair_staff(user)
    if day > today:
        raise ValidationError({"day": "Date of the oversight must be today or in the past"})
    if day < add_months(today, -NOTE_WITHIN_MONTHS):
        raise ValidationError(
            {"day": f"Date of the oversight must be within the last {NOTE_WITHIN_MONTHS} months"}
        )
    if child.dob is not None and day < child.dob:
        raise ValidationError(
            {"day": "Date of the oversight must be on or after the child's birth"}
        )
    if not text.strip():
        raise ValidationError({"text": "Enter the note"})
    note = OversightNote.objects.create(child=child, author=author, date=day, text=text.strip())
    access_event_record(user=user, action="oversight_note_add", outcome=ALLOWED, child=child)
    return note


def oversight_notes_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert notes from the unit's files by `external_id` (child and author resolved)."""
    return upsert_by_external_id(OversightNote, rows)
