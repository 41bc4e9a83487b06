"""A RAG rating corrected or cancelled by the chair who gave it (or the Head of Service), with
a reason; its history shown (ADR 16)."""

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
from iru.web.disputes.selectors.records import (
    catalogue_reasons,
    rating_for_user,
    rating_history,
    rating_reasons,
)
from iru.web.disputes.services.ratings import (
    may_change_rating,
    meeting_type,
    rag_rating_cancel,
    rag_rating_correct,
)
from iru.web.pages.chair import forms
from iru.web.people.access import SignedInRequest

if TYPE_CHECKING:
    from iru.web.disputes.models import RagRating


def _rating_to_change(request: SignedInRequest, pk: int, *, action: str) -> RagRating:
    rating = rating_for_user(request.user, pk, today=clock.today(), action=action,
                             path=request.path)  # fmt: skip
    if not may_change_rating(request.user, rating):
        raise PermissionDenied("Only the chair who rated the case or the Head of Service may")
    return rating


@require_http_methods(["GET", "POST"])
@login_required
def rating_correct(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    rating = _rating_to_change(request, pk, action="rag_rating_correct")
    kind = meeting_type(rating.meeting.kind) if rating.meeting else "lac"
    chosen = [reason.code for reason in rating_reasons(rating)]
    initial = {"rating": rating.rating, f"reasons_{rating.rating}": chosen,
               "comment": rating.comment}  # fmt: skip
    form = forms.RagRatingCorrectForm(
        request.POST or None, initial=initial, reasons=catalogue_reasons(meeting_type=kind)
    )
    if request.method == "POST" and form.is_valid():
        colour = form.cleaned_data["rating"]
        try:
            rag_rating_correct(
                user=request.user, rating=rating, colour=colour,
                reason_codes=form.cleaned_data[f"reasons_{colour}"],
                comment=form.cleaned_data["comment"], reason=form.cleaned_data["reason"],
                today=today,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Rating corrected: what it said before is kept")
            return redirect("children:detail", pk=rating.child_id)
    context = {"form": form, "rating": rating, "history": rating_history(rating)}
    return render(request, "chair/rating_correct.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def rating_cancel(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    rating = _rating_to_change(request, pk, action="rag_rating_cancel")
    form = forms.RagRatingCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rag_rating_cancel(user=request.user, rating=rating,
                              reason=form.cleaned_data["reason"], today=today)  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Rating cancelled: it is kept, marked cancelled")
            return redirect("children:detail", pk=rating.child_id)
    return render(request, "chair/rating_cancel.html", {"form": form, "rating": rating})
