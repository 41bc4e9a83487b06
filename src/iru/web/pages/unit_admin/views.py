"""The admin team's pages: the unit's schedule, convening a meeting, moving or cancelling it,
its booklets.

Thin: each view asks a selector (which scopes children through `children_visible_to` and
logs the read) or a service. Admin sees every child; the Head of Service may read the
schedule and the meetings convened too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from iru.web import clock
from iru.web.caseloads.scope import child_for_user
from iru.web.caseloads.selectors import plans_to_check_for
from iru.web.children.presenters import child_name
from iru.web.core.access import role_required
from iru.web.core.forms import add_service_errors
from iru.web.core.paging import filters_query
from iru.web.meetings.selectors import (
    convening_for_user,
    convening_history,
    upcoming_convenings_for,
)
from iru.web.meetings.services.convening import (
    convening_booklets_record,
    convening_cancel,
    convening_correct,
    may_change,
    meeting_convene,
)
from iru.web.pages.unit_admin.forms import (
    BookletsForm,
    ConveneForm,
    ConveningCancelForm,
    ConveningCorrectForm,
    ScheduleFilterForm,
)
from iru.web.people.access import SignedInRequest
from iru.web.people.roles import ADMIN, HEAD_OF_SERVICE
from iru.web.schedule.selectors.due import next_meetings_due_for
from iru.web.schedule.selectors.unit import SOON, unit_schedule_for_user
from iru.web.schedule.services import schedule_ensure_current

if TYPE_CHECKING:
    from iru.web.meetings.models import Convening

READERS = (ADMIN, HEAD_OF_SERVICE)


@require_GET
@role_required(*READERS)
def schedule(request: SignedInRequest) -> HttpResponse:
    today = clock.today()
    schedule_ensure_current(today=today)
    filters = ScheduleFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    rows = unit_schedule_for_user(
        request.user,
        today=today,
        chair_id=chosen.get("chair"),
        kind=chosen.get("kind") or None,
        page=request.GET.get("page"),
        path=request.path,
    )
    context = {
        "form": filters,
        "schedule": rows,
        "query": filters_query(request),
        "today": today,
        "soon": today + SOON,
        "can_convene": request.user.role == ADMIN,
    }
    return render(request, "unit_admin/schedule.html", context)


@require_http_methods(["GET", "POST"])
@role_required(ADMIN)
def convene(request: SignedInRequest, child_pk: int) -> HttpResponse:
    today = clock.today()
    child = child_for_user(request.user, child_pk, today=today, action="view_convene",
                           path=request.path)  # fmt: skip
    due = next_meetings_due_for(child, today=today)
    initial = {"kind": due.kind, "chair": due.chair_id} if due else {}
    form = ConveneForm(request.POST or None, initial=initial, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_convene(user=request.user, children=[child], **form.cleaned_data, today=today)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Meeting convened for {child_name(child)}")
            return redirect("unitadmin:convenings")
    return render(request, "unit_admin/convene.html", {"form": form, "child": child, "due": due})


@require_GET
@role_required(*READERS)
def to_check(request: SignedInRequest) -> HttpResponse:
    """Where the unit's own conference outcomes and the census disagree (ADR 17)."""
    plans = plans_to_check_for(request.user, today=clock.today(), path=request.path)
    return render(request, "unit_admin/to_check.html", {"plans": plans})


@require_GET
@role_required(*READERS)
def convenings(request: SignedInRequest) -> HttpResponse:
    upcoming = upcoming_convenings_for(request.user, today=clock.today())
    return render(request, "unit_admin/convenings.html", {"convenings": upcoming})


@require_http_methods(["GET", "POST"])
@role_required(*READERS)
def convening_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    convening = convening_for_user(request.user, pk, today=today, path=request.path)
    initial = {"booklets_sent": convening.booklets_sent,
               "booklets_returned": convening.booklets_returned}  # fmt: skip
    form = BookletsForm(request.POST or None, initial=initial, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            convening_booklets_record(
                user=request.user,
                convening=convening,
                sent=form.cleaned_data["booklets_sent"],
                returned=form.cleaned_data["booklets_returned"],
                today=today,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Consultation booklet dates saved")
            return redirect("unitadmin:convening", pk=convening.pk)
    context = {
        "convening": convening,
        "form": form,
        "can_edit": request.user.role == ADMIN and convening.cancelled_on is None,
        "can_change": may_change(request.user, convening)
        and convening.cancelled_on is None
        and convening.date >= today,
        "history": convening_history(convening),
    }
    return render(request, "unit_admin/convening.html", context)


def _convening_to_change(request: SignedInRequest, pk: int) -> Convening:
    """The convened meeting, for the admin who convened it or the Head of Service."""
    convening = convening_for_user(request.user, pk, today=clock.today(), path=request.path)
    if not may_change(request.user, convening):
        raise PermissionDenied("Only the admin who convened it or the Head of Service may")
    return convening


@require_http_methods(["GET", "POST"])
@role_required(*READERS)
def convening_change(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    convening = _convening_to_change(request, pk)
    initial = {"date": convening.date, "time": convening.time, "venue": convening.venue,
               "chair": convening.chair_id,
               "invitees": "\n".join(i.name for i in convening.invitees.all())}  # fmt: skip
    form = ConveningCorrectForm(request.POST or None, initial=initial, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            convening_correct(user=request.user, convening=convening, **form.cleaned_data,
                              today=today)  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Meeting changed: what it was before is kept")
            return redirect("unitadmin:convening", pk=convening.pk)
    context = {"convening": convening, "form": form}
    return render(request, "unit_admin/convening_change.html", context)


@require_http_methods(["GET", "POST"])
@role_required(*READERS)
def convening_cancel_view(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    convening = _convening_to_change(request, pk)
    form = ConveningCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            convening_cancel(user=request.user, convening=convening,
                             reason=form.cleaned_data["reason"], today=today)  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Meeting cancelled: it is kept, marked cancelled")
            return redirect("unitadmin:convening", pk=convening.pk)
    context = {"convening": convening, "form": form}
    return render(request, "unit_admin/convening_cancel.html", context)
