"""Writes for the RAG process. The reason catalogue is data, seeded from `iru.rules.rag`."""

from __future__ import annotations

from collections.abc import Iterable

from iru.rules.rag import RagReason as CatalogueReason
from iru.rules.rag import default_catalogue
from iru.web.rag.models import RagReason

_FIELDS = ("meeting_type", "rating", "text", "source", "in_catalogue")


def rag_reasons_sync(*, catalogue: Iterable[CatalogueReason] | None = None) -> int:
    """Add or update the catalogue's reasons (the default catalogue unless one is given).

    Never deletes: ratings refer to reasons. Returns how many were added or changed.
    """
    wanted = {
        r.code: {"meeting_type": r.meeting_type, "rating": r.rating, "text": r.text,
                 "source": r.source, "in_catalogue": True}
        for r in (default_catalogue() if catalogue is None else catalogue)
    }  # fmt: skip
    existing = {r.code: r for r in RagReason.objects.filter(code__in=list(wanted))}
    to_create, to_update = [], []
    for code, fields in wanted.items():
        reason = existing.get(code)
        if reason is None:
            to_create.append(RagReason(code=code, **fields))
        elif any(getattr(reason, f) != v for f, v in fields.items()):
            for name, value in fields.items():
                setattr(reason, name, value)
            to_update.append(reason)
    RagReason.objects.bulk_create(to_create)
    RagReason.objects.bulk_update(to_update, list(_FIELDS))
    return len(to_create) + len(to_update)


def rag_reasons_add_uncatalogued(*, codes: Iterable[str]) -> list[str]:
    """Record reason codes seen in a file but missing from the catalogue; returns the new ones."""
    codes = set(codes)
    known = set(RagReason.objects.filter(code__in=list(codes)).values_list("code", flat=True))
    new = sorted(codes - known)
    RagReason.objects.bulk_create([RagReason(code=c, text=c, in_catalogue=False) for c in new])
    return new
