"""The UI kit's tags: one colour for each RAG rating and each status, used on every page."""

from __future__ import annotations

from datetime import date, time

# GOV.UK Frontend tag classes. Amber is GOV.UK's orange tag (there is no amber one).
RAG_TAG_CLASSES = {
    "red": "govuk-tag--red",
    "amber": "govuk-tag--orange",
    "green": "govuk-tag--green",
}
RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green"}
NO_TAG = "govuk-tag--grey"

# A child's status today (children.presenters) and other fixed statuses.
STATUS_TAG_CLASSES = {
    "looked_after": "govuk-tag--blue",
    "on_plan": "govuk-tag--purple",
    "not_open": "govuk-tag--grey",
    "escalation": "govuk-tag--purple",
    "cafcass": "govuk-tag--purple",
    "overdue": "govuk-tag--red",
    "under_range": "govuk-tag--blue",
    "within_range": "govuk-tag--green",
    "over_range": "govuk-tag--red",
    "not_recorded": "govuk-tag--grey",
    "due_today": "govuk-tag--orange",
    "days_left": "govuk-tag--blue",
    "no_deadline": "govuk-tag--grey",
    "returned": "govuk-tag--green",
    "sent": "govuk-tag--blue",
    "not_sent": "govuk-tag--grey",
    "succeeded": "govuk-tag--green",
    "failed": "govuk-tag--red",
    "running": "govuk-tag--blue",
    "active": "govuk-tag--green",
    "deactivated": "govuk-tag--grey",
    "retired": "govuk-tag--grey",
    "cancelled": "govuk-tag--grey",
    "corrected": "govuk-tag--yellow",
}


def rag_tag_class(rating: str | None) -> str:
    """The tag class for a rating ("red", "amber", "green"); grey for anything else."""
    return RAG_TAG_CLASSES.get((rating or "").strip().lower(), NO_TAG)


def rag_tag(rating: str | None) -> tuple[str, str] | None:
    """(label, tag class) for a rating, or None when there is none."""
    key = (rating or "").strip().lower()
    if key not in RAG_TAG_CLASSES:
        return None
    return RAG_LABELS[key], RAG_TAG_CLASSES[key]


def status_tag_class(status: str) -> str:
    return STATUS_TAG_CLASSES.get(status, NO_TAG)


def long_date(day: date) -> str:
    """A date as GOV.UK writes it: 4 June 2023."""
    return f"{day.day} {day:%B %Y}"


def time_of_day(start: time | None) -> str:
    """A time as GOV.UK writes it: 9:30am, 2pm, midday; empty when there is none."""
    if start is None:
        return ""
    if (start.hour, start.minute) == (12, 0):
        return "midday"
    hour = start.hour % 12 or 12
    minutes = f":{start.minute:02d}" if start.minute else ""
    return f"{hour}{minutes}{'am' if start.hour < 12 else 'pm'}"
