"""Bulk upsert by natural key: no per-row queries, and nothing written when nothing changed."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models

BATCH_SIZE = 1000
M = TypeVar("M", bound=models.Model)


@dataclass
class TableCount:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def as_json(self) -> dict[str, int]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged}


def chunked(values: Sequence[Any], size: int = BATCH_SIZE) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def load_by(model: type[M], field: str, values: Iterable[Any]) -> list[M]:
    """Rows of `model` whose `field` is in `values`, in chunks (SQLite's variable limit)."""
    wanted = sorted(set(values), key=str)
    found: list[M] = []
    for chunk in chunked(wanted):
        found.extend(model._default_manager.filter(**{f"{field}__in": chunk}))
    return found


def upsert(
    model: type[M],
    rows: Iterable[dict[str, Any]],
    *,
    key: tuple[str, ...],
    existing: Iterable[M],
    provenance: tuple[str, ...] = (),
) -> TableCount:
    """Create the rows whose key is new; update existing rows whose other fields differ.

    `rows` are field values by attribute name (`child_id` for a foreign key); a later row with
    the same key wins. Fields a row does not mention are left as they are. `provenance` fields
    (where a row was read from) change nothing by themselves: the same data from another file
    name is "unchanged" and not written, so importing the same files again, by the command line
    or by upload, is a no-op; they are written with any real change, and on a row that had none
    (a record the unit made in the app, now confirmed by a return: ADR 19), still counted
    "unchanged" since no value changed.
    """
    by_key: dict[Hashable, M] = {tuple(getattr(obj, k) for k in key): obj for obj in existing}
    wanted = {tuple(row[k] for k in key): row for row in rows}
    count = TableCount()
    to_create: list[M] = []
    to_update: list[M] = []
    fields: set[str] = set()
    for row_key, row in wanted.items():
        obj = by_key.get(row_key)
        if obj is None:
            to_create.append(model(**row))
            continue
        changed = [f for f, v in row.items() if f not in key and getattr(obj, f) != v]
        if not [f for f in changed if f not in provenance]:
            count.unchanged += 1
            if not changed or any(getattr(obj, f) for f in provenance):
                continue
            confirmed = True
        else:
            confirmed = False
        for field in changed:
            setattr(obj, field, row[field])
        fields.update(changed)
        to_update.append(obj)
        if not confirmed:
            count.updated += 1
    model._default_manager.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        model._default_manager.bulk_update(to_update, sorted(fields), batch_size=BATCH_SIZE)
    count.added = len(to_create)
    return count


def upsert_by_external_id(model: type[M], rows: list[dict[str, Any]]) -> TableCount:
    """`upsert` keyed by `external_id`: the id a row has in the unit's own files."""
    existing = load_by(model, "external_id", [row["external_id"] for row in rows])
    return upsert(model, rows, key=("external_id",), existing=existing)
