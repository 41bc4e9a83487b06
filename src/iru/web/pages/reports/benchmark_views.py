"""England and statistical-neighbour values: the list, entering and correcting one, removing one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from iru.reports.benchmarks import MEASURES
from iru.web import clock
from iru.web.core.forms import add_service_errors, posted
from iru.web.pages.reports.access import report_writer_required, unit_reports_required
from iru.web.pages.reports.annual_views import page_context
from iru.web.pages.reports.forms import (
    BenchmarkCorrectForm,
    BenchmarkForm,
    BenchmarkRemoveForm,
)
from iru.web.people.access import SignedInRequest
from iru.web.reports.records import benchmark_history, benchmark_record, benchmark_records
from iru.web.reports.services.benchmarks import (
    benchmark_add,
    benchmark_correct,
    benchmark_remove,
)


@unit_reports_required
@require_http_methods(["GET", "POST"])
def benchmarks(request: SignedInRequest) -> HttpResponse:
    """Every value entered; the Head of Service enters a new one (or corrects one entered for
    the same measure, comparator and year) below."""
    today = clock.today()
    form = BenchmarkForm(posted(request), today=today)
    if request.method == "POST" and form.is_valid():
        try:
            benchmark_add(user=request.user, **form.cleaned_data, today=today,
                          now=clock.now())  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Comparator value saved")
            return redirect("reports:benchmarks")
    values = [(value, MEASURES.get(value.measure, value.measure))
              for value in benchmark_records()]  # fmt: skip
    context = page_context(request, form=form, values=values)
    return render(request, "reports/benchmarks.html", context)


@report_writer_required
@require_http_methods(["GET", "POST"])
def benchmark_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    """Correct a value or its source: the measure, comparator and year stay (a value for
    another year is a new one)."""
    record = benchmark_record(pk)
    initial = {"value": record.value, "source": record.source}
    form = BenchmarkCorrectForm(posted(request), initial=initial)
    if form.is_valid():
        try:
            benchmark_correct(user=request.user, benchmark=record, **form.cleaned_data,
                              today=clock.today(), now=clock.now())  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Comparator value corrected")
            return redirect("reports:benchmarks")
    measure = MEASURES.get(record.measure)
    context = page_context(request, form=form, record=record, measure=measure,
                           history=benchmark_history(record))  # fmt: skip
    return render(request, "reports/benchmark_edit.html", context)


@report_writer_required
@require_http_methods(["GET", "POST"])
def benchmark_remove_view(request: SignedInRequest, pk: int) -> HttpResponse:
    """Removing a value loses it from the reports: confirmed first, with a reason."""
    record = benchmark_record(pk)
    form = BenchmarkRemoveForm(posted(request))
    if form.is_valid():
        try:
            benchmark_remove(user=request.user, benchmark=record,
                             reason=form.cleaned_data["reason"])  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Comparator value removed")
            return redirect("reports:benchmarks")
    context = page_context(request, form=form, record=record, measure=MEASURES.get(record.measure))
    return render(request, "reports/benchmark_remove.html", context)
