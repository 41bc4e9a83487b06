"""Children pages: thin views over `selectors.children_visible_to`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from iru.web import clock
from iru.web.audit.models import AccessEvent
from iru.web.audit.services import access_event_record
from iru.web.children import selectors
from iru.web.children.caseload import CaseloadFilterForm, caseload_children, caseload_row
from iru.web.children.history import child_history
from iru.web.children.models import Child
from iru.web.children.presenters import ChildPresenter
from iru.web.inbox.selectors import overdue_responses_for_chair
from iru.web.people.models import User
from iru.web.schedule.paging import filters_query
from iru.web.schedule.selectors import next_meetings_due

PAGE_SIZE = 50


@require_GET
@login_required
def child_list(request: HttpRequest) -> HttpResponse:
    if request.user.role == User.Role.CHAIR and request.user.staff_id:  # type: ignore[union-attr]
        return my_children(request)  # a chair lands on their caseload (sign-in goes here)
    today = clock.today()
    visible = selectors.children_visible_to(request.user, today=today)
    children = selectors.with_status(visible, today=today).select_related("cin_record")
    page = Paginator(children.order_by("family_name", "given_name", "la_child_id"), PAGE_SIZE)
    page_obj = page.get_page(request.GET.get("page"))
    access_event_record(
        user=request.user,
        action="list_children",
        outcome=AccessEvent.Outcome.ALLOWED,
        path=request.path,
    )
    rows = [ChildPresenter(child, today) for child in page_obj]
    return render(request, "children/list.html", {"page_obj": page_obj, "rows": rows})


@require_GET
@login_required
def child_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One child's record, only within the user's scope; every attempt is logged."""
    today = clock.today()
    visible = selectors.with_status(
        selectors.children_visible_to(request.user, today=today), today=today
    ).select_related("cin_record")
    child = visible.filter(pk=pk).first()
    if child is None:
        access_event_record(
            user=request.user,
            action="view_child",
            outcome=AccessEvent.Outcome.DENIED,
            child=Child.objects.filter(pk=pk).first(),
            path=request.path,
        )
        raise Http404("No such child")  # the same answer whether or not the child exists
    access_event_record(
        user=request.user,
        action="view_child",
        outcome=AccessEvent.Outcome.ALLOWED,
        child=child,
        path=request.path,
    )
    context = {
        "row": ChildPresenter(child, today),
        "due": next_meetings_due(Child.objects.filter(pk=child.pk), today=today).get(child.pk),
        "can_write": request.user.role == User.Role.CHAIR,  # type: ignore[union-attr]
        **child_history(child),
    }
    return render(request, "children/detail.html", context)


@require_GET
@login_required
def my_children(request: HttpRequest) -> HttpResponse:
    """The chair's caseload with what is due, filtered and sorted by GET parameters."""
    if request.user.role != User.Role.CHAIR or request.user.staff_id is None:  # type: ignore[union-attr]
        return redirect("children:list")
    today = clock.today()
    form = CaseloadFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    shown = caseload_children(request.user, today=today, filters=filters)
    page_obj = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    access_event_record(
        user=request.user,
        action="list_my_children",
        outcome=AccessEvent.Outcome.ALLOWED,
        path=request.path,
    )
    # Team managers' responses to this chair's ratings and escalations that are past their
    # deadline: the chair should chase them (or escalate).
    overdue = overdue_responses_for_chair(request.user.staff, today=today)  # type: ignore[union-attr]
    context = {
        "form": form,
        "rows": [caseload_row(child, today=today) for child in page_obj],
        "page_obj": page_obj,
        "query": filters_query(request),
        "total": caseload_children(request.user, today=today).count()
        if filters
        else page_obj.paginator.count,
        "today": today,
        "overdue_responses": overdue,
    }
    return render(request, "children/mine.html", context)
