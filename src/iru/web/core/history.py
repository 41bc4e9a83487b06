"""A record's history of corrections, for its page: who changed what, when, why, from and to.

The records that can be corrected keep a history table (django-simple-history, ADR 16): each
save writes the record as it then was, with the user and the reason. This turns that table
into the lines a page shows, oldest first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from iru.web.core.presenters import long_date

Shown = Callable[[Any], str]


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    """One save of the record: when, by whom, why, and each field it changed."""

    at: datetime
    by: str
    reason: str
    kind: str  # "recorded", "corrected", "cancelled"
    fields: list[FieldChange] = field(default_factory=list)


def record_history(
    record: Any, labels: Mapping[str, str], *, shown: Mapping[str, Shown] | None = None
) -> list[Change]:
    """Every save of `record` with the fields of `labels` (name -> label) it changed, shown
    as text (`shown` may say how a field is shown: a date, a code in words)."""
    shown = shown or {}
    versions = list(
        record.history.select_related("history_user__staff").order_by("history_date", "pk")
    )
    lines: list[Change] = []
    for before, after in zip([None, *versions], versions, strict=False):
        changed = _changed(before, after, labels, shown)
        if before is not None and not changed:
            continue
        lines.append(
            Change(
                at=after.history_date,
                by=_who(after),
                reason=after.history_change_reason or "",
                kind=_kind(before, after),
                fields=changed,
            )
        )
    return lines


def _changed(
    before: Any, after: Any, labels: Mapping[str, str], shown: Mapping[str, Shown]
) -> list[FieldChange]:
    if before is None:
        return []
    changes = []
    for name, label in labels.items():
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            show = shown.get(name, _text)
            changes.append(FieldChange(label, show(old), show(new)))
    return changes


def _text(value: Any) -> str:
    if value is None or value == "":
        return "(none)"
    return long_date(value) if isinstance(value, date) else str(value)


def _who(version: Any) -> str:
    user = version.history_user
    if user is None:
        return "Imported"
    staff = getattr(user, "staff", None)
    name = staff.full_name if staff else f"{user.first_name} {user.last_name}".strip()
    return str(name or user.get_username())


def _kind(before: Any, after: Any) -> str:
    if before is None:
        return "recorded"
    if getattr(after, "cancelled_on", None) and not getattr(before, "cancelled_on", None):
        return "cancelled"
    return "corrected"
