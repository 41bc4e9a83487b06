"""My children: the chair's caseload with what is due, and the responses to chase."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from iru.web import clock
from iru.web.core.paging import filters_query
from iru.web.disputes.selectors.answers import answers_for_chair
from iru.web.disputes.selectors.overdue import overdue_responses_for_chair
from iru.web.pages.chair.forms import CaseloadFilterForm
from iru.web.people.access import SignedInRequest
from iru.web.people.roles import CHAIR
from iru.web.schedule.selectors.caseload import caseload_for_user, caseload_row, caseload_size
from iru.web.schedule.services import schedule_ensure_current

PAGE_SIZE = 50


@require_GET
@login_required
def my_children(request: SignedInRequest) -> HttpResponse:
    """The chair's caseload with what is due, filtered and sorted by GET parameters."""
    user = request.user
    if user.role != CHAIR or user.staff is None:
        return redirect("children:list")
    today = clock.today()
    schedule_ensure_current(today=today)
    form = CaseloadFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    shown = caseload_for_user(user, today=today, filters=filters, path=request.path)
    page_obj = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "rows": [caseload_row(child, today=today) for child in page_obj],
        "page_obj": page_obj,
        "query": filters_query(request),
        "total": caseload_size(user, today=today) if filters else page_obj.paginator.count,
        "today": today,
        # Team managers' responses to this chair's ratings and escalations that are past
        # their deadline: the chair should chase them (or escalate).
        "overdue_responses": overdue_responses_for_chair(user.staff, today=today),
        # What the answers promised, and by when: the loop closes when the actions are done.
        "answers": answers_for_chair(user, today=today),
    }
    return render(request, "chair/my_children.html", context)
