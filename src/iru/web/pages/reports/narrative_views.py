"""Writing a section of the annual report's narrative: Markdown, a preview, every version kept."""

from __future__ import annotations

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
from iru.web.reports.records import narrative_history, narrative_text
from iru.web.reports.services.narrative import narrative_save


@report_writer_required
@require_http_methods(["GET", "POST"])
def narrative(request: SignedInRequest, year_end: str, key: str) -> HttpResponse:
    """One section's words: "Preview" shows them as the report will, "Save" keeps them."""
    day = covered_year_end(year_end, today=clock.today())
    try:
        section = narrative_section("annual", key)
    except KeyError:
        raise Http404("No such section") from None
    period = day.isoformat()
    record = narrative_text(kind="annual", period=period, key=key)
    form = NarrativeForm(posted(request), initial={"text": record.text if record else ""})
    preview = None
    if form.is_valid():
        if request.POST.get("action") == "preview":
            preview = form.cleaned_data["text"]
        else:
            try:
                narrative_save(user=request.user, kind="annual", period=period, key=key,
                               text=form.cleaned_data["text"], now=clock.now())  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"{section.title} saved")
                page = reverse("reports:annual", kwargs={"year_end": period})
                return redirect(f"{page}#section-{key.replace('_', '-')}")
    context = page_context(
        request, form=form, section=section, year_end=day, label=year_label(day),
        preview=preview, history=narrative_history(record) if record else [],
    )  # fmt: skip
    return render(request, "reports/narrative.html", context)
