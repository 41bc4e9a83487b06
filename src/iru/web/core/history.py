"""A record's history of corrections, for its page: who changed what, when, why, from and to.

The records that can be corrected keep a history table (django-simple-history, ADR 16): each
save writes the record as it then was, with the user and the reason. This turns that table
into the lines a page shows, oldest first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

from iru.web.core.presenters import long_date

Shown = Callable[[Any], str]
Read = Callable[[Any], Any]
FIRST_VERSION = "As first recorded"


def saved_by(record: Any, user: Any, reason: str | None = None) -> None:
    """Save `record`, its history noting who saved it and why (django-simple-history reads
    these two attributes as it writes the version)."""
    record._history_user, record._change_reason = user, reason
    record.save()


@contextmanager
def history_paused(record: Any) -> Iterator[None]:
    """Writes inside keep no version of `record` (its many-to-many fields, set before the
    save that keeps them with the rest as one version)."""
    record.skip_history_when_saving = True
    try:
        yield
    finally:
        del record.skip_history_when_saving


def correction_reason(record: Any, reason: str, *, may: bool, who: str, what: str) -> str:
    """The reason given for correcting or cancelling `record` (a `what`: "note", "meeting"),
    once the user may change it (`may`; else only `who` may) and it is not cancelled; the
    record's first version is kept before it changes."""
    if not may:
        raise PermissionDenied(f"Only {who} may change it")
    if getattr(record, "cancelled_on", None) is not None:
        raise ValidationError({"__all__": f"This {what} has been cancelled"})
    if not reason.strip():
        raise ValidationError({"reason": f"Enter why you are changing the {what}"})
    first_version_keep(record)
    return reason.strip()


def first_version_keep(record: Any) -> None:
    """Keep a record written before its history was (an import, an older release) as it is
    now, so that its first correction shows what it was corrected from."""
    if not record.history.exists():
        saved_by(record, None, FIRST_VERSION)


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
    kind: str  # "recorded", "corrected", "cancelled"; a row of a record "added", "removed"
    fields: list[FieldChange] = field(default_factory=list)


def record_history(
    record: Any,
    labels: Mapping[str, str],
    *,
    shown: Mapping[str, Shown] | None = None,
    values: Mapping[str, Read] | None = None,
) -> list[Change]:
    """Every save of `record` with the fields of `labels` (name -> label) it changed, shown
    as text (`shown` may say how a field is shown: a date, a code in words; `values` how a
    version's field is read, for a many-to-many field)."""
    shown = shown or {}
    values = values or {}
    versions = list(
        record.history.select_related("history_user__staff").order_by("history_date", "pk")
    )
    lines: list[Change] = []
    for before, after in zip([None, *versions], versions, strict=False):
        changed = _changed(before, after, labels, shown, values)
        if before is not None and not changed:
            continue
        lines.append(_line(after, _kind(before, after), changed))
    return lines


def rows_history(
    versions: Any, labels: Mapping[str, str], *, name: Shown, shown: Mapping[str, Shown]
) -> list[Change]:
    """The history of rows that come and go with a record (a reply's actions), from all their
    versions (`versions`, a history queryset): each row added, corrected or removed, with
    its fields labelled by the row's `name` ("Action 2")."""
    by_row: dict[int, list[Any]] = defaultdict(list)
    for version in versions.select_related("history_user__staff").order_by("history_date", "pk"):
        by_row[version.id].append(version)
    lines: list[Change] = []
    for row in by_row.values():
        for before, after in zip([None, *row], row, strict=False):
            row_labels = {key: f"{name(after)} {label}".strip() for key, label in labels.items()}
            if before is None or after.history_type == "-":
                kind = "added" if before is None else "removed"
                fields = [
                    _whole(after, key, label, shown, added=before is None)
                    for key, label in row_labels.items()
                ]
            else:
                kind, fields = "corrected", _changed(before, after, row_labels, shown, {})
            if fields:
                lines.append(_line(after, kind, fields))
    return sorted(lines, key=lambda line: line.at)


def _whole(
    version: Any, key: str, label: str, shown: Mapping[str, Shown], *, added: bool
) -> FieldChange:
    value = shown.get(key, _text)(getattr(version, key))
    return FieldChange(label, "(none)", value) if added else FieldChange(label, value, "(none)")


def _line(version: Any, kind: str, fields: list[FieldChange]) -> Change:
    return Change(
        at=version.history_date,
        by=_who(version),
        reason=version.history_change_reason or "",
        kind=kind,
        fields=fields,
    )


def _changed(
    before: Any,
    after: Any,
    labels: Mapping[str, str],
    shown: Mapping[str, Shown],
    values: Mapping[str, Read],
) -> list[FieldChange]:
    if before is None:
        return []
    changes = []
    for name, label in labels.items():
        read = values.get(name, lambda version, name=name: getattr(version, name))
        old, new = read(before), read(after)
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
    if getattr(after, "responded", None) and not getattr(before, "responded", None):
        return "answered"
    return "corrected"
