"""Import of the unit's establishment: `posts.csv`, `post_holdings.csv`, `leave.csv`.

A holding names a post and a staff record, and lies within the post's dates; a leave names a
holding and lies within it. Each reference may be to a row of the same import or of an earlier
one; an unknown id, or dates outside, stop the import with the file, row, column and value.
"""

from __future__ import annotations

from datetime import date

from iru.data.unit_files import UnitFileError
from iru.data.unit_rows import UnitData
from iru.web.core.upsert import TableCount
from iru.web.imports.services.refs import Refs
from iru.web.people.selectors import (
    Span,
    post_holding_spans_by_external_id,
    post_spans_by_external_id,
    staff_pks_by_external_id,
)
from iru.web.people.services import leaves_import, post_holdings_import, posts_import


def import_establishment(unit: UnitData, refs: Refs) -> dict[str, TableCount]:
    """Write the posts, then their holdings, then the holders' leave."""
    posts = posts_import(
        [
            {
                "external_id": p.id,
                "title": p.title,
                "kind": p.kind,
                "fte": p.fte,
                "start": p.start,
                "end": p.end,
            }
            for p in unit.posts
        ]
    )
    return {"posts": posts, "post_holdings": _holdings(unit, refs), "leave": _leave(unit, refs)}


def _holdings(unit: UnitData, refs: Refs) -> TableCount:
    posts, staff, f = post_spans_by_external_id(), staff_pks_by_external_id(), "post_holdings.csv"
    rows = []
    for h in unit.post_holdings:
        post: Span = refs.find(posts, h.post_id, f, h.row, "post_id")
        _within(refs, f, h.row, (h.start, h.end), post, f"post {h.post_id}")
        rows.append({
            "external_id": h.id, "post_id": post[0],
            "staff_id": refs.find(staff, h.staff_id, f, h.row, "staff_id"),
            "kind": h.kind, "start": h.start, "end": h.end,
        })  # fmt: skip
    return post_holdings_import(rows)


def _leave(unit: UnitData, refs: Refs) -> TableCount:
    holdings, f = post_holding_spans_by_external_id(), "leave.csv"
    rows = []
    for v in unit.leave:
        holding: Span = refs.find(holdings, v.holding_id, f, v.row, "holding_id")
        _within(refs, f, v.row, (v.start, v.end), holding, f"holding {v.holding_id}")
        rows.append({
            "external_id": v.id, "holding_id": holding[0], "reason": v.reason,
            "start": v.start, "end": v.end,
        })  # fmt: skip
    return leaves_import(rows)


def _within(
    refs: Refs, base: str, row: int, span: tuple[date, date | None], outer: Span, what: str
) -> None:
    """Refuse a span (start, end: exclusive, None while open) not within `outer`'s."""
    (start, end), (_pk, first, last) = span, outer
    if start < first:
        column, value = "start", start.isoformat()
    elif last is not None and (end is None or end > last):
        column, value = "end", end.isoformat() if end is not None else ""
    else:
        return
    until = f"to {last.isoformat()}" if last is not None else "on"
    raise UnitFileError(
        refs.file(base), row, column, value,
        f"must be within the dates of {what} ({first.isoformat()} {until})",
    )  # fmt: skip
