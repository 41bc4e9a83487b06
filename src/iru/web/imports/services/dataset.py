"""The import service: a Dataset (and the unit's files) into the database, all or nothing.

Each domain writes its own records (`children.services.returns` the DfE returns, the unit's
files through `imports.services.unit`); this module holds them in one transaction, refreshes
every child's stored next meeting for `today`, works out what admin must look at (the
children left with overlapping episodes, the next due dates moved: ADR 0018) and keeps the
`ImportRun`, which is written outside the import's transaction so a failed import is recorded
even though none of its rows are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import polars as pl
from django.db import connection, transaction
from django.db.models import Model

from iru.data.dataset import Dataset
from iru.data.unit_rows import UnitData
from iru.web.caseloads.models import Allocation
from iru.web.children.columns import CHILD_TABLES
from iru.web.children.models import Child, CpPlanReview
from iru.web.children.selectors import overlapping_episodes_of
from iru.web.children.services import returns
from iru.web.core.upsert import TableCount
from iru.web.disputes.services.ratings import rag_reasons_sync
from iru.web.imports.findings import DueChange, Overlap, due_changes, overlaps_of
from iru.web.imports.services import unit as unit_import
from iru.web.imports.services.runs import import_run_fail, import_run_start, import_run_succeed
from iru.web.people.models import User
from iru.web.schedule.selectors.due import stored_next_due
from iru.web.schedule.services import schedule_ensure_current, schedule_refresh

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ImportSummary:
    run_id: int
    tables: dict[str, TableCount]
    warnings: tuple[str, ...] = field(default=())
    overlaps: tuple[Overlap, ...] = field(default=())
    due_changes: tuple[DueChange, ...] = field(default=())

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
    today: date,
    user: User | None = None,
    source: str = "",
    label: str = "",
    progress: Progress | None = None,
) -> ImportSummary:
    """Write the dataset's children and records (and the unit's, when given) in one transaction,
    then store every child's next meeting as it stands on `today` (ADR 0009).

    Idempotent: importing the same data again changes nothing. Records are matched by natural
    key and updated; nothing is deleted. Returns, and keeps on the run, the children of the
    dataset's episodes left with overlapping ones and each next due date that moved from the
    schedule as it stood on `today` before the import (ADR 0018). Raises whatever stopped the
    import, after recording the failed `ImportRun`.
    """
    run = import_run_start(dataset=dataset, unit=unit, user=user, source=source, label=label)
    warnings = [str(problem) for problem in dataset.problems]
    try:
        with transaction.atomic():
            # "Before" is the schedule for `today` without the import: brought up to date
            # first, so neither a new day nor a record saved since is put down to the import.
            schedule_ensure_current(today=today)
            before = stored_next_due()
            tables, pks = _write(dataset, unit, warnings.append, progress or (lambda _step: None))
            analyse_after_import()
            schedule_refresh(today=today)
            moved = due_changes(before, stored_next_due())
            overlaps = _overlaps_left(dataset, pks)
    except Exception as error:
        import_run_fail(run=run, error=f"{type(error).__name__}: {error}")
        raise
    import_run_succeed(
        run=run, tables=tables, warnings=warnings, overlaps=overlaps, due_changes=moved
    )
    return ImportSummary(
        run_id=run.pk,
        tables=tables,
        warnings=tuple(warnings),
        overlaps=tuple(overlaps),
        due_changes=tuple(moved),
    )


def _overlaps_left(dataset: Dataset, pks: dict[str, int]) -> list[Overlap]:
    """The children of the dataset's episodes whose stored episodes, earlier imports' as well
    as these, overlap."""
    episodes = dataset.episodes.select("CHILD", "DECOM").drop_nulls()
    children = {pks[child] for child in episodes.get_column("CHILD").unique()}
    pairs = overlapping_episodes_of(children)
    if not pairs:
        return []
    ids = {pk: child for child, pk in pks.items() if pk in pairs}
    mine = episodes.filter(pl.col("CHILD").is_in(list(ids.values())))
    return overlaps_of(pairs, child_ids=ids, in_import=set(mine.iter_rows()))


# The tables an import writes in bulk (the children's records and allocations).
ANALYSED: tuple[type[Model], ...] = (
    Child,
    *(t.model for t in CHILD_TABLES),
    CpPlanReview,
    Allocation,
)
STEPS = ("children", *(t.name for t in CHILD_TABLES), "cp_reviews", "unit")


def _write(
    dataset: Dataset, unit: UnitData | None, warn: Callable[[str], None], progress: Progress
) -> tuple[dict[str, TableCount], dict[str, int]]:
    """Every table written; returns their counts and the children's primary keys by ID."""
    unit_ids = unit.child_ids() if unit else set()
    count, pks = returns.children_import(dataset=dataset, other_ids=unit_ids)
    tables = {"children": count}
    progress("children")
    for table in CHILD_TABLES:
        tables[table.name] = returns.child_table_import(
            table=table, dataset=dataset, pks=pks, warn=warn
        )
        progress(table.name)
    tables["cp_reviews"] = returns.plan_reviews_import(dataset=dataset, pks=pks, warn=warn)
    progress("cp_reviews")
    if unit is not None:
        rag_reasons_sync()
        tables |= unit_import.import_unit(unit=unit, children=pks, warn=warn)
    progress("unit")
    return tables, pks


def analyse_after_import() -> None:
    """Give PostgreSQL's planner statistics for what was just written (autovacuum may be off,
    or not yet have run): without them, big imports leave the pages with poor plans."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in ANALYSED:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
