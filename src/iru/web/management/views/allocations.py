"""Find a child (by POST: no names in URLs) and reallocate their case."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from iru.web import clock
from iru.web.audit.models import AccessEvent
from iru.web.audit.services import access_event_record
from iru.web.children.allocation_services import allocation_reassign
from iru.web.children.presenters import ChildPresenter
from iru.web.management import selectors
from iru.web.management.access import head_of_service_required, posted
from iru.web.management.forms import ChildSearchForm, ReallocateForm


@head_of_service_required
@require_http_methods(["GET", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    form = ChildSearchForm(posted(request))
    rows = None
    if form.is_valid():
        found = selectors.child_search(request.user, today=today, query=form.cleaned_data["query"])
        rows = [ChildPresenter(child, today) for child in found[: selectors.SEARCH_LIMIT]]
        access_event_record(
            user=request.user,
            action="search_children",
            outcome=AccessEvent.Outcome.ALLOWED,
            path=request.path,
        )
    context = {"form": form, "rows": rows, "limit": selectors.SEARCH_LIMIT, "nav": "allocate"}
    return render(request, "management/allocate_search.html", context)


@head_of_service_required
@require_http_methods(["GET", "POST"])
def child_allocations(request: HttpRequest, pk: int) -> HttpResponse:
    today = clock.today()
    child = selectors.visible_child(request.user, today=today, pk=pk)
    if child is None:
        raise Http404("No such child")
    initial = {"effective": [str(today.day), str(today.month), str(today.year)]}
    form = ReallocateForm(posted(request), initial=initial)
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
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The child has been reallocated")
            return redirect("management:child-allocations", pk=child.pk)
    access_event_record(
        user=request.user,
        action="view_allocations",
        outcome=AccessEvent.Outcome.ALLOWED,
        child=child,
        path=request.path,
    )
    context = {
        "row": ChildPresenter(child, today),
        "history": selectors.allocation_history(child),
        "form": form,
        "today": today,
        "nav": "allocate",
    }
    return render(request, "management/child_allocations.html", context)
