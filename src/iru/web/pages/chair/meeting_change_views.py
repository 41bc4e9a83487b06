"""A recorded meeting corrected or cancelled by the chair who recorded it (or the Head of
Service), with a reason; its history shown (ADR 16)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from iru.web import clock
from iru.web.core.forms import add_service_errors
from iru.web.meetings.selectors import meeting_for_user, meeting_history
from iru.web.meetings.services.recording import (
    may_change_meeting,
    meeting_cancel,
    meeting_correct,
)
from iru.web.pages.chair import forms
from iru.web.people.access import SignedInRequest

if TYPE_CHECKING:
    from iru.web.meetings.models import Meeting, MeetingChild

REPORTS = {True: "yes", False: "no", None: "na"}


def _meeting_to_change(request: SignedInRequest, pk: int) -> tuple[Meeting, list[MeetingChild]]:
    meeting, links = meeting_for_user(request.user, pk, today=clock.today(), path=request.path)
    if not may_change_meeting(request.user, meeting):
        raise PermissionDenied("Only the chair who recorded it or the Head of Service may")
    return meeting, links


@require_http_methods(["GET", "POST"])
@login_required
def meeting_correct_view(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    meeting, links = _meeting_to_change(request, pk)
    initial = {
        "held": meeting.date,
        "attendees": meeting.attendees,
        "reports_shared": REPORTS.get(meeting.reports_shared_3_days, "na"),
        **{f"participation_{link.child_id}": link.participation for link in links},
        **{f"booklet_{link.child_id}": link.booklet for link in links},
    }
    form = forms.MeetingCorrectForm(
        request.POST or None, initial=initial, kind=meeting.kind,
        children=[link.child for link in links], today=today, kept=meeting.date,
        unrecorded=[link.child_id for link in links if not link.booklet],
    )  # fmt: skip
    if request.method == "POST" and form.is_valid() and meeting.cancelled_on is None:
        try:
            meeting_correct(
                user=request.user, meeting=meeting, held=form.cleaned_data["held"],
                attendees=form.cleaned_data["attendees"],
                reports_shared_3_days=form.reports_shared_3_days(),
                participation=form.participation(), booklets=form.booklets(),
                reason=form.cleaned_data["reason"],
                today=today,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Meeting corrected: what it said before is kept")
            return redirect("meetings:detail", pk=meeting.pk)
    context = {
        "form": form,
        "meeting": meeting,
        "links": links,
        "from_files": any(not link.records for link in links),
        "history": meeting_history(meeting),
    }
    return render(request, "chair/meeting_correct.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def meeting_cancel_view(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    meeting, links = _meeting_to_change(request, pk)
    form = forms.MeetingCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_cancel(user=request.user, meeting=meeting,
                           reason=form.cleaned_data["reason"], today=today)  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Meeting cancelled: it is kept, marked cancelled")
            return redirect("meetings:detail", pk=meeting.pk)
    context = {"form": form, "meeting": meeting, "links": links}
    return render(request, "chair/meeting_cancel.html", context)
