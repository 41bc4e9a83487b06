"""Children pages: thin views over `selectors.children_visible_to`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from iru.web import clock
from iru.web.audit.models import AccessEvent
from iru.web.audit.services import access_event_record
from iru.web.children import selectors
from iru.web.children.models import Child
from iru.web.children.presenters import ChildPresenter

PAGE_SIZE = 50


@require_GET
@login_required
def child_list(request: HttpRequest) -> HttpResponse:
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
    context = {"row": ChildPresenter(child, today), **selectors.child_detail(child)}
    return render(request, "children/detail.html", context)
