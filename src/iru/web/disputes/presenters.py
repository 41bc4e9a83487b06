"""The RAG reason catalogue grouped for its page: by meeting type, then rating."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from iru.rules.rag import MEETING_TYPES, RATINGS
from iru.web.core.presenters import rag_tag_class
from iru.web.disputes.models import RagReason

MEETING_TYPE_TITLES = {"lac": "Looked-after child reviews", "cp": "Child protection conferences"}


@dataclass
class ReasonGroup:
    meeting_type: str
    rating: str
    reasons: list[RagReason] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{MEETING_TYPE_TITLES[self.meeting_type]}: {self.rating}"

    @property
    def tag(self) -> str:
        return rag_tag_class(self.rating)


def catalogue_groups(reasons: Iterable[RagReason]) -> tuple[list[ReasonGroup], list[RagReason]]:
    """Groups for every meeting type and rating (current reasons first, then retired), and
    the codes seen in imported files that were never catalogued.
    """
    groups = {(m, r): ReasonGroup(m, r) for m in MEETING_TYPES for r in RATINGS}
    uncatalogued = []
    for reason in reasons:
        group = groups.get((reason.meeting_type, reason.rating))
        if group is None:
            uncatalogued.append(reason)
        else:
            group.reasons.append(reason)
    for group in groups.values():
        group.reasons.sort(key=lambda reason: (not reason.in_catalogue, reason.code))
    return list(groups.values()), uncatalogued
