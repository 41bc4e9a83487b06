"""`UnitDataset`: every frame in its schema's shape, whoever built it."""

from __future__ import annotations

from datetime import date

import polars as pl

from iru.figures.unit.dataset import UNIT_SCHEMAS, UnitDataset, unit_frame


def test_frames_are_conformed_to_their_schema_on_construction():
    staff = pl.DataFrame({"staff_id": [1], "fte": ["0.81"], "email": ["x@example.org"]})
    unit = UnitDataset(staff=staff)
    assert unit.staff.schema == pl.Schema(UNIT_SCHEMAS["staff"])
    assert unit.staff.rows() == [(1, None, 0.81)]  # role missing: null; email dropped
    assert all(getattr(unit, table).is_empty() for table in UNIT_SCHEMAS if table != "staff")


def test_unit_frame_types_rows_and_keeps_lists_of_roles():
    frame = unit_frame(
        "meetings",
        ["meeting_id", "date", "attendees"],
        [(1, date(2016, 2, 29), ("parent", "advocate")), (2, None, []), (3, None, None)],
    )
    assert frame.schema["attendees"] == pl.List(pl.String())
    assert frame["attendees"].to_list() == [["parent", "advocate"], [], None]
    assert frame["date"].to_list() == [date(2016, 2, 29), None, None]
    assert unit_frame("meetings", ["meeting_id", "attendees"], []).height == 0
