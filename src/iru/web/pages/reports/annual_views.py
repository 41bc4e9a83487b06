"""The annual report: the years the data covers, the draft of one, its downloads."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from iru.reports.annual import annual_document, year_label
from iru.reports.document import Edition, ReportDocument
from iru.reports.narrative import ANNUAL
from iru.web import clock
from iru.web.imports.selectors import report_year_ends
from iru.web.pages.reports.access import unit_reports_required
from iru.web.pages.reports.forms import YearForm
from iru.web.people.access import SignedInRequest
from iru.web.reports.access import may_write_reports, report_downloaded, report_viewed
from iru.web.reports.inputs import annual_inputs
from iru.web.reports.outputs import (
    DOWNLOADS,
    EDITIONS,
    FORMATS,
    edition_of,
    file_name,
    render_file,
)
from iru.web.reports.records import published_periods, published_versions


def page_context(request: SignedInRequest, **context: Any) -> dict[str, Any]:
    """What every report page needs: the role's layout and whether the user may write."""
    head = request.user.role == "head_of_service"
    return {
        "layout": "head_of_service/layout.html" if head else "reports/_layout.html",
        "nav": "reports",
        "may_write": may_write_reports(request.user),
        **context,
    }


def covered_year_end(value: str, *, today: date) -> date:
    """The year end in a URL, when it is one the data covers: else 404."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise Http404("Not a year end") from None
    if day not in report_year_ends(today=today):
        raise Http404("The data does not cover that year")
    return day


def draft_annual(year_end: date, *, today: date) -> ReportDocument:
    return annual_document(annual_inputs(year_end=year_end, today=today))


@unit_reports_required
@require_GET
def index(request: SignedInRequest) -> HttpResponse:
    """Every year the data covers, each with its draft and what has been published of it."""
    today = clock.today()
    year_ends = report_year_ends(today=today)
    form = YearForm(request.GET or None, year_ends=year_ends)
    if request.GET and form.is_valid():
        return redirect("reports:annual", year_end=form.cleaned_data["year_end"].isoformat())
    published = published_periods(kind="annual")
    years = [(day, year_label(day), published.get(day.isoformat())) for day in year_ends]
    context = page_context(request, form=form, years=years)
    return render(request, "reports/index.html", context)


@unit_reports_required
@require_GET
def annual(request: SignedInRequest, year_end: str) -> HttpResponse:
    today = clock.today()
    day = covered_year_end(year_end, today=today)
    document = draft_annual(day, today=today)
    report_viewed(user=request.user, kind="annual", period=day.isoformat(),
                  path=request.get_full_path())  # fmt: skip
    context = page_context(
        request, document=document, year_end=day, label=year_label(day),
        versions=published_versions(kind="annual", period=day.isoformat()),
        downloads=DOWNLOADS, editions=EDITIONS, narrative_sections=ANNUAL,
    )  # fmt: skip
    return render(request, "reports/annual.html", context)


@unit_reports_required
@require_GET
def annual_download(request: SignedInRequest, year_end: str, format: str) -> HttpResponse:
    """The draft as a file, in the edition asked for (`?edition=public` or full)."""
    if format not in FORMATS:
        raise Http404("No such format")
    today = clock.today()
    day = covered_year_end(year_end, today=today)
    edition: Edition = "public" if request.GET.get("edition") == "public" else "full"
    document = edition_of(draft_annual(day, today=today), edition)
    report_downloaded(user=request.user, kind="annual", period=day.isoformat(), format=format,
                      edition=edition, path=request.get_full_path())  # fmt: skip
    return attachment(render_file(document, format), format, file_name(document, format))


def attachment(content: bytes, format: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=FORMATS[format].content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
