"""The record of each import run, kept even when the import fails (written outside the
import's transaction)."""

from __future__ import annotations

from django.utils import timezone

from iru.data.dataset import SCHEMAS, Dataset
from iru.data.unit_rows import UnitData
from iru.web.core.upsert import TableCount
from iru.web.imports.findings import DueChange, Overlap
from iru.web.imports.models import ImportRun
from iru.web.people.models import User

MAX_STORED_PROBLEMS = 1000
INPUT_FLAGS = ("has_header", "has_episodes", "has_reviews", "has_cin")


def import_run_start(
    *,
    dataset: Dataset | None,
    unit: UnitData | None,
    user: User | None,
    source: str,
    label: str = "",
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
        started_at=timezone.now(),
        source=source,
        label=label,
        files=sorted(files),
        inputs=inputs,
    )


def import_run_fail(*, run: ImportRun, error: str) -> None:
    run.status, run.error, run.finished_at = ImportRun.Status.FAILED, error, timezone.now()
    run.save(update_fields=["status", "error", "finished_at"])


def import_run_succeed(
    *,
    run: ImportRun,
    tables: dict[str, TableCount],
    warnings: list[str],
    overlaps: list[Overlap],
    due_changes: list[DueChange],
) -> None:
    """Keep what the import did: its counts, the files' problems (the first
    MAX_STORED_PROBLEMS, and how many), and every overlap and due date change (ADR 0018)."""
    run.status, run.finished_at = ImportRun.Status.SUCCEEDED, timezone.now()
    run.counts = {name: count.as_json() for name, count in tables.items()}
    run.problems = warnings[:MAX_STORED_PROBLEMS]
    run.problem_count = len(warnings)
    run.overlaps, run.overlap_count = [o.as_json() for o in overlaps], len(overlaps)
    run.due_changes, run.due_change_count = [c.as_json() for c in due_changes], len(due_changes)
    run.save(
        update_fields=["status", "finished_at", "counts", "problems", "problem_count",
                       "overlaps", "overlap_count", "due_changes", "due_change_count"]
    )  # fmt: skip
