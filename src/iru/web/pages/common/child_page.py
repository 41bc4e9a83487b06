"""Everything a child's page shows, from each domain's selectors: care, plans, meetings, RAG
ratings, oversight, escalations, allocations. A fixed number of queries, newest first."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from iru.rules.periods import periods_of_care
from iru.web.caseloads.selectors import allocation_history
from iru.web.children.presenters import ChildPresenter, EpisodeRow
from iru.web.children.selectors import child_records
from iru.web.disputes.selectors.records import escalations_of, ratings_of
from iru.web.disputes.services.ratings import may_change_rating
from iru.web.meetings.selectors import meetings_of
from iru.web.oversight.selectors import notes_of
from iru.web.oversight.services import may_correct
from iru.web.schedule.selectors.due import next_meetings_due_for

if TYPE_CHECKING:
    from iru.web.children.models import Child
    from iru.web.people.models import User


def child_page(child: Child, *, today: date, user: User) -> dict[str, Any]:
    """The template context of the child's page for a child fetched for `user`."""
    records = child_records(child)
    notes = notes_of(child)
    ratings = ratings_of(child)
    episodes = records.pop("episodes")
    periods = [
        {"start": p[0].decom, "end": p[-1].dec, "episodes": [EpisodeRow(e) for e in p]}
        for p in periods_of_care(episodes)
    ]
    short_breaks = [row for row in map(EpisodeRow, episodes) if row.short_break]
    return {
        "row": ChildPresenter(child, today),
        "due": next_meetings_due_for(child, today=today),
        "periods": periods[::-1],
        "short_breaks": short_breaks[::-1],
        **records,
        "meetings": meetings_of(child),
        "ratings": ratings,
        "correctable_ratings": {r.pk for r in ratings if may_change_rating(user, r)},
        "notes": notes,
        "correctable_notes": {note.pk for note in notes if may_correct(user, note)},
        "escalations": escalations_of(child),
        "allocations": allocation_history(child),
    }
