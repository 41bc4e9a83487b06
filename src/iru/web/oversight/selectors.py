"""Reads of oversight notes: a child's, one for a user (scoped and logged), and its history."""

from __future__ import annotations

from datetime import date

from django.http import Http404

from iru.web.audit.services import ALLOWED, DENIED, access_event_record
from iru.web.caseloads.scope import children_visible_to
from iru.web.children.models import Child
from iru.web.core.history import Change, record_history
from iru.web.oversight.models import OversightNote
from iru.web.people.models import User

LABELS = {"date": "Date", "text": "Note", "cancelled_on": "Cancelled on"}


def notes_of(child: Child) -> list[OversightNote]:
    """The child's oversight notes, newest first (cancelled ones too, marked so)."""
    notes = OversightNote.objects.filter(child=child).select_related("author")
    return list(notes.order_by("-date", "-pk"))


def note_for_user(
    user: User, pk: int, *, today: date, action: str, path: str = ""
) -> OversightNote:
    """The note `pk` if it is about a child `user` may see; the read is logged."""
    visible = children_visible_to(user, today=today)
    note = (
        OversightNote.objects.select_related("child", "author")
        .filter(pk=pk, child__in=visible)
        .first()
    )
    outcome = DENIED if note is None else ALLOWED
    child = None if note is None else note.child
    access_event_record(user=user, action=action, outcome=outcome, child=child, path=path)
    if note is None:
        raise Http404("No such note")
    return note


def note_history(note: OversightNote) -> list[Change]:
    return record_history(note, LABELS)
