"""Template filters of the UI kit."""

from __future__ import annotations

import datetime

from django import template

from iru.web.core.presenters import rag_tag_class as _rag_tag_class
from iru.web.core.presenters import status_tag_class as _status_tag_class
from iru.web.core.presenters import time_of_day as _time_of_day

register = template.Library()


@register.filter
def rag_tag_class(rating: str | None) -> str:
    """`{{ rating.rating|rag_tag_class }}`: the GOV.UK tag class for a RAG rating."""
    return _rag_tag_class(rating)


@register.filter
def status_tag_class(status: str) -> str:
    """`{{ "overdue"|status_tag_class }}`: the GOV.UK tag class for a named status."""
    return _status_tag_class(status)


@register.filter
def time_of_day(start: datetime.time | None) -> str:
    """`{{ convening.time|time_of_day }}`: 9:30am, 2pm, midday."""
    return _time_of_day(start)


@register.filter
def duration_words(length: datetime.timedelta | None) -> str:
    """A length of time in words, to the minute: "15 minutes", "1 hour 30 minutes"."""
    if length is None:
        return "a while"
    minutes = max(1, round(length.total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)
