"""A child's whole record for the child's page: care, plans, meetings, RAG, oversight, disputes.

Episodes are grouped into periods of care (FIGURES.md rules, `schedule.periods`) and their
codes (legal status, placement, reason ended) shown with the DfE descriptions of the year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch

from iru.rules.codes.registry import code_list
from iru.web.children.models import Child, Episode
from iru.web.meetings.models import MeetingChild
from iru.web.meetings.participation import collection_year
from iru.web.schedule.periods import SHORT_BREAKS, periods_of_care


def describe(list_name: str, code: str | None, day: date) -> str:
    """`code` with its DfE description in `day`'s collection year ("U3: Foster placement...")."""
    if not code:
        return ""
    description = code_list(list_name, collection_year(day)).description(code)
    return f"{code}: {description}" if description else code


@dataclass(frozen=True)
class EpisodeRow:
    episode: Episode

    @property
    def legal_status(self) -> str:
        return describe("LS", self.episode.ls, self.episode.decom)

    @property
    def placement(self) -> str:
        return describe("PLACE", self.episode.place, self.episode.decom)

    @property
    def reason_ended(self) -> str:
        return describe("REC", self.episode.rec, self.episode.dec or self.episode.decom)

    @property
    def short_break(self) -> bool:
        return (self.episode.ls or "").strip().upper() in SHORT_BREAKS


def child_history(child: Child) -> dict[str, Any]:
    """Everything the child's page shows, newest first, in a fixed number of queries."""
    episodes = list(child.episodes.order_by("decom"))
    periods = [
        {"start": p[0].decom, "end": p[-1].dec, "episodes": [EpisodeRow(e) for e in p]}
        for p in periods_of_care(episodes)
    ]
    short_breaks = [EpisodeRow(e) for e in episodes if EpisodeRow(e).short_break]
    meetings = (
        MeetingChild.objects.filter(child=child)
        .select_related("meeting__chair")
        .order_by("-meeting__date", "-meeting_id")
    )
    return {
        "periods": periods[::-1],
        "short_breaks": short_breaks[::-1],
        "reviews": list(child.lac_reviews.order_by("-review")),
        "plans": list(child.cp_plans.prefetch_related("reviews").order_by("-start")),
        "section47s": list(child.section47s.order_by("-start")),
        "meetings": list(meetings),
        "ratings": list(
            child.rag_ratings.select_related("meeting", "team_manager")
            .prefetch_related("reasons")
            .order_by("-sent", "-pk")
        ),
        "notes": list(child.oversight_notes.select_related("author").order_by("-date", "-pk")),
        "escalations": list(
            child.escalations.select_related("raised_by")
            .prefetch_related(Prefetch("stages", to_attr="stage_list"))
            .order_by("-raised", "-pk")
        ),
        "allocations": list(
            child.allocations.select_related("chair", "social_worker", "team").order_by("-start")
        ),
    }
