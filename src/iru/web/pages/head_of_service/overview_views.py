"""Dashboard and caseloads: read-only pages."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from iru.rules.caseloads import HANDBOOK_HIGH, HANDBOOK_LOW
from iru.rules.years import current_year_end
from iru.web import clock
from iru.web.caseloads import presenters
from iru.web.caseloads.selectors import chair_caseloads
from iru.web.disputes.selectors.overdue import overdue_response_count
from iru.web.disputes.selectors.records import open_escalations
from iru.web.imports.selectors import year_figures
from iru.web.pages.head_of_service.access import head_of_service_required
from iru.web.pages.head_of_service.dashboard import Dashboard
from iru.web.people.access import SignedInRequest


@head_of_service_required
@require_GET
def dashboard(request: SignedInRequest) -> HttpResponse:
    today = clock.today()
    year_end = current_year_end(today)
    year = year_figures(year_end=year_end, today=today)
    dashboard = Dashboard(
        figures=year.figures, returns=year.returns, year_end=year_end, today=today
    )
    context = {
        "dashboard": dashboard,
        "open_escalations": open_escalations(today=today),
        "overdue_responses": overdue_response_count(today=today),
        "nav": "dashboard",
    }
    return render(request, "head_of_service/dashboard.html", context)


@head_of_service_required
@require_GET
def caseloads(request: SignedInRequest) -> HttpResponse:
    today = clock.today()
    rows = presenters.caseload_rows(chair_caseloads(today=today))
    context = {
        "rows": rows,
        "total": presenters.caseload_total(rows),
        "low": HANDBOOK_LOW,
        "high": HANDBOOK_HIGH,
        "today": today,
        "nav": "caseloads",
    }
    return render(request, "head_of_service/caseloads.html", context)
