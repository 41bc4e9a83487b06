"""How a meeting is shown: who attended, and each child's consultation booklet, in words."""

from __future__ import annotations

from collections.abc import Iterable

from iru.web.meetings.models import MeetingChild

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


# The chair's choices, the booklet that came back first: the one that evidences the child's
# views (the seed's priorities for 2016-17).
Booklet = MeetingChild.Booklet
BOOKLETS = [
    (booklet.value, str(booklet.label))
    for booklet in (Booklet.RETURNED, Booklet.SENT, Booklet.NOT_SENT)
]
BOOKLET_NOT_RECORDED = "Not recorded"


def booklet_label(code: str | None) -> str:
    """ "Sent, not returned" for "sent"; "Not recorded" for a meeting from the unit's files
    that did not say; an unknown code as it is."""
    if not code:
        return BOOKLET_NOT_RECORDED
    return str(dict(Booklet.choices).get(code, code))
