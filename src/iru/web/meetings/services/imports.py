"""The unit's files of meetings held (docs/unit-data.md `meetings.csv`, `participation.csv`:
the children each meeting covered, their PN codes and consultation booklets).

Called by the import service with references already resolved to primary keys.
"""

from __future__ import annotations

from typing import Any

from iru.web.core.upsert import TableCount, load_by, upsert, upsert_by_external_id
from iru.web.meetings.models import Meeting, MeetingChild


def meetings_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert meetings by `external_id`."""
    return upsert_by_external_id(Meeting, rows)


def meeting_children_import(
    links: dict[tuple[int, int], tuple[str, str]], *, listed: set[int]
) -> TableCount:
    """Each meeting in `listed` covers exactly the children `links` give it, (meeting pk, child
    pk) -> (participation code, consultation booklet): a child no longer listed is removed from
    the meeting."""
    existing = load_by(MeetingChild, "meeting_id", {m for m, _ in links} | listed)
    stale = [
        e.pk for e in existing if e.meeting_id in listed and (e.meeting_id, e.child_id) not in links
    ]
    MeetingChild.objects.filter(pk__in=stale).delete()
    rows = [
        {"meeting_id": m, "child_id": c, "participation": code, "booklet": booklet}
        for (m, c), (code, booklet) in links.items()
    ]
    kept = [e for e in existing if e.pk not in set(stale)]
    return upsert(MeetingChild, rows, key=("meeting_id", "child_id"), existing=kept)
