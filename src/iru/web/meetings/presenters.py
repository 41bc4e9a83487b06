"""How a meeting is shown: who attended, in words."""

from __future__ import annotations

from collections.abc import Iterable

# The roles the chair ticks as present (`Meeting.attendees` holds the codes).
ATTENDEES = (
    ("child", "Child or young person"),
    ("parent", "Parent"),
    ("carer", "Carer"),
    ("social_worker", "Social worker"),
    ("advocate", "Advocate"),
    ("health", "Health"),
    ("education", "Education"),
    ("police", "Police"),
    ("other", "Other agency"),
)
_LABELS = dict(ATTENDEES)


def attendee_labels(codes: Iterable[str]) -> str:
    """ "Child or young person, Carer" for ["child", "carer"]; an unknown code as it is."""
    return ", ".join(_LABELS.get(code, code) for code in codes)
