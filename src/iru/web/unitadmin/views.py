"""The admin team's pages: the unit's schedule, convening a meeting, booklets.

Thin: each view scopes children through `children_visible_to`, then calls a selector or a
service. Admin sees every child; the Head of Service may read the schedule too.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from iru.web import clock
from iru.web.audit.models import AccessEvent
from iru.web.audit.services import access_event_record
from iru.web.children.models import Child
from iru.web.children.selectors import children_visible_to
from iru.web.people.models import User
from iru.web.schedule.paging import filters_query
from iru.web.schedule.selectors import next_meetings_due
from iru.web.unitadmin import selectors, services
from iru.web.unitadmin.access import role_required
from iru.web.unitadmin.forms import BookletsForm, ConveneForm, ScheduleFilterForm

ADMIN = User.Role.ADMIN
READERS = (User.Role.ADMIN, User.Role.HEAD_OF_SERVICE)


@require_GET
@role_required(*READERS)
def schedule(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    filters = ScheduleFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    rows = selectors.unit_schedule(
        children_visible_to(request.user, today=today),
        today=today,
        chair_id=chosen.get("chair"),
        kind=chosen.get("kind") or None,
        page=request.GET.get("page"),
    )
    access_event_record(
        user=request.user,
        action="view_schedule",
        outcome=AccessEvent.Outcome.ALLOWED,
        path=request.path,
    )
    context = {
        "form": filters,
        "schedule": rows,
        "query": filters_query(request),
        "today": today,
        "soon": today + selectors.SOON,
        "can_convene": request.user.role == ADMIN,  # type: ignore[union-attr]
    }
    return render(request, "unitadmin/schedule.html", context)


@require_http_methods(["GET", "POST"])
@role_required(ADMIN)
def convene(request: HttpRequest, child_pk: int) -> HttpResponse:
    today = clock.today()
    child = _visible_child(request, child_pk)
    due = next_meetings_due(Child.objects.filter(pk=child.pk), today=today).get(child.pk)
    initial = {"kind": due.kind, "chair": due.chair_id} if due else {}
    form = ConveneForm(request.POST or None, initial=initial, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_convene(
                user=request.user,
                children=[child],
                **form.cleaned_data,
                today=today,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Meeting convened for {_name(child)}")
            return redirect("unitadmin:convenings")
    return render(request, "unitadmin/convene.html", {"form": form, "child": child, "due": due})


@require_GET
@role_required(*READERS)
def convenings(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    upcoming = selectors.convenings_for(children_visible_to(request.user, today=today)).filter(
        date__gte=today
    )
    return render(request, "unitadmin/convenings.html", {"convenings": upcoming})


@require_http_methods(["GET", "POST"])
@role_required(*READERS)
def convening_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = clock.today()
    scoped = selectors.convenings_for(children_visible_to(request.user, today=today))
    convening = scoped.filter(pk=pk).first()
    if convening is None:
        raise Http404("No such meeting")
    initial = {"booklets_sent": convening.booklets_sent,
               "booklets_returned": convening.booklets_returned}  # fmt: skip
    form = BookletsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.convening_booklets_record(
                user=request.user,
                convening=convening,
                sent=form.cleaned_data["booklets_sent"],
                returned=form.cleaned_data["booklets_returned"],
                today=today,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Consultation booklet dates saved")
            return redirect("unitadmin:convening", pk=convening.pk)
    can_edit = request.user.role == ADMIN  # type: ignore[union-attr]
    context = {"convening": convening, "form": form, "can_edit": can_edit}
    return render(request, "unitadmin/convening.html", context)


def _visible_child(request: HttpRequest, pk: int) -> Child:
    child = children_visible_to(request.user, today=clock.today()).filter(pk=pk).first()
    if child is None:
        raise Http404("No such child")
    return child


def _name(child: Child) -> str:
    return f"{child.given_name} {child.family_name}".strip() or child.la_child_id
