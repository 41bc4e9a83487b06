"""Publishing the annual report, and the published versions: frozen, downloadable unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from iru.reports.annual import year_label
from iru.reports.document import from_json
from iru.web import clock
from iru.web.core.forms import add_service_errors, posted
from iru.web.pages.reports.access import report_writer_required, unit_reports_required
from iru.web.pages.reports.annual_views import (
    attachment,
    covered_year_end,
    draft_annual,
    page_context,
)
from iru.web.pages.reports.forms import PublishForm
from iru.web.people.access import SignedInRequest
from iru.web.reports.access import report_downloaded, report_viewed
from iru.web.reports.outputs import EDITIONS, FORMATS, every_file
from iru.web.reports.records import published_file, published_report, published_versions
from iru.web.reports.services.publishing import report_publish


@report_writer_required
@require_http_methods(["GET", "POST"])
def publish(request: SignedInRequest, year_end: str) -> HttpResponse:
    """Confirm, then freeze the report as it is today: its numbers, its words and its files."""
    today = clock.today()
    day = covered_year_end(year_end, today=today)
    period = day.isoformat()
    versions = published_versions(kind="annual", period=period)
    form = PublishForm(posted(request), needs_reason=bool(versions))
    if form.is_valid():
        document = replace(draft_annual(day, today=today), status="published")
        try:
            report = report_publish(
                user=request.user, document=document, files=every_file(document),
                reason=form.cleaned_data["reason"], now=clock.now(),
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Version {report.version} published")
            return redirect("reports:published", year_end=period, version=report.version)
    context = page_context(request, form=form, year_end=day, label=year_label(day),
                           versions=versions)  # fmt: skip
    return render(request, "reports/publish.html", context)


@unit_reports_required
@require_GET
def published(request: SignedInRequest, year_end: str, version: int) -> HttpResponse:
    """A published version as it was on the day, whatever has been imported since."""
    report = published_report(kind="annual", period=year_end, version=version)
    report_viewed(user=request.user, kind="annual", period=year_end, path=request.get_full_path())
    context = page_context(
        request, report=report, document=from_json(report.document),
        label=year_label(date.fromisoformat(year_end)), formats=FORMATS, editions=EDITIONS,
    )  # fmt: skip
    return render(request, "reports/published.html", context)


@unit_reports_required
@require_GET
def published_download(
    request: SignedInRequest, year_end: str, version: int, format: str, edition: str
) -> HttpResponse:
    """A file of a published version: the bytes kept on the day it was published."""
    if format not in FORMATS or edition not in EDITIONS:
        raise Http404("No such file")
    report = published_report(kind="annual", period=year_end, version=version)
    stored = published_file(report=report, format=format, edition=edition)
    report_downloaded(user=request.user, kind="annual", period=year_end, format=format,
                      edition=edition, path=request.get_full_path())  # fmt: skip
    name = f"annual-report-{year_end}-{edition}-v{version}.{FORMATS[format].extension}"
    return attachment(bytes(stored.content), format, name)
