"""The DfE returns (an `iru.data.Dataset`) written into children's records, in bulk.

Called by the import service (`imports.services.dataset`), inside its transaction. Records are
matched by natural key and updated; nothing is deleted. Rows whose natural key is missing (no
child ID, no start date) cannot be matched on a later import, so they are skipped with a
warning rather than stored twice. Names come from staff or the unit's files, never the returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from iru.data.dataset import Dataset
from iru.web.children.columns import CHILD_TABLES, HEADER_COLUMNS, ChildTable
from iru.web.children.models import Child, CpPlan, CpPlanReview
from iru.web.children.selectors import child_pks_by_la_id
from iru.web.core.upsert import TableCount, load_by, upsert

Warn = Callable[[str], None]
WHERE = ("source_file", "source_row")  # where a row was read from: not a change of its own


def _where(row: dict[str, Any]) -> dict[str, Any]:
    return {"source_file": row.get("_file") or "", "source_row": row.get("_row")}


def child_ids_in(dataset: Dataset) -> set[str]:
    ids: set[str] = set()
    for name, column in (("header", "CHILD"), *((t.name, t.id_column) for t in CHILD_TABLES)):
        ids.update(dataset.frame(name).get_column(column).drop_nulls().to_list())
    ids.update(dataset.cp_reviews.get_column("LAchildID").drop_nulls().to_list())
    return ids


def children_import(
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
    count = upsert(Child, rows.values(), key=("la_child_id",), existing=existing, provenance=WHERE)
    return count, child_pks_by_la_id(ids)


def child_table_import(
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
    return upsert(
        table.model, rows, key=("child_id", *table.key), existing=existing, provenance=WHERE
    )


def plan_reviews_import(*, dataset: Dataset, pks: dict[str, int], warn: Warn) -> TableCount:
    """Upsert CP plan reviews, each attached to its plan (child + CPPstartDate)."""
    frame = dataset.cp_reviews
    child_pks_here = {pks[c] for c in frame.get_column("LAchildID").drop_nulls().to_list()}
    plans = {(p.child_id, p.start): p.pk for p in load_by(CpPlan, "child_id", child_pks_here)}
    rows = []
    for row in frame.iter_rows(named=True):
        child = row["LAchildID"]
        plan = plans.get((pks[child], row["CPPstartDate"])) if child in pks else None
        if plan is None or row["CPPreviewDate"] is None:
            warn(
                f"{row.get('_file')}, row {row.get('_row')}: plan review without a known "
                "plan or a review date not imported"
            )
            continue
        rows.append({"plan_id": plan, "review_date": row["CPPreviewDate"], **_where(row)})
    existing = load_by(CpPlanReview, "plan_id", {r["plan_id"] for r in rows})
    return upsert(
        CpPlanReview,
        rows,
        key=("plan_id", "review_date"),
        existing=existing,
        provenance=WHERE,
    )


def child_names_import(names: dict[str, tuple[str, str]]) -> TableCount:
    """Fill in (given, family) names from the unit's files for children who have none: a name
    typed in by staff wins (ADR 0008)."""
    count = TableCount()
    to_update = []
    for child in load_by(Child, "la_child_id", names):
        given, family = names[child.la_child_id]
        if child.given_name or child.family_name or not (given or family):
            count.unchanged += 1
            continue
        child.given_name, child.family_name = given, family
        to_update.append(child)
    Child.objects.bulk_update(to_update, ["given_name", "family_name"], batch_size=1000)
    count.updated = len(to_update)
    return count
