"""The database read back into an `iru.data.Dataset`, so figures on the database and figures
on the files are computed by the same code.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from django.db.models import Model, QuerySet

from iru.data.dataset import SCHEMAS, Dataset, conform, empty_frame
from iru.web.children.columns import CHILD_TABLES, HEADER_COLUMNS
from iru.web.children.models import Child, CpPlanReview
from iru.web.imports.models import ImportRun

_WHERE = {"_file": "source_file", "_row": "source_row"}


def dataset_from_database() -> Dataset:
    """Every child's records as the Dataset's frames, with the DfE column names."""
    frames: dict[str, pl.DataFrame] = {
        "header": _frame(
            "header",
            Child.objects.filter(in_ssda903=True),
            {"CHILD": "la_child_id", **HEADER_COLUMNS, **_WHERE},
        )
    }
    for table in CHILD_TABLES:
        query = table.model._default_manager.all()
        frames[table.name] = _frame(
            table.name,
            query,
            {table.id_column: "child__la_child_id", **table.columns, **_WHERE},
        )
    frames["cp_reviews"] = _frame(
        "cp_reviews",
        CpPlanReview.objects.all(),
        {
            "LAchildID": "plan__child__la_child_id",
            "CPPstartDate": "plan__start",
            "CPPreviewDate": "review_date",
            **_WHERE,
        },
    )
    return Dataset(**frames, **_inputs(frames))


def _frame(name: str, query: QuerySet[Model], columns: dict[str, str]) -> pl.DataFrame:
    rows = list(query.order_by("pk").values_list(*columns.values()))
    if not rows:
        return empty_frame(name)
    data: dict[str, list[Any]] = {col: [row[i] for row in rows] for i, col in enumerate(columns)}
    data["_file"] = [value or None for value in data["_file"]]
    schema = {col: SCHEMAS[name][col] for col in columns}
    return conform(name, pl.DataFrame(data, schema=schema))


def _inputs(frames: dict[str, pl.DataFrame]) -> dict[str, bool]:
    """Which inputs were ever present: rows in the database or a successful import's flags."""
    recorded = {"has_header": False, "has_episodes": False, "has_reviews": False, "has_cin": False}
    runs = ImportRun.objects.filter(status=ImportRun.Status.SUCCEEDED).values_list(
        "inputs", flat=True
    )
    for inputs in runs:
        for key in recorded:
            recorded[key] = recorded[key] or bool(inputs.get(key))
    return {
        "has_header": recorded["has_header"] or not frames["header"].is_empty(),
        "has_episodes": recorded["has_episodes"] or not frames["episodes"].is_empty(),
        "has_reviews": recorded["has_reviews"] or not frames["reviews"].is_empty(),
        "has_cin": recorded["has_cin"]
        or not frames["cin_children"].is_empty()
        or not frames["cin_details"].is_empty(),
    }
