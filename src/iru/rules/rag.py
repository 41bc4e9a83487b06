"""The catalogue of reasons a chair gives for a RAG rating of a LAC review or CP conference.

The RAG rating is the unit's local dispute resolution process (seed report, "Dispute Resolution
Process": after each review or conference the chair rates the case red, amber or green and the
team manager responds; IRO Handbook chapter 6). The reasons are data in `rag_reasons.json`, so
the unit can edit them without touching code; `source` says where each came from: "seed" (the
2015-16 annual chairperson report) or "iru" (written by the project for the unit to review).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

MEETING_TYPES = ("lac", "cp")
RATINGS = ("red", "amber", "green")
SOURCES = ("seed", "iru")
_CATALOGUE_FILE = "rag_reasons.json"


@dataclass(frozen=True)
class RagReason:
    """One reason for a RAG rating: a stable `code` such as "LAC-R-01", never reused."""

    code: str
    meeting_type: str
    rating: str
    text: str
    source: str


def reason_from_record(record: dict[str, Any]) -> RagReason:
    """Build a reason from one JSON record, checking its meeting type, rating and source."""
    reason = RagReason(
        code=str(record["code"]),
        meeting_type=str(record["meeting_type"]),
        rating=str(record["rating"]),
        text=str(record["text"]),
        source=str(record["source"]),
    )
    for value, allowed in (
        (reason.meeting_type, MEETING_TYPES),
        (reason.rating, RATINGS),
        (reason.source, SOURCES),
    ):
        if value not in allowed:
            raise ValueError(f"RAG reason {reason.code}: {value!r} is not one of {allowed}")
    return reason


def catalogue_from_json(text: str) -> tuple[RagReason, ...]:
    """Parse a catalogue document (`{"reasons": [...]}`); codes must be unique."""
    reasons = tuple(reason_from_record(record) for record in json.loads(text)["reasons"])
    codes = [reason.code for reason in reasons]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise ValueError(f"duplicate RAG reason codes: {', '.join(duplicates)}")
    return reasons


@functools.cache
def default_catalogue() -> tuple[RagReason, ...]:
    """Return every reason in `rag_reasons.json`, in the file's order."""
    text = resources.files(__package__).joinpath(_CATALOGUE_FILE).read_text(encoding="utf-8")
    return catalogue_from_json(text)


ASK_FOR_DETAIL = "(state)"  # "Other (state)": the chair says what the reason is


def asks_for_detail(text: str) -> bool:
    """Whether a reason's wording asks the chair to state it (the catalogue's "Other (state)"):
    a rating giving it needs the chair's comment, or the team manager cannot act on it."""
    return ASK_FOR_DETAIL in text.lower()


def same_wording(first: str, second: str) -> bool:
    """Two reasons say the same thing: equal once case and spacing are set aside."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def reasons_for(meeting_type: str, rating: str) -> tuple[RagReason, ...]:
    """Return the reasons a chair can give for `rating` at a meeting of `meeting_type`.

    `meeting_type` is "lac" (statutory LAC review) or "cp" (child protection conference);
    `rating` is "red", "amber" or "green". Anything else is a ValueError.
    """
    if meeting_type not in MEETING_TYPES:
        raise ValueError(f"unknown meeting type {meeting_type!r}; expected one of {MEETING_TYPES}")
    if rating not in RATINGS:
        raise ValueError(f"unknown RAG rating {rating!r}; expected one of {RATINGS}")
    return tuple(
        reason
        for reason in default_catalogue()
        if reason.meeting_type == meeting_type and reason.rating == rating
    )
