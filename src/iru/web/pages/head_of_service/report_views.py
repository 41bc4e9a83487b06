"""The Annual Independent Chairperson's Report, in the app: read-only, the returns' figures."""

from __future__ import annotations

from datetime import date

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from iru.reports.annual import annual_report, year_before, year_label
from iru.web import clock
from iru.web.imports.selectors import report_year_ends, statutory_figures
from iru.web.pages.head_of_service.access import head_of_service_required
from iru.web.people.access import SignedInRequest


class YearForm(forms.Form):
    year_end = forms.TypedChoiceField(
        label="Year ending", coerce=date.fromisoformat, choices=(),
        error_messages={"invalid_choice": "Choose a year the data covers"},
    )  # fmt: skip

    def __init__(self, *args: object, year_ends: list[date], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["year_end"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(day.isoformat(), f"{day:%-d %B %Y} ({year_label(day)})")
                         for day in year_ends]  # fmt: skip


@head_of_service_required
@require_GET
def annual(request: SignedInRequest) -> HttpResponse:
    today = clock.today()
    year_ends = report_year_ends(today=today)
    data = request.GET if "year_end" in request.GET else None
    initial = {"year_end": year_ends[0].isoformat()} if year_ends else {}
    form = YearForm(data, initial=initial, year_ends=year_ends)
    report = None
    if year_ends and (data is None or form.is_valid()):
        year_end = form.cleaned_data["year_end"] if data is not None else year_ends[0]
        this = statutory_figures(year_end=year_end, today=today)
        before = year_before(year_end)
        last = statutory_figures(year_end=before, today=today) if before in year_ends else None
        report = annual_report(this, last, year_end)
    context = {"form": form, "report": report, "year_ends": year_ends, "nav": "reports"}
    return render(request, "head_of_service/report_annual.html", context)
