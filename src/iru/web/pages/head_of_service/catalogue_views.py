"""The RAG reason catalogue: list by meeting type and rating, add, reword, retire."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from iru.web.core.forms import add_service_errors, posted
from iru.web.disputes.presenters import catalogue_groups
from iru.web.disputes.selectors.records import catalogued_reason, reasons_with_uses
from iru.web.disputes.services import catalogue as catalogue_services
from iru.web.pages.head_of_service.access import head_of_service_required
from iru.web.pages.head_of_service.forms import ReasonAddForm, ReasonEditForm
from iru.web.people.access import SignedInRequest


@head_of_service_required
@require_GET
def reason_list(request: SignedInRequest) -> HttpResponse:
    groups, uncatalogued = catalogue_groups(reasons_with_uses())
    context = {"groups": groups, "uncatalogued": uncatalogued, "nav": "reasons"}
    return render(request, "head_of_service/reason_list.html", context)


@head_of_service_required
@require_http_methods(["GET", "POST"])
def reason_add(request: SignedInRequest) -> HttpResponse:
    form = ReasonAddForm(posted(request))
    if form.is_valid():
        try:
            reason = catalogue_services.rag_reason_add(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Reason {reason.code} added")
            return redirect("management:reasons")
    return render(request, "head_of_service/reason_add.html", {"form": form, "nav": "reasons"})


@head_of_service_required
@require_http_methods(["GET", "POST"])
def reason_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    reason = catalogued_reason(pk)
    form = ReasonEditForm(posted(request), initial={"text": reason.text})
    if form.is_valid():
        try:
            catalogue_services.rag_reason_update(
                reason=reason, text=form.cleaned_data["text"], by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Reason {reason.code} changed")
            return redirect("management:reasons")
    context = {"form": form, "reason": reason, "nav": "reasons"}
    return render(request, "head_of_service/reason_edit.html", context)


@head_of_service_required
@require_http_methods(["GET", "POST"])
def reason_retire(request: SignedInRequest, pk: int) -> HttpResponse:
    reason = catalogued_reason(pk)
    if request.method == "POST":
        catalogue_services.rag_reason_retire(reason=reason, by=request.user)
        messages.success(request, f"Reason {reason.code} retired")
        return redirect("management:reasons")
    context = {"reason": reason, "nav": "reasons"}
    return render(request, "head_of_service/reason_retire.html", context)
