"""What the unit adds to its reports, and the reports it has published.

- `NarrativeText`: the Head of Service's words for one section of one report (Markdown), every
  version kept with who wrote it and when.
- `Benchmark`: a comparator's value for a measure and year (England, statistical neighbours),
  with where it was published: entered by hand from the DfE's tables.
- `PublishedReport` and `PublishedFile`: a report frozen on the day it was published, as the
  document's JSON with its content hash and the files made from it then. Append-only: the app
  has no path that changes or deletes either (a correction is a new version).
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class ReportKind(models.TextChoices):
    ANNUAL = "annual", "Annual Independent Chairperson's Report"
    RAG = "rag", "Monthly RAG report"


class NarrativeText(models.Model):
    """One narrative section of one report: `period` is the year end (YYYY-MM-DD) for the
    annual report, the month (YYYY-MM) for the monthly one."""

    kind = models.CharField(max_length=8, choices=ReportKind.choices)
    period = models.CharField(max_length=10)
    key = models.CharField(max_length=32)
    text = models.TextField(max_length=20_000, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["kind", "period", "key"], name="narrative_once"),
        )


class Benchmark(models.Model):
    """A comparator's value of a measure for the year ending `year_end` (a percentage)."""

    class Comparator(models.TextChoices):
        ENGLAND = "england", "England"
        NEIGHBOURS = "neighbours", "Statistical neighbours"

    measure = models.CharField(max_length=64)  # a figure key: iru.reports.benchmarks.MEASURES
    comparator = models.CharField(max_length=12, choices=Comparator.choices)
    year_end = models.DateField()
    value = models.DecimalField(max_digits=4, decimal_places=1)
    source = models.CharField(max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["measure", "comparator", "year_end"], name="benchmark_once"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0) & Q(value__lte=100), name="benchmark_percentage"
            ),
            models.CheckConstraint(condition=~Q(source=""), name="benchmark_has_source"),
        )


class AppendOnlyError(Exception):
    """An attempt to change or delete a published report or its files."""


class _AppendOnly(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("a published report cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("a published report cannot be deleted")


class PublishedReport(_AppendOnly):
    """A report as published: version 1, or a later version published with a reason."""

    kind = models.CharField(max_length=8, choices=ReportKind.choices)
    period = models.CharField(max_length=10)
    version = models.PositiveSmallIntegerField()
    document = models.JSONField()  # iru.reports.document.to_json, the full edition
    content_hash = models.CharField(max_length=64)  # iru.reports.document.content_hash
    reason = models.TextField(blank=True)  # why a version after the first was published
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField()

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["kind", "period", "version"], name="publishedreport_version"
            ),
            models.CheckConstraint(
                condition=Q(version=1) | ~Q(reason=""), name="publishedreport_reason"
            ),
        )


class PublishedFile(_AppendOnly):
    """One output of a published report, as it was made on the day, with its SHA-256."""

    class Edition(models.TextChoices):
        FULL = "full", "Full figures, for use within the council"
        PUBLIC = "public", "For publication, small numbers suppressed"

    report = models.ForeignKey(PublishedReport, on_delete=models.PROTECT, related_name="files")
    format = models.CharField(max_length=5)  # html, pdf, docx, xlsx
    edition = models.CharField(max_length=6, choices=Edition.choices)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["report", "format", "edition"], name="publishedfile_once"
            ),
        )
