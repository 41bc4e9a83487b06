"""The unit's files of RAG ratings and escalations (docs/unit-data.md), references resolved by
the import service. A later import with the same `id` replaces the row."""

from __future__ import annotations

from typing import Any

from iru.web.core.upsert import TableCount, load_by, upsert_by_external_id
from iru.web.disputes.models import Escalation, RagRating, RagReason


def rag_ratings_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert ratings by `external_id` (their reasons: `rating_reasons_import`)."""
    return upsert_by_external_id(RagRating, rows)


def rating_reasons_import(reasons: dict[str, tuple[str, ...]]) -> None:
    """Each rating (by external id) has exactly the reason codes given (all catalogued, or
    recorded as seen by `ratings.rag_reasons_add_uncatalogued` first)."""
    through = RagRating.reasons.through
    ratings = dict(
        RagRating.objects.filter(external_id__in=list(reasons)).values_list("external_id", "pk")
    )
    codes = dict(RagReason.objects.values_list("code", "pk"))
    wanted = {(ratings[r], codes[c]) for r, listed in reasons.items() for c in listed}
    existing = load_by(through, "ragrating_id", [ratings[r] for r in reasons])
    have = {(e.ragrating_id, e.ragreason_id): e.pk for e in existing}
    through.objects.filter(pk__in=[pk for k, pk in have.items() if k not in wanted]).delete()
    through.objects.bulk_create(
        [through(ragrating_id=a, ragreason_id=b) for a, b in sorted(wanted - have.keys())],
        batch_size=1000,
    )


def escalations_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert escalations by `external_id`."""
    return upsert_by_external_id(Escalation, rows)
