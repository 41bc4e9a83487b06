"""The chair's oversight notes between meetings."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from iru.web.caseloads.models import Allocation
from iru.web.caseloads.scope import OutOfScope
from iru.web.oversight.models import OversightNote
from iru.web.oversight.selectors import note_history
from iru.web.oversight.services import (
    oversight_note_add,
    oversight_note_cancel,
    oversight_note_correct,
)
from iru.web.people.models import Staff, User
from tests.web.conftest import TODAY, d

pytestmark = pytest.mark.django_db


HELD = d("2024-05-30")


def test_an_oversight_note(chair, a1, b2):
    oversight_note_add(user=chair, child=a1, day=TODAY, text=" Saw Alfie ", today=TODAY)
    assert OversightNote.objects.get(child=a1, date=TODAY).text == "Saw Alfie"
    with pytest.raises(OutOfScope):
        oversight_note_add(user=chair, child=b2, day=TODAY, text="x", today=TODAY)


def make_user(username, role, staff_id=None):
    staff = Staff.objects.get(external_id=staff_id) if staff_id else None
    return User.objects.create_user(username=username, password="pw", role=role, staff=staff)


def test_a_correction_keeps_what_the_note_said_who_changed_it_and_why(chair, a1):
    note = oversight_note_add(user=chair, child=a1, day=TODAY, text="Saw Alfie", today=TODAY)
    oversight_note_correct(user=chair, note=note, day=d("2024-05-31"), text="Saw Alfie at school",
                           reason="Wrong day typed", today=TODAY)  # fmt: skip
    note.refresh_from_db()
    assert (note.date, note.text) == (d("2024-05-31"), "Saw Alfie at school")
    recorded, corrected = note_history(note)
    assert (recorded.kind, recorded.by) == ("recorded", "Iris Reed")
    assert (corrected.kind, corrected.by, corrected.reason) == ("corrected", "Iris Reed",
                                                                  "Wrong day typed")  # fmt: skip
    assert [(f.label, f.before, f.after) for f in corrected.fields] == [
        ("Date", "3 June 2024", "31 May 2024"),
        ("Note", "Saw Alfie", "Saw Alfie at school"),
    ]


def test_only_the_author_or_the_head_of_service_changes_a_note(chair, a1):
    note = oversight_note_add(user=chair, child=a1, day=TODAY, text="Saw Alfie", today=TODAY)
    colin = make_user("colin2", User.Role.CHAIR, "S2")
    Allocation.objects.create(child=a1, kind="cp", chair=colin.staff, start=d("2024-01-01"))
    with pytest.raises(PermissionDenied):
        oversight_note_cancel(user=colin, note=note, reason="Not mine", today=TODAY)
    head = make_user("head2", User.Role.HEAD_OF_SERVICE, "S7")
    oversight_note_cancel(user=head, note=note, reason="Written about the wrong child", today=TODAY)
    note.refresh_from_db()
    assert note.cancelled_on == TODAY
    assert OversightNote.objects.filter(pk=note.pk).exists()  # kept, marked cancelled
    assert note_history(note)[-1].kind == "cancelled"
    with pytest.raises(ValidationError, match="has been cancelled"):
        oversight_note_correct(user=head, note=note, day=TODAY, text="x", reason="y", today=TODAY)


def test_a_correction_needs_a_reason_and_a_change(chair, a1):
    note = oversight_note_add(user=chair, child=a1, day=TODAY, text="Saw Alfie", today=TODAY)
    with pytest.raises(ValidationError, match="why you are changing"):
        oversight_note_correct(user=chair, note=note, day=TODAY, text="x", reason=" ", today=TODAY)
    with pytest.raises(ValidationError, match="Nothing has changed"):
        oversight_note_correct(user=chair, note=note, day=TODAY, text="Saw Alfie", reason="r",
                               today=TODAY)  # fmt: skip


def test_an_imported_note_keeps_its_first_version(chair, a1):
    note = OversightNote.objects.get(external_id="N1")  # from the unit's files: no history yet
    oversight_note_correct(user=chair, note=note, day=note.date, text="Spoke to the carer",
                           reason="Spelling", today=TODAY)  # fmt: skip
    first, corrected = note_history(note)
    assert (first.by, first.kind) == ("Imported", "recorded")
    assert corrected.fields[0].before == "Spoke to carer"
