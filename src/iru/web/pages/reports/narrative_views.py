"""Writing a section of a report's narrative: Markdown, a preview, every version kept. The
annual report's sections, and the monthly RAG report's commentary."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from iru.reports.annual import year_label
from iru.reports.narrative import narrative_section
from iru.web import clock
from iru.web.core.forms import add_service_errors, posted
from iru.web.pages.reports.access import report_writer_required
from iru.web.pages.reports.annual_views import covered_year_end, page_context
from iru.web.pages.reports.forms import NarrativeForm
from iru.web.people.access import SignedInRequest
from iru.web.reports.rag import rag_months
from iru.web.reports.records import narrative_history, narrative_text
from iru.web.reports.services.narrative import narrative_save


@report_writer_required
@require_http_methods(["GET", "POST"])
def narrative(request: SignedInRequest, year_end: str, key: str) -> HttpResponse:
    """One section of the annual report."""
    day = covered_year_end(year_end, today=clock.today())
    back = reverse("reports:annual", kwargs={"year_end": day.isoformat()})
    return _narrative(request, "annual", day.isoformat(), key,
                      back=f"{back}#section-{key.replace('_', '-')}",
                      label=f"Annual report {year_label(day)}")  # fmt: skip


@report_writer_required
@require_http_methods(["GET", "POST"])
def rag_narrative(request: SignedInRequest, month: str, key: str) -> HttpResponse:
    """The commentary of a month's RAG report (the unit's: the Head of Service's words)."""
    try:
        first = date.fromisoformat(f"{month}-01")
    except ValueError:
        raise Http404("Not a month") from None
    if first not in rag_months(request.user, today=clock.today()).months:
        raise Http404("No ratings that month")
    back = reverse("reports:rag-report") + f"?month={month}"
    return _narrative(request, "rag", month, key, back=back,
                      label=f"Monthly RAG report, {first:%B %Y}")  # fmt: skip


def _narrative(
    request: SignedInRequest, kind: str, period: str, key: str, *, back: str, label: str
) -> HttpResponse:
    """ "Preview" shows the words as the report will; "Save" keeps them as a new version."""
    try:
        section = narrative_section(kind, key)
    except KeyError:
        raise Http404("No such section") from None
    record = narrative_text(kind=kind, period=period, key=key)
    form = NarrativeForm(posted(request), initial={"text": record.text if record else ""})
    preview = None
    if form.is_valid():
        if request.POST.get("action") == "preview":
            preview = form.cleaned_data["text"]
        else:
            try:
                narrative_save(user=request.user, kind=kind, period=period, key=key,
                               text=form.cleaned_data["text"], now=clock.now())  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"{section.title} saved")
                return redirect(back)
    context = page_context(
        request, form=form, section=section, label=label, back=back, preview=preview,
        history=narrative_history(record) if record else [],
    )  # fmt: skip
    return render(request, "reports/narrative.html", context)
