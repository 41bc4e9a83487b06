"""The upload service: files from the web form, read and imported all or nothing.

A file that cannot be read at all refuses the whole upload (nothing is imported) and the
refusal is kept as a failed `ImportRun`; row problems never stop an import and are returned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError

from iru.data import Problem, UnreadableFile, read_files
from iru.web.imports.models import ImportRun
from iru.web.imports.services.dataset import ImportSummary, import_dataset
from iru.web.imports.services.runs import import_run_fail, import_run_start
from iru.web.people.models import User


@dataclass(frozen=True)
class UploadOutcome:
    """What became of an upload: imported (with its row problems), or refused and why."""

    run_id: int
    summary: ImportSummary | None = None
    problems: tuple[Problem, ...] = field(default=())
    refused_file: str = ""
    reason: str = ""

    @property
    def imported(self) -> bool:
        return self.summary is not None


def upload_refused(*, names: Sequence[str], reasons: Sequence[str], user: User) -> ImportRun:
    """Keep a refused upload (a picture, an empty or oversized file) in the history of imports,
    as a failed run naming why: nothing was read, nothing imported."""
    _check_admin(user)
    source = ("Upload: " + ", ".join(names))[:500]
    run = import_run_start(dataset=None, unit=None, user=user, source=source)
    import_run_fail(run=run, error="; ".join(reasons))
    return run


def _check_admin(user: User) -> None:
    if not getattr(user, "is_authenticated", False) or user.role != User.Role.ADMIN:
        raise PermissionDenied("only admin upload files")


def dataset_upload(*, files: Sequence[tuple[str, bytes]], user: User, today: date) -> UploadOutcome:
    """Read `files` (name, content) as one source and import them as of `today`. Admin only."""
    _check_admin(user)
    source = ("Upload: " + ", ".join(name for name, _ in files))[:500]
    try:
        dataset = read_files(files)
    except UnreadableFile as error:
        run = import_run_start(dataset=None, unit=None, user=user, source=source)
        import_run_fail(run=run, error=str(error))
        return UploadOutcome(run_id=run.pk, refused_file=error.file, reason=error.reason)
    try:
        summary = import_dataset(dataset=dataset, unit=None, user=user, source=source, today=today)
    except (DatabaseError, ValueError) as error:  # recorded as a failed run by the service
        return UploadOutcome(run_id=0, refused_file="", reason=f"the import failed ({error})")
    return UploadOutcome(run_id=summary.run_id, summary=summary, problems=tuple(dataset.problems))
