"""Import of the DfE returns (an `iru.data.Dataset`) into the children app, in bulk.

Rows whose natural key is missing (no child ID, no start date) cannot be matched on a later
import, so they are skipped with a warning rather than stored twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from iru.data.dataset import Dataset
from iru.web.children.columns import CHILD_TABLES, HEADER_COLUMNS, ChildTable
from iru.web.children.models import Child, CpPlan, CpPlanReview
from iru.web.imports.upsert import TableCount, chunked, load_by, upsert

Warn = Callable[[str], None]


def _where(row: dict[str, Any]) -> dict[str, Any]:
    return {"source_file": row.get("_file") or "", "source_row": row.get("_row")}


def child_ids_in(dataset: Dataset) -> set[str]:
    ids: set[str] = set()
    for name, column in (("header", "CHILD"), *((t.name, t.id_column) for t in CHILD_TABLES)):
        ids.update(dataset.frame(name).get_column(column).drop_nulls().to_list())
    ids.update(dataset.cp_reviews.get_column("LAchildID").drop_nulls().to_list())
    return ids


def import_children(
    *, dataset: Dataset, other_ids: Iterable[str]
) -> tuple[TableCount, dict[str, int]]:
    """Create every child the data mentions; update SSDA903 header fields of those in it.

    Names and allocations are never touched here: staff add them.
    Returns the counts and a map from child ID to primary key.
    """
    ids = child_ids_in(dataset) | set(other_ids)
    rows: dict[str, dict[str, Any]] = {i: {"la_child_id": i} for i in ids}
    for row in dataset.header.iter_rows(named=True):
        if row["CHILD"] is not None:
            fields = {field: row[col] for col, field in HEADER_COLUMNS.items()}
            rows[row["CHILD"]] |= {"in_ssda903": True, **fields, **_where(row)}
    existing = load_by(Child, "la_child_id", ids)
    count = upsert(Child, rows.values(), key=("la_child_id",), existing=existing)
    return count, child_pks(ids)


def child_pks(ids: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunked(sorted(ids)):
        found.update(Child.objects.filter(la_child_id__in=chunk).values_list("la_child_id", "pk"))
    return found


def import_child_table(
    *, table: ChildTable, dataset: Dataset, pks: dict[str, int], warn: Warn
) -> TableCount:
    """Upsert one child-owned table by (child, natural key)."""
    key_columns = [col for col, field in table.columns.items() if field in table.key]
    rows = []
    for row in dataset.frame(table.name).iter_rows(named=True):
        child = row[table.id_column]
        if child is None or any(row[col] is None for col in key_columns):
            warn(
                f"{row.get('_file')}, row {row.get('_row')}: {table.name} row without "
                f"{table.id_column} or {', '.join(key_columns)} not imported"
            )
            continue
        fields = {field: row[col] for col, field in table.columns.items()}
        rows.append({"child_id": pks[child], **fields, **_where(row)})
    existing = load_by(table.model, "child_id", {r["child_id"] for r in rows})
    return upsert(table.model, rows, key=("child_id", *table.key), existing=existing)


def import_plan_reviews(*, dataset: Dataset, pks: dict[str, int], warn: Warn) -> TableCount:
    """Upsert CP plan reviews, each attached to its plan (child + CPPstartDate)."""
    frame = dataset.cp_reviews
    child_pks_here = {pks[c] for c in frame.get_column("LAchildID").drop_nulls().to_list()}
    plans = {(p.child_id, p.start): p.pk for p in load_by(CpPlan, "child_id", child_pks_here)}
    rows = []
    for row in frame.iter_rows(named=True):
        child = row["LAchildID"]
        plan = plans.get((pks.get(child), row["CPPstartDate"])) if child else None
        if plan is None or row["CPPreviewDate"] is None:
            warn(
                f"{row.get('_file')}, row {row.get('_row')}: plan review without a known "
                "plan or a review date not imported"
            )
            continue
        rows.append({"plan_id": plan, "review_date": row["CPPreviewDate"], **_where(row)})
    existing = load_by(CpPlanReview, "plan_id", {r["plan_id"] for r in rows})
    return upsert(CpPlanReview, rows, key=("plan_id", "review_date"), existing=existing)
