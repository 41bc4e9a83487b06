"""The Head of Service's narrative for a report's sections: each save keeps a version (who,
when) in the text's history, so nothing written is lost."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from iru.reports.narrative import BY_KIND, MAX_LENGTH, narrative_section
from iru.web.core.history import saved_by
from iru.web.people.models import User
from iru.web.reports.models import NarrativeText


@transaction.atomic
def narrative_save(
    *, user: User, kind: str, period: str, key: str, text: str, now: datetime
) -> NarrativeText:
    """Keep the words for one section of one report (a new version if they changed)."""
    if user.role != User.Role.HEAD_OF_SERVICE:
        raise PermissionDenied("Only the Head of Service writes the report's narrative")
    if kind not in BY_KIND:
        raise ValidationError({"kind": "No such report"})
    try:
        narrative_section(kind, key)
    except KeyError:
        raise ValidationError({"key": "No such section of the report"}) from None
    text = text.replace("\r\n", "\n").strip()
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            {"text": f"The section must be {MAX_LENGTH:,} characters or fewer "
                     f"(it has {len(text):,})"}
        )  # fmt: skip
    record = NarrativeText.objects.select_for_update().filter(
        kind=kind, period=period, key=key
    ).first() or NarrativeText(kind=kind, period=period, key=key, text="")
    if record.pk is not None and record.text == text:
        return record  # nothing changed: no new version
    record.text, record.updated_by, record.updated_at = text, user, now
    saved_by(record, user)
    return record
