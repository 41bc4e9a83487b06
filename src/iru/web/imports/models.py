"""A record of every import, kept even when the import fails."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportRun(models.Model):
    """One run of the import service. Written outside the import's transaction."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=500, blank=True)  # what was imported, e.g. a path
    label = models.CharField(max_length=200, blank=True, db_index=True)  # e.g. the demo's seed
    files = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    counts = models.JSONField(default=dict)
    inputs = models.JSONField(default=dict)  # the Dataset's has_* flags
    problems = models.JSONField(default=list)  # the first MAX_STORED_PROBLEMS, as text
    problem_count = models.PositiveIntegerField(default=0)  # all of them
    # What the import left for admin to look at (ADR 0018), every one, as `imports.findings`
    # writes them; the counts let the history list them without reading the lists.
    overlaps = models.JSONField(default=list)  # children left with overlapping episodes
    overlap_count = models.PositiveIntegerField(default=0)
    due_changes = models.JSONField(default=list)  # next due dates the import moved
    due_change_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
