"""Find a child (by POST: no names in URLs) and reallocate their case; correct or cancel an
allocation made in error, with a reason (ADR 16)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from iru.web import clock
from iru.web.caseloads import selectors
from iru.web.caseloads.scope import child_for_user
from iru.web.caseloads.services import (
    allocation_cancel,
    allocation_correct,
    allocation_reassign,
)
from iru.web.children.presenters import ChildPresenter
from iru.web.core.forms import add_service_errors, posted
from iru.web.pages.head_of_service.access import head_of_service_required
from iru.web.pages.head_of_service.forms import (
    AllocationCancelForm,
    AllocationCorrectForm,
    ChildSearchForm,
    ReallocateForm,
)
from iru.web.people.access import SignedInRequest


@head_of_service_required
@require_http_methods(["GET", "POST"])
def search(request: SignedInRequest) -> HttpResponse:
    today = clock.today()
    form = ChildSearchForm(posted(request))
    rows = None
    if form.is_valid():
        found = selectors.child_search_for_user(
            request.user, today=today, query=form.cleaned_data["query"], path=request.path
        )
        rows = [ChildPresenter(child, today) for child in found[: selectors.SEARCH_LIMIT]]
    context = {"form": form, "rows": rows, "limit": selectors.SEARCH_LIMIT, "nav": "allocate"}
    return render(request, "head_of_service/allocate_search.html", context)


@head_of_service_required
@require_http_methods(["GET", "POST"])
def child_allocations(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    child = child_for_user(request.user, pk, today=today, action="view_allocations",
                           path=request.path)  # fmt: skip
    initial = {"effective": today}
    form = ReallocateForm(posted(request), initial=initial, today=today)
    if form.is_valid():
        try:
            allocation_reassign(
                child=child,
                kind=form.cleaned_data["kind"],
                chair=form.cleaned_data["chair"],
                social_worker=form.cleaned_data["social_worker"],
                team=form.cleaned_data["team"],
                on=form.cleaned_data["effective"],
                by=request.user,
                today=today,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The child has been reallocated")
            return redirect("management:child-allocations", pk=child.pk)
    spells = selectors.allocation_history(child)
    context = {
        "row": ChildPresenter(child, today),
        "history": spells,
        "latest": selectors.latest_spells(spells),
        "form": form,
        "today": today,
        "nav": "allocate",
    }
    return render(request, "head_of_service/child_allocations.html", context)


@head_of_service_required
@require_http_methods(["GET", "POST"])
def allocation_correct_view(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    spell = selectors.allocation_for_user(request.user, pk, today=today, path=request.path)
    initial = {"chair": spell.chair_id, "social_worker": spell.social_worker_id,
               "team": spell.team_id, "start": spell.start}  # fmt: skip
    form = AllocationCorrectForm(posted(request), initial=initial, today=today)
    if form.is_valid():
        try:
            allocation_correct(spell=spell, **form.cleaned_data, by=request.user, today=today)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Allocation corrected: what it was before is kept")
            return redirect("management:child-allocations", pk=spell.child_id)
    context = {"spell": spell, "form": form, "history": selectors.spell_history(spell),
               "nav": "allocate"}  # fmt: skip
    return render(request, "head_of_service/allocation_correct.html", context)


@head_of_service_required
@require_http_methods(["GET", "POST"])
def allocation_cancel_view(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    spell = selectors.allocation_for_user(request.user, pk, today=today, path=request.path)
    form = AllocationCancelForm(posted(request))
    if form.is_valid():
        try:
            allocation_cancel(spell=spell, reason=form.cleaned_data["reason"], by=request.user,
                              today=today)  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Allocation cancelled: the one before it runs on")
            return redirect("management:child-allocations", pk=spell.child_id)
    context = {"spell": spell, "form": form, "nav": "allocate"}
    return render(request, "head_of_service/allocation_cancel.html", context)
