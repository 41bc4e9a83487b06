"""The monthly RAG report, for the Head of Service, admin, chairs and team managers: the month's
ratings, reasons, themes, responses and open escalations of the children each may see (the
unit, a chair's own children, a team manager's team's), on the page and as a download."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from iru.reports.document import Edition
from iru.web import clock
from iru.web.core.access import role_required
from iru.web.disputes.selectors.report import rag_report_viewed
from iru.web.pages.common.forms import MonthForm
from iru.web.pages.reports.annual_views import attachment, page_context
from iru.web.people.access import SignedInRequest
from iru.web.people.roles import ADMIN, CHAIR, HEAD_OF_SERVICE, TEAM_MANAGER
from iru.web.reports.access import report_downloaded
from iru.web.reports.outputs import (
    DOWNLOADS,
    EDITIONS,
    FORMATS,
    edition_of,
    file_name,
    render_file,
)
from iru.web.reports.rag import rag_document_for, rag_months, whose

READERS = (HEAD_OF_SERVICE, ADMIN, CHAIR, TEAM_MANAGER)


@role_required(*READERS)
@require_GET
def rag_report(request: SignedInRequest) -> HttpResponse:
    today, user = clock.today(), request.user
    months = rag_months(user, today=today)
    data = request.GET if "month" in request.GET else None
    initial = {"month": f"{months.default:%Y-%m}"} if months.default else {}
    form = MonthForm(data, initial=initial, months=months.months)
    document = None
    if months.default and (data is None or form.is_valid()):
        month = form.cleaned_data["month"] if data is not None else months.default
        document = rag_document_for(user, month=month, today=today)
    rag_report_viewed(user, path=request.get_full_path())
    context = page_context(
        request, form=form, months=months.months, document=document, whose=whose(user),
        downloads=DOWNLOADS, editions=EDITIONS, nav="rag-report",
    )  # fmt: skip
    return render(request, "reports/rag_month.html", context)


@role_required(*READERS)
@require_GET
def rag_download(request: SignedInRequest, month: str, format: str) -> HttpResponse:
    """The month's report, of the children the user may see, as a file in the edition asked
    for (`?edition=public`, else the full figures)."""
    today, user = clock.today(), request.user
    if format not in FORMATS:
        raise Http404("No such format")
    try:
        first = date.fromisoformat(f"{month}-01")
    except ValueError:
        raise Http404("Not a month") from None
    if first not in rag_months(user, today=today).months:
        raise Http404("No ratings that month")
    edition: Edition = "public" if request.GET.get("edition") == "public" else "full"
    document = edition_of(rag_document_for(user, month=first, today=today), edition)
    report_downloaded(user=user, kind="rag", period=month, format=format, edition=edition,
                      path=request.get_full_path())  # fmt: skip
    return attachment(render_file(document, format), format, file_name(document, format))
