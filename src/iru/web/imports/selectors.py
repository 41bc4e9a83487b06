"""Reads of imports: the runs, the database read back into an `iru.data.Dataset`, and the
figures on it (so figures on the database and on the files are computed by the same code)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict

from django.core.cache import cache
from django.db.models import Min, QuerySet
from django.http import Http404

from iru.data.dataset import Dataset
from iru.figures import compute_figures
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.children.models import CpPlanReview, LacReview
from iru.web.children.selectors import ReturnsFrames, UnitWrites, returns_frames
from iru.web.imports.findings import DueChange, Overlap
from iru.web.imports.models import ImportRun
from iru.web.imports.unit_records import records_version, unit_records_exist, unit_writes
from iru.web.people.models import User

FIGURES_CACHE_SECONDS = 24 * 60 * 60
INPUT_FLAGS = ("has_header", "has_episodes", "has_reviews", "has_cin")


def dataset_from_database(*, returns_only: UnitWrites | None = None) -> Dataset:
    """Every child's records as the Dataset's frames, with the DfE column names; with
    `returns_only`, what the returns alone hold (ADR 19)."""
    frames = returns_frames(returns_only=returns_only)
    return Dataset(**frames, **_inputs(frames))


class InputFlags(TypedDict):
    has_header: bool
    has_episodes: bool
    has_reviews: bool
    has_cin: bool


def _inputs(frames: ReturnsFrames) -> InputFlags:
    """Which inputs were ever present: rows in the database or a successful import's flags."""
    recorded = dict.fromkeys(INPUT_FLAGS, False)
    runs = ImportRun.objects.filter(status=ImportRun.Status.SUCCEEDED).values_list(
        "inputs", flat=True
    )
    for inputs in runs:
        for key in recorded:
            recorded[key] = recorded[key] or bool(inputs.get(key))
    return InputFlags(
        has_header=recorded["has_header"] or not frames["header"].is_empty(),
        has_episodes=recorded["has_episodes"] or not frames["episodes"].is_empty(),
        has_reviews=recorded["has_reviews"] or not frames["reviews"].is_empty(),
        has_cin=recorded["has_cin"]
        or not frames["cin_children"].is_empty()
        or not frames["cin_details"].is_empty(),
    )


def latest_import_id() -> int | None:
    runs = ImportRun.objects.filter(status=ImportRun.Status.SUCCEEDED)
    return runs.order_by("-pk").values_list("pk", flat=True).first()


@dataclass(frozen=True)
class YearFigures:
    """A year's figures on what the unit knows (the returns and the meetings recorded here
    since), and on the returns alone when the two differ (else None): ADR 19."""

    figures: dict[str, Any]
    returns: dict[str, Any] | None


def year_figures(*, year_end: date, today: date) -> YearFigures:
    """`compute_figures` on the database for `year_end`, and on the returns alone when the
    unit has recorded what no return holds yet (ADR 0005, ADR 19).

    Each is cached for the day: what the unit knows per latest successful import and latest
    change to the meetings; the returns alone per import only, since only an import changes
    them (a meeting recorded, corrected or cancelled touches only what they leave out).
    """
    latest = latest_import_id()
    imported = f"{year_end.isoformat()}:{latest}:{today.isoformat()}"
    meetings, links = records_version()
    figures = _figures(f"iru:figures:{imported}:{meetings}-{links}", year_end, None)
    writes, differ = _unit_writes(f"{latest}:{today.isoformat()}:{meetings}-{links}")
    returns = None
    if differ:
        returns = _figures(f"iru:figures:returns:{imported}", year_end, writes)
    return YearFigures(figures=figures, returns=returns)


def _unit_writes(version: str) -> tuple[UnitWrites, bool]:
    """`unit_writes` and whether the unit's records differ from the returns, cached like the
    figures: only an import or a meeting recorded, corrected or cancelled changes them (a
    report reads three years, and each read looked through every initial conference)."""
    key = f"iru:unit-writes:{version}"
    found: tuple[UnitWrites, bool] | None = cache.get(key)
    if found is None:
        writes = unit_writes()
        found = (writes, unit_records_exist(writes))
        cache.set(key, found, FIGURES_CACHE_SECONDS)
    return found


def _figures(key: str, year_end: date, returns_only: UnitWrites | None) -> dict[str, Any]:
    figures: dict[str, Any] | None = cache.get(key)
    if figures is None:
        figures = compute_figures(dataset_from_database(returns_only=returns_only), year_end)
        cache.set(key, figures, FIGURES_CACHE_SECONDS)
    return figures


# Lists a run keeps in full (ADR 0018): read on a run's own pages, never for the list of runs.
RUN_LISTS = ("problems", "overlaps", "due_changes")


def import_runs() -> QuerySet[ImportRun]:
    """Every run, newest first, without the lists each run keeps (their counts are there)."""
    runs = ImportRun.objects.select_related("user").defer(*RUN_LISTS)
    return runs.order_by("-started_at", "-pk")


def import_run(pk: int) -> ImportRun:
    run = ImportRun.objects.select_related("user").filter(pk=pk).first()
    if run is None:
        raise Http404("No such import")
    return run


def import_run_for_user(user: User, pk: int, *, path: str = "") -> ImportRun:
    """One run for its page, the read logged: what it left to check names children and their
    records (every child: only admin and the Head of Service see runs)."""
    run = import_run(pk)
    access_event_record(user=user, action="view_import_run", outcome=ALLOWED, path=path)
    return run


def run_overlaps(run: ImportRun, *, first: int | None = None) -> list[Overlap]:
    """The children the run left with overlapping episodes (the `first` of them), by child ID."""
    return [Overlap.from_json(o) for o in run.overlaps[:first]]


def run_due_changes(run: ImportRun, *, first: int | None = None) -> list[DueChange]:
    """The next due dates the run moved (the `first` of them), soonest first."""
    return [DueChange.from_json(c) for c in run.due_changes[:first]]


def only_imports_labelled(prefix: str) -> bool:
    """Whether the database holds imports, every one of them labelled `prefix...` (the demo's:
    a database of anyone's real returns has others)."""
    runs = ImportRun.objects.all()
    return runs.exists() and not runs.exclude(label__startswith=prefix).exists()


def demo_already_imported(label: str) -> bool:
    """A successful run with this label (the demo's seed, scale and day) exists."""
    return ImportRun.objects.filter(label=label, status=ImportRun.Status.SUCCEEDED).exists()


def statutory_figures(*, year_end: date, today: date) -> dict[str, Any]:
    """The year's figures as the returns have them (the statutory ones, ADR 19): the annual
    report's."""
    year = year_figures(year_end=year_end, today=today)
    return year.figures if year.returns is None else year.returns


def report_year_ends(*, today: date) -> list[date]:
    """The 31 March year ends the data covers, latest first: from the first year holding a
    review (a return holds the reviews of its own year, where episodes and referrals reach
    back years before it) to the latest year that has ended before `today`."""
    first = [
        LacReview.objects.aggregate(first=Min("review"))["first"],
        CpPlanReview.objects.aggregate(first=Min("review_date"))["first"],
    ]
    known = [day for day in first if day is not None]
    if not known:
        return []
    start = min(known)
    first_end = date(start.year + (start.month > 3), 3, 31)
    last_end = date(today.year - (today <= date(today.year, 3, 31)), 3, 31)
    return [date(year, 3, 31) for year in range(last_end.year, first_end.year - 1, -1)]
