"""Reads of oversight notes, for a child already fetched for the user."""

from __future__ import annotations

from iru.web.children.models import Child
from iru.web.oversight.models import OversightNote


def notes_of(child: Child) -> list[OversightNote]:
    """The child's oversight notes, newest first."""
    notes = OversightNote.objects.filter(child=child).select_related("author")
    return list(notes.order_by("-date", "-pk"))
