"""Pages every role may open: home, the children they can see, a child's page, a meeting.

Thin: each asks a domain's selector (which scopes the query to the user and logs the read)
and renders. A child or meeting outside the user's scope is a 404, whether or not it exists.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from iru.web import clock
from iru.web.caseloads.scope import ChildMoved, child_for_user
from iru.web.caseloads.selectors import children_for_list
from iru.web.children.presenters import ChildPresenter
from iru.web.disputes.selectors.records import rated_child_ids
from iru.web.meetings.selectors import meeting_for_user
from iru.web.meetings.services.recording import may_change_meeting
from iru.web.pages.chair.views import my_children
from iru.web.pages.common.child_page import child_page
from iru.web.people.access import SignedInRequest
from iru.web.people.roles import ADMIN, CHAIR, HEAD_OF_SERVICE, TEAM_MANAGER
from iru.web.schedule.selectors.due import next_meetings_due_of

PAGE_SIZE = 50
# role -> the page a person of that role starts from
LANDING_PAGES: dict[str, str] = {
    CHAIR: "children:mine",
    TEAM_MANAGER: "inbox:inbox",
    ADMIN: "unitadmin:schedule",
    HEAD_OF_SERVICE: "management:dashboard",
}


@require_GET
@login_required
def home(request: SignedInRequest) -> HttpResponse:
    return redirect(LANDING_PAGES.get(request.user.role, "children:list"))


@require_GET
@login_required
def child_list(request: SignedInRequest) -> HttpResponse:
    if request.user.role == CHAIR and request.user.staff_id:
        return my_children(request)  # a chair lands on their caseload (sign-in goes here)
    today = clock.today()
    children = children_for_list(request.user, today=today, path=request.path)
    page_obj = Paginator(children, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [ChildPresenter(child, today) for child in page_obj]
    return render(request, "common/child_list.html", {"page_obj": page_obj, "rows": rows})


@require_GET
@login_required
def child_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """One child's record, only within the user's scope; every attempt is logged."""
    today = clock.today()
    try:
        child = child_for_user(
            request.user, pk, today=today, action="view_child", path=request.path
        )
    except ChildMoved as moved:  # the chair who held the case is told where it went
        return render(request, "common/child_moved.html", {"moved": moved}, status=404)
    context = {
        **child_page(child, today=today, user=request.user),
        "can_write": request.user.role == CHAIR,
    }
    return render(request, "common/child_detail.html", context)


@require_GET
@login_required
def meeting_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """A meeting and, for each child covered that the user may see, what is due next."""
    today = clock.today()
    meeting, links = meeting_for_user(request.user, pk, today=today, path=request.path)
    due = next_meetings_due_of([link.child for link in links], today=today)
    rated = rated_child_ids(meeting)
    rows = [(link, due.get(link.child_id), link.child_id in rated) for link in links]
    context = {"meeting": meeting, "rows": rows,
               "can_change": may_change_meeting(request.user, meeting)}  # fmt: skip
    return render(request, "common/meeting_detail.html", context)
