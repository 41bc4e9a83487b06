"""The chair's oversight notes between meetings."""

from __future__ import annotations

import pytest

from iru.web.caseloads.scope import OutOfScope
from iru.web.oversight.models import OversightNote
from iru.web.oversight.services import oversight_note_add
from tests.web.conftest import TODAY, d

pytestmark = pytest.mark.django_db


HELD = d("2024-05-30")


def test_an_oversight_note(chair, a1, b2):
    oversight_note_add(user=chair, child=a1, day=TODAY, text=" Saw Alfie ", today=TODAY)
    assert OversightNote.objects.get(child=a1, date=TODAY).text == "Saw Alfie"
    with pytest.raises(OutOfScope):
        oversight_note_add(user=chair, child=b2, day=TODAY, text="x", today=TODAY)
