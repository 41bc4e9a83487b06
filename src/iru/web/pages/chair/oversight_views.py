"""Oversight notes: the chair adds one; the chair who wrote it (or the Head of Service)
corrects or cancels it with a reason, and its history is shown (ADR 16)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from iru.web import clock
from iru.web.caseloads.scope import child_for_user
from iru.web.core.forms import add_service_errors
from iru.web.oversight.selectors import note_for_user, note_history
from iru.web.oversight.services import (
    may_correct,
    oversight_note_add,
    oversight_note_cancel,
    oversight_note_correct,
)
from iru.web.pages.chair import forms
from iru.web.people.access import SignedInRequest, chair_staff

if TYPE_CHECKING:
    from iru.web.oversight.models import OversightNote


@require_http_methods(["GET", "POST"])
@login_required
def oversight_add(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    chair_staff(request.user)
    child = child_for_user(request.user, pk, today=today, action="oversight_note",
                           path=request.path)  # fmt: skip
    form = forms.OversightNoteForm(
        request.POST or None, initial={"day": today}, today=today, born=child.dob
    )
    if request.method == "POST" and form.is_valid():
        try:
            oversight_note_add(user=request.user, child=child, day=form.cleaned_data["day"],
                               text=form.cleaned_data["text"], today=today)  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Oversight note saved")
            return redirect("children:detail", pk=child.pk)
    return render(request, "chair/oversight.html", {"form": form, "child": child})


def _note_to_change(request: SignedInRequest, pk: int, *, action: str) -> OversightNote:
    """The note, for its author or the Head of Service (a 403 for anyone else who sees it)."""
    note = note_for_user(request.user, pk, today=clock.today(), action=action, path=request.path)
    if not may_correct(request.user, note):
        raise PermissionDenied("Only the note's author or the Head of Service can change it")
    return note


@require_http_methods(["GET", "POST"])
@login_required
def oversight_correct(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    note = _note_to_change(request, pk, action="oversight_note_correct")
    initial = {"day": note.date, "text": note.text}
    form = forms.OversightCorrectForm(
        request.POST or None, initial=initial, today=today, born=note.child.dob, keep=note.date
    )
    if request.method == "POST" and form.is_valid():
        try:
            oversight_note_correct(
                user=request.user, note=note, day=form.cleaned_data["day"],
                text=form.cleaned_data["text"], reason=form.cleaned_data["reason"], today=today,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Oversight note corrected: the old version is kept")
            return redirect("children:detail", pk=note.child_id)
    context = {"form": form, "note": note, "history": note_history(note)}
    return render(request, "chair/oversight_correct.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def oversight_cancel(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    note = _note_to_change(request, pk, action="oversight_note_cancel")
    form = forms.CorrectionReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            oversight_note_cancel(user=request.user, note=note,
                                  reason=form.cleaned_data["reason"], today=today)  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Oversight note cancelled: it is kept, marked cancelled")
            return redirect("children:detail", pk=note.child_id)
    context = {"form": form, "note": note}
    return render(request, "chair/oversight_cancel.html", context)
