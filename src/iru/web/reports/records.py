"""Reads of what the unit adds to its reports and of what it has published."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from iru.reports.benchmarks import Benchmark as BenchmarkValue
from iru.reports.benchmarks import Benchmarks
from iru.web.core.history import Change, record_history
from iru.web.reports.models import Benchmark, NarrativeText, PublishedFile, PublishedReport


def narrative_texts(*, kind: str, period: str) -> dict[str, str]:
    """The narrative of one report, by section key."""
    texts = NarrativeText.objects.filter(kind=kind, period=period)
    return dict(texts.values_list("key", "text"))


def narrative_text(*, kind: str, period: str, key: str) -> NarrativeText | None:
    return NarrativeText.objects.filter(kind=kind, period=period, key=key).first()


def narrative_history(text: NarrativeText) -> list[Change]:
    """Every version of a section's words: who saved it, when, from and to."""
    return record_history(text, {"text": "Text"})


def benchmark_records() -> QuerySet[Benchmark]:
    return Benchmark.objects.select_related("recorded_by").order_by(
        "measure", "comparator", "-year_end"
    )


def benchmark_record(pk: int) -> Benchmark:
    found = Benchmark.objects.filter(pk=pk).first()
    if found is None:
        raise Http404("No such comparator value")
    return found


def benchmark_history(benchmark: Benchmark) -> list[Change]:
    return record_history(benchmark, {"value": "Value", "source": "Source"})


def benchmarks() -> Benchmarks:
    """Every value entered, as the pure report reads them."""
    return Benchmarks.of(
        BenchmarkValue(b.measure, b.comparator, b.year_end, float(b.value), b.source)  # type: ignore[arg-type]
        for b in Benchmark.objects.all()
    )


def published_versions(*, kind: str, period: str) -> list[PublishedReport]:
    """Every version published of one report, latest first, without their documents."""
    reports = PublishedReport.objects.filter(kind=kind, period=period).defer("document")
    return list(reports.select_related("published_by").order_by("-version"))


def published_periods(*, kind: str) -> dict[str, int]:
    """The periods of a kind with a published version, and their latest version."""
    latest: dict[str, int] = {}
    for period, version in PublishedReport.objects.filter(kind=kind).values_list(
        "period", "version"
    ):
        latest[period] = max(version, latest.get(period, 0))
    return latest


def published_report(*, kind: str, period: str, version: int) -> PublishedReport:
    found = PublishedReport.objects.filter(kind=kind, period=period, version=version).first()
    if found is None:
        raise Http404("No such published report")
    return found


def published_file(*, report: PublishedReport, format: str, edition: str) -> PublishedFile:
    found = PublishedFile.objects.filter(report=report, format=format, edition=edition).first()
    if found is None:
        raise Http404("No such file of the published report")
    return found


def published_file_content(
    *, kind: str, period: str, version: int | None, format: str, edition: str
) -> bytes:
    """The bytes of a published report's file (the latest version unless `version` is given);
    LookupError, with a sentence saying why, when there is none."""
    versions = PublishedReport.objects.filter(kind=kind, period=period)
    report = (
        versions.filter(version=version).first()
        if version is not None
        else versions.order_by("-version").first()
    )
    if report is None:
        which = f"version {version} of " if version is not None else ""
        raise LookupError(f"{which}the {kind} report for {period} has not been published")
    stored = PublishedFile.objects.filter(report=report, format=format, edition=edition).first()
    if stored is None:
        raise LookupError(f"version {report.version} has no {format} file ({edition} edition)")
    return bytes(stored.content)
