"""The import service: a Dataset (and the unit's files) into the database, all or nothing.

The `ImportRun` is written outside the import's transaction, so a failed import is recorded
even though none of its rows are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction

from iru.data.dataset import SCHEMAS, Dataset
from iru.web import clock
from iru.web.children.columns import CHILD_TABLES
from iru.web.children.models import Allocation, Child, CpPlanReview
from iru.web.imports import returns, unit_import
from iru.web.imports.models import ImportRun
from iru.web.imports.unit_rows import UnitData
from iru.web.imports.upsert import TableCount
from iru.web.rag import services as rag_services
from iru.web.schedule.services import schedule_refresh, schedule_refresh_deferred

Progress = Callable[[str], None]
MAX_STORED_PROBLEMS = 1000
INPUT_FLAGS = ("has_header", "has_episodes", "has_reviews", "has_cin")


@dataclass(frozen=True)
class ImportSummary:
    run_id: int
    tables: dict[str, TableCount]
    warnings: tuple[str, ...] = field(default=())

    @property
    def children_added(self) -> int:
        return self.tables["children"].added

    @property
    def children_updated(self) -> int:
        return self.tables["children"].updated

    @property
    def changed(self) -> bool:
        return any(c.added or c.updated for c in self.tables.values())


def import_dataset(
    *,
    dataset: Dataset,
    unit: UnitData | None,
    user: Any = None,
    source: str = "",
    label: str = "",
    progress: Progress | None = None,
) -> ImportSummary:
    """Write the dataset's children and records (and the unit's, when given) in one transaction.

    Idempotent: importing the same data again changes nothing. Records are matched by natural
    key and updated; nothing is deleted. Raises whatever stopped the import, after recording
    the failed `ImportRun`.
    """
    run = import_run_start(dataset=dataset, unit=unit, user=user, source=source, label=label)
    warnings = [str(problem) for problem in dataset.problems]
    try:
        with transaction.atomic(), schedule_refresh_deferred():
            tables = _write(dataset, unit, warnings.append, progress or (lambda _step: None))
            analyse_after_import()
            schedule_refresh(today=clock.today())  # every child's next meeting (ADR 0009)
    except Exception as error:
        import_run_fail(run=run, error=f"{type(error).__name__}: {error}")
        raise
    import_run_succeed(run=run, tables=tables, warnings=warnings)
    return ImportSummary(run_id=run.pk, tables=tables, warnings=tuple(warnings))


# The tables an import writes in bulk (the children's records and allocations).
ANALYSED = (Child, *(t.model for t in CHILD_TABLES), CpPlanReview, Allocation)
STEPS = ("children", *(t.name for t in CHILD_TABLES), "cp_reviews", "unit")


def _write(
    dataset: Dataset, unit: UnitData | None, warn: Callable[[str], None], progress: Progress
) -> dict[str, TableCount]:
    unit_ids = unit.child_ids() if unit else set()
    count, pks = returns.import_children(dataset=dataset, other_ids=unit_ids)
    tables = {"children": count}
    progress("children")
    for table in CHILD_TABLES:
        tables[table.name] = returns.import_child_table(
            table=table, dataset=dataset, pks=pks, warn=warn
        )
        progress(table.name)
    tables["cp_reviews"] = returns.import_plan_reviews(dataset=dataset, pks=pks, warn=warn)
    progress("cp_reviews")
    if unit is not None:
        rag_services.rag_reasons_sync()
        tables |= unit_import.import_unit(unit=unit, children=pks, warn=warn)
    progress("unit")
    return tables


def analyse_after_import() -> None:
    """Give PostgreSQL's planner statistics for what was just written (autovacuum may be off,
    or not yet have run): without them, big imports leave the pages with poor plans."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in ANALYSED:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def import_run_start(
    *, dataset: Dataset | None, unit: UnitData | None, user: Any, source: str, label: str = ""
) -> ImportRun:
    files: set[str] = set()
    inputs: dict[str, bool] = {}
    if dataset is not None:
        for name in SCHEMAS:
            files.update(dataset.frame(name).get_column("_file").drop_nulls().unique().to_list())
        inputs = {key: getattr(dataset, key) for key in INPUT_FLAGS}
    if unit is not None:
        files.update(unit.files)
    return ImportRun.objects.create(
        user=user if getattr(user, "pk", None) else None,
        started_at=clock.now(),
        source=source,
        label=label,
        files=sorted(files),
        inputs=inputs,
    )


def import_run_fail(*, run: ImportRun, error: str) -> None:
    run.status, run.error, run.finished_at = ImportRun.Status.FAILED, error, clock.now()
    run.save(update_fields=["status", "error", "finished_at"])


def import_run_succeed(
    *, run: ImportRun, tables: dict[str, TableCount], warnings: list[str]
) -> None:
    run.status, run.finished_at = ImportRun.Status.SUCCEEDED, clock.now()
    run.counts = {name: count.as_json() for name, count in tables.items()}
    run.problems = warnings[:MAX_STORED_PROBLEMS]
    run.save(update_fields=["status", "finished_at", "counts", "problems"])
