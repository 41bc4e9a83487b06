"""Codes in words on the pages: `{% described "REVIEW_CODE" code day %}` gives "PN1: Child
physically attends and speaks for him or herself" (the DfE's wording of `day`'s collection
year), `{{ meeting.attendees|attendees }}` the roles present, `{{ meeting|outcome }}` a
conference's outcome in its kind's words, `{{ link.booklet|booklet }}` what became of a
child's consultation booklet."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django import template

from iru.web.children.presenters import describe
from iru.web.meetings.outcomes import outcome_label
from iru.web.meetings.presenters import attendee_labels, booklet_label

if TYPE_CHECKING:
    from iru.web.meetings.models import Meeting

register = template.Library()


@register.simple_tag
def described(list_name: str, code: str | None, day: date | None) -> str:
    if not code:
        return ""
    return describe(list_name, code, day) if day else code


@register.filter
def attendees(codes: Iterable[str] | None) -> str:
    return attendee_labels(codes or [])


@register.filter
def outcome(meeting: Meeting) -> str:
    return outcome_label(meeting.kind, meeting.outcome)


@register.filter
def booklet(code: str | None) -> str:
    return booklet_label(code)
