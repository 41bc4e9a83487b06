"""Record a meeting (two steps: kind and children, then what happened) and its confirmation."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from iru.web import clock
from iru.web.audit.models import AccessEvent
from iru.web.audit.services import access_event_record, access_events_record
from iru.web.children.access import chair_staff
from iru.web.children.models import Child
from iru.web.children.selectors import children_visible_to, current_allocations
from iru.web.meetings.forms import MeetingDetailsForm, MeetingStartForm
from iru.web.meetings.govuk import add_service_errors
from iru.web.meetings.models import Meeting
from iru.web.meetings.services import meeting_record
from iru.web.schedule.selectors import next_meetings_due


def _caseload(request: HttpRequest) -> QuerySet[Child]:
    staff = chair_staff(request.user)
    today = clock.today()
    mine = current_allocations(today).filter(chair=staff).values("child_id")
    visible = children_visible_to(request.user, today=today).filter(pk__in=mine)
    return visible.order_by("family_name", "given_name", "la_child_id")


def _children_in_caseload_or_404(values: list[str], caseload: list[Child]) -> None:
    """A child id that is not one of the chair's children is a 404, as for any other page."""
    mine = {str(child.pk) for child in caseload}
    if any(value not in mine for value in values):
        raise Http404("No such child")


@require_http_methods(["GET", "POST"])
@login_required
def meeting_start(request: HttpRequest) -> HttpResponse:
    caseload = list(_caseload(request))
    if request.method == "POST":
        _children_in_caseload_or_404(request.POST.getlist("children"), caseload)
        form = MeetingStartForm(request.POST, caseload=caseload)
        if form.is_valid():
            query = urlencode(
                {"kind": form.cleaned_data["kind"], "children": form.cleaned_data["children"]},
                doseq=True,
            )
            return redirect(f"{reverse('meetings:record')}?{query}")
    else:
        form = MeetingStartForm(
            initial={"children": request.GET.getlist("child")}, caseload=caseload
        )
    return render(request, "meetings/start.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def meeting_record_view(request: HttpRequest) -> HttpResponse:
    caseload = list(_caseload(request))
    _children_in_caseload_or_404(request.GET.getlist("children"), caseload)
    start = MeetingStartForm(request.GET, caseload=caseload)
    if not start.is_valid():  # a child outside the caseload, or a hand-made URL
        raise Http404("Choose the meeting and children first")
    kind = start.cleaned_data["kind"]
    chosen = [c for c in caseload if c.pk in set(start.cleaned_data["children"])]
    today = clock.today()
    form = MeetingDetailsForm(request.POST or None, kind=kind, children=chosen, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_record(
                user=request.user, kind=kind, held=form.cleaned_data["held"], children=chosen,
                participation=form.participation(), attendees=form.cleaned_data["attendees"],
                reports_shared_3_days=form.reports_shared_3_days(),
                outcome=form.cleaned_data.get("outcome", ""),
                category=form.cleaned_data.get("category", ""), today=today,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("meetings:detail", pk=meeting.pk)
    context = {"form": form, "kind": Meeting.Kind(kind), "children": chosen}
    return render(request, "meetings/record.html", context)


@require_GET
@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting and, for each child covered that the user may see, what is due next."""
    today = clock.today()
    meeting = Meeting.objects.select_related("chair").filter(pk=pk).first()
    visible = children_visible_to(request.user, today=today)
    children = visible.filter(meeting_links__meeting_id=pk) if meeting else visible.none()
    links = (
        list(meeting.covered.filter(child__in=children).select_related("child")) if meeting else []
    )
    if not links:
        access_event_record(user=request.user, action="view_meeting",
                            outcome=AccessEvent.Outcome.DENIED, path=request.path)  # fmt: skip
        raise Http404("No such meeting")
    access_events_record(user=request.user, action="view_meeting",
                         children=[link.child for link in links],
                         outcome=AccessEvent.Outcome.ALLOWED, path=request.path)  # fmt: skip
    due = next_meetings_due(children, today=today)
    rated = set(meeting.rag_ratings.values_list("child_id", flat=True))
    rows = [(link, due.get(link.child_id), link.child_id in rated) for link in links]
    return render(request, "meetings/detail.html", {"meeting": meeting, "rows": rows})
