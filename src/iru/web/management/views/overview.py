"""Dashboard and caseloads: read-only pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from iru.web import clock
from iru.web.management import presenters, selectors
from iru.web.management.access import head_of_service_required
from iru.web.management.dashboard import Dashboard
from iru.web.management.years import current_year_end


@head_of_service_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    year_end = current_year_end(today)
    figures = selectors.year_figures(year_end=year_end, today=today)
    context = {
        "dashboard": Dashboard(figures=figures, year_end=year_end, today=today),
        "open_escalations": selectors.open_escalations(today=today),
        "overdue_responses": selectors.overdue_responses(today=today),
        "nav": "dashboard",
    }
    return render(request, "management/dashboard.html", context)


@head_of_service_required
@require_GET
def caseloads(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    rows = presenters.caseload_rows(selectors.chair_caseloads(today=today))
    context = {
        "rows": rows,
        "total": presenters.caseload_total(rows),
        "low": presenters.HANDBOOK_LOW,
        "high": presenters.HANDBOOK_HIGH,
        "today": today,
        "nav": "caseloads",
    }
    return render(request, "management/caseloads.html", context)
