"""The RAG reason catalogue: list by meeting type and rating, add, reword, retire."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from iru.web.management import selectors
from iru.web.management.access import head_of_service_required, posted
from iru.web.management.catalogue import catalogue_groups
from iru.web.management.forms import ReasonAddForm, ReasonEditForm
from iru.web.rag import catalogue_services
from iru.web.rag.models import RagReason


@head_of_service_required
@require_GET
def reason_list(request: HttpRequest) -> HttpResponse:
    groups, uncatalogued = catalogue_groups(selectors.reasons_with_uses())
    context = {"groups": groups, "uncatalogued": uncatalogued, "nav": "reasons"}
    return render(request, "management/reason_list.html", context)


@head_of_service_required
@require_http_methods(["GET", "POST"])
def reason_add(request: HttpRequest) -> HttpResponse:
    form = ReasonAddForm(posted(request))
    if form.is_valid():
        try:
            reason = catalogue_services.rag_reason_add(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Reason {reason.code} added")
            return redirect("management:reasons")
    return render(request, "management/reason_add.html", {"form": form, "nav": "reasons"})


@head_of_service_required
@require_http_methods(["GET", "POST"])
def reason_edit(request: HttpRequest, pk: int) -> HttpResponse:
    reason = get_object_or_404(RagReason, pk=pk, in_catalogue=True)
    form = ReasonEditForm(posted(request), initial={"text": reason.text})
    if form.is_valid():
        try:
            catalogue_services.rag_reason_update(
                reason=reason, text=form.cleaned_data["text"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Reason {reason.code} changed")
            return redirect("management:reasons")
    context = {"form": form, "reason": reason, "nav": "reasons"}
    return render(request, "management/reason_edit.html", context)


@head_of_service_required
@require_http_methods(["GET", "POST"])
def reason_retire(request: HttpRequest, pk: int) -> HttpResponse:
    reason = get_object_or_404(RagReason, pk=pk, in_catalogue=True)
    if request.method == "POST":
        catalogue_services.rag_reason_retire(reason=reason, by=request.user)
        messages.success(request, f"Reason {reason.code} retired")
        return redirect("management:reasons")
    context = {"reason": reason, "nav": "reasons"}
    return render(request, "management/reason_retire.html", context)
