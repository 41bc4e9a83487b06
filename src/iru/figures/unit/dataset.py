"""The unit's own records as typed polars frames: what `unit_figures` counts.

The returns (SSDA903, CIN census) are `iru.data.Dataset`; the unit's records (meetings, who
chairs whom, posts, escalations) are here. The database (`iru.web.reports.selectors`) and the
unit's files (`iru.figures.unit.files`) both produce this shape, so figures on either are
computed by the same code.

Conventions, fixed for every frame:
- a child is its `la_child_id`, the ID both returns use (`CHILD`, `LAchildID`);
- a spell (an allocation, a post, a holding, a leave) runs from `start` inclusive to `end`
  exclusive, `end` empty while it lasts; it is *in force* on day D when `start <= D` and
  (`end` empty or `D < end`);
- FTE is a number with 2 decimal places (1.00 full time, 0.81 for 30 hours of 37), as the
  models hold it; the figures sum it in hundredths, so no binary rounding creeps in;
- codes are the models' own values; an empty value is null.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import polars as pl

from iru.data.dataset import conform_to

MEETINGS_SCHEMA: dict[str, pl.DataType] = {
    "meeting_id": pl.Int64(),
    "kind": pl.String(),  # lac_review / icpc / rcpc
    "date": pl.Date(),
    "chair_id": pl.Int64(),
    "outcome": pl.String(),  # an ICPC's: plan / no_plan / change_of_category / child_died
    "attendees": pl.List(pl.String()),  # roles present: "child", "advocate", "parent", ...
    "cancelled_on": pl.Date(),  # a cancelled meeting is never counted
}
MEETING_CHILDREN_SCHEMA: dict[str, pl.DataType] = {
    "meeting_id": pl.Int64(),
    "child_id": pl.String(),
    "participation": pl.String(),  # PN0-PN7 at a LAC review
    "booklet": pl.String(),  # not_sent / sent (not returned) / returned; null: not recorded
}
ALLOCATIONS_SCHEMA: dict[str, pl.DataType] = {
    "child_id": pl.String(),
    "kind": pl.String(),  # lac / cp
    "chair_id": pl.Int64(),
    "start": pl.Date(),
    "end": pl.Date(),
}
STAFF_SCHEMA: dict[str, pl.DataType] = {
    "staff_id": pl.Int64(),
    "role": pl.String(),  # iro / icc / head_of_service / admin / team_manager / social_worker
    "fte": pl.Float64(),
}
POSTS_SCHEMA: dict[str, pl.DataType] = {
    "post_id": pl.Int64(),
    "kind": pl.String(),  # iro / icc / lado / manager / admin / minute_taker
    "fte": pl.Float64(),
    "start": pl.Date(),
    "end": pl.Date(),
}
HOLDINGS_SCHEMA: dict[str, pl.DataType] = {
    "holding_id": pl.Int64(),
    "post_id": pl.Int64(),
    "staff_id": pl.Int64(),
    "kind": pl.String(),  # substantive / agency / acting
    "start": pl.Date(),
    "end": pl.Date(),
}
LEAVES_SCHEMA: dict[str, pl.DataType] = {
    "holding_id": pl.Int64(),
    "start": pl.Date(),
    "end": pl.Date(),
}
ESCALATIONS_SCHEMA: dict[str, pl.DataType] = {
    "escalation_id": pl.Int64(),
    "raised": pl.Date(),
    "stage": pl.Int64(),  # the stage it is at now (1-4)
    "resolved": pl.Date(),
    "cafcass_referral": pl.Boolean(),
    "cafcass_referred": pl.Date(),
}
ESCALATION_STAGES_SCHEMA: dict[str, pl.DataType] = {
    "escalation_id": pl.Int64(),
    "stage": pl.Int64(),
    "started": pl.Date(),
}

UNIT_SCHEMAS: Mapping[str, Mapping[str, pl.DataType]] = {
    "meetings": MEETINGS_SCHEMA,
    "meeting_children": MEETING_CHILDREN_SCHEMA,
    "allocations": ALLOCATIONS_SCHEMA,
    "staff": STAFF_SCHEMA,
    "posts": POSTS_SCHEMA,
    "holdings": HOLDINGS_SCHEMA,
    "leaves": LEAVES_SCHEMA,
    "escalations": ESCALATIONS_SCHEMA,
    "escalation_stages": ESCALATION_STAGES_SCHEMA,
}


def empty_unit_frame(name: str) -> pl.DataFrame:
    """An empty frame with the schema of the unit's table `name` (a key of `UNIT_SCHEMAS`)."""
    return pl.DataFrame(schema=dict(UNIT_SCHEMAS[name]))


def conform_unit(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with exactly the columns of the unit's table `name`, in order, cast to its
    types: a missing column is all null, an extra one is dropped."""
    return conform_to(UNIT_SCHEMAS[name], frame)


# A list of roles is joined into one text while a frame is built, then split: polars makes a
# list column from Python lists one small Series at a time (a minute for 200,000 meetings).
_LIST = pl.List(pl.String())
_SEPARATOR = "\x1f"  # ASCII unit separator: in no role's name


def unit_frame(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> pl.DataFrame:
    """The unit's `table` from `rows` (values in the order of `columns`), each column typed by
    the table's schema; a list column takes Python lists (or None)."""
    schema = UNIT_SCHEMAS[table]
    lists = [column for column in columns if schema[column] == _LIST]
    values = list(zip(*rows, strict=True)) or [() for _ in columns]
    data = {column: list(vs) for column, vs in zip(columns, values, strict=True)}
    for column in lists:
        data[column] = [None if v is None else _SEPARATOR.join(v) for v in data[column]]
    types = {c: pl.String() if c in lists else schema[c] for c in columns}
    return pl.DataFrame(data, schema=types).with_columns(_split(pl.col(c)) for c in lists)


def _split(joined: pl.Expr) -> pl.Expr:
    empty = pl.lit([], dtype=_LIST)
    split = pl.when(joined == "").then(empty).otherwise(joined.str.split(_SEPARATOR))
    return split.alias(joined.meta.output_name())


@dataclass(frozen=True)
class UnitDataset:
    """The unit's records, each frame conformed to its schema on construction (so a frame
    built by hand, in a test or from the database, has the one shape every figure reads).

    An empty `posts` frame means the unit has recorded no posts: the caseloads then take the
    chairs' own FTE (`iru.figures.unit.caseloads`). An empty frame is never an error.
    """

    meetings: pl.DataFrame = field(default_factory=lambda: empty_unit_frame("meetings"))
    meeting_children: pl.DataFrame = field(
        default_factory=lambda: empty_unit_frame("meeting_children")
    )
    allocations: pl.DataFrame = field(default_factory=lambda: empty_unit_frame("allocations"))
    staff: pl.DataFrame = field(default_factory=lambda: empty_unit_frame("staff"))
    posts: pl.DataFrame = field(default_factory=lambda: empty_unit_frame("posts"))
    holdings: pl.DataFrame = field(default_factory=lambda: empty_unit_frame("holdings"))
    leaves: pl.DataFrame = field(default_factory=lambda: empty_unit_frame("leaves"))
    escalations: pl.DataFrame = field(default_factory=lambda: empty_unit_frame("escalations"))
    escalation_stages: pl.DataFrame = field(
        default_factory=lambda: empty_unit_frame("escalation_stages")
    )

    def __post_init__(self) -> None:
        for table in fields(self):
            object.__setattr__(
                self, table.name, conform_unit(table.name, getattr(self, table.name))
            )
