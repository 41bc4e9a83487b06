"""Children's participation as the unit records it: consultation booklets, advocates, and
children attending their own meetings (docs/figures.md "The unit's own records").

Counted over the meetings held in the year (`meetings.held_meetings`).
"""

from __future__ import annotations

import polars as pl

from iru.figures.output import ratio
from iru.figures.unit.meetings import MEETING_KINDS, NOT_RECORDED

# What became of the consultation booklet sent to a child before a meeting
# (meetings.MeetingChild.Booklet), `not_recorded` when the record does not say.
BOOKLETS = ("returned", "sent", "not_sent", NOT_RECORDED)
# Booklets are counted for LAC reviews and for child protection conferences together.
BOOKLET_MEETINGS = {"lac_review": "lac_review", "icpc": "cp_conference", "rcpc": "cp_conference"}
ADVOCATE, CHILD = "advocate", "child"


def participation_figures(held: pl.DataFrame, covered: pl.DataFrame) -> dict[str, object]:
    """`unit.participation.*`: booklets by the children at meetings held; the meetings held
    with an advocate, and with the child, among those present."""
    return {
        "booklets": _booklets(held, covered),
        "advocate": _present(held, ADVOCATE),
        "child_attended": _present(held, CHILD),
    }


def _booklets(held: pl.DataFrame, covered: pl.DataFrame) -> dict[str, dict[str, int]]:
    booklet = pl.col("booklet")
    children = (
        held.select(
            "meeting_id", group=pl.col("kind").replace_strict(BOOKLET_MEETINGS, default=None)
        )
        .join(covered.select("meeting_id", "booklet"), on="meeting_id")
        .with_columns(
            booklet=pl.when(booklet.is_in(BOOKLETS)).then(booklet).otherwise(pl.lit(NOT_RECORDED))
        )
    )
    counts = {
        (str(group), str(state)): int(n)
        for group, state, n in children.group_by("group", "booklet").len().iter_rows()
    }
    groups = dict.fromkeys(BOOKLET_MEETINGS.values())
    return {group: {state: counts.get((group, state), 0) for state in BOOKLETS} for group in groups}


def _present(held: pl.DataFrame, role: str) -> dict[str, dict[str, object]]:
    """Per kind, the meetings held with `role` among those present (roles compared trimmed
    and in lower case), over the meetings held of that kind."""
    roles = (
        pl.col("attendees")
        .fill_null([])
        .list.eval(pl.element().str.strip_chars().str.to_lowercase())
    )
    flagged = held.select("kind", present=roles.list.contains(role))
    counts = {
        str(kind): (int(n), int(with_role))
        for kind, n, with_role in flagged.group_by("kind")
        .agg(pl.len(), pl.col("present").sum())
        .iter_rows()
    }
    return {
        kind: ratio(counts.get(kind, (0, 0))[1], counts.get(kind, (0, 0))[0])
        for kind in MEETING_KINDS
    }
