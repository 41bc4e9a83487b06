"""Corrections of the answers to concerns: a team manager's response to a RAG rating, and a
reply to an escalation, with their dated actions. Whoever recorded the answer, or the Head of
Service, corrects it with a reason; every version is shown (ADR 16)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from iru.web import clock
from iru.web.core.forms import add_service_errors
from iru.web.disputes.selectors.records import (
    rating_actions,
    rating_for_user,
    reply_for_user,
    reply_history,
    response_history,
)
from iru.web.disputes.services import responses
from iru.web.pages.answer_forms import ResponseCorrectForm
from iru.web.people.access import SignedInRequest
from iru.web.people.roles import TEAM_MANAGER

NOT_YOURS = "Only whoever recorded the answer or the Head of Service may correct it"


@require_http_methods(["GET", "POST"])
@login_required
def response_correct(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    rating = rating_for_user(request.user, pk, today=today, action="correct_rag_response",
                             path=request.path)  # fmt: skip
    if not responses.rating_response_may_correct(request.user, rating):
        raise PermissionDenied(NOT_YOURS)
    form = ResponseCorrectForm(request.POST or None, initial={"response": rating.response},
                               today=today, existing=list(rating_actions(rating)))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            responses.rag_response_correct(
                rating=rating, user=request.user, response=form.cleaned_data["response"],
                actions=form.cleaned_data["actions"], reason=form.cleaned_data["reason"],
                today=today,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Response corrected: what it said before is kept")
            if request.user.role == TEAM_MANAGER:
                return redirect("inbox:rating", pk=rating.pk)
            return redirect("children:detail", pk=rating.child_id)
    context = {
        "form": form,
        "child": rating.child,
        "what": f"{rating.get_rating_display()} rating",
        "history": response_history(rating),
    }
    return render(request, "common/answer_correct.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def reply_correct(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    answer = reply_for_user(request.user, pk, today=today, action="correct_escalation_response",
                            path=request.path)  # fmt: skip
    if not responses.escalation_response_may_correct(request.user, answer):
        raise PermissionDenied(NOT_YOURS)
    form = ResponseCorrectForm(request.POST or None, initial={"response": answer.text},
                               today=today, existing=list(answer.actions.all()))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            responses.escalation_response_correct(
                answer=answer, user=request.user, response=form.cleaned_data["response"],
                actions=form.cleaned_data["actions"], reason=form.cleaned_data["reason"],
                today=today,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Reply corrected: what it said before is kept")
            if request.user.role == TEAM_MANAGER:
                return redirect("inbox:escalation", pk=answer.escalation_id)
            return redirect("rag:escalation", pk=answer.escalation_id)
    context = {
        "form": form,
        "child": answer.escalation.child,
        "what": f"Escalation, stage {answer.stage}",
        "history": reply_history(answer),
    }
    return render(request, "common/answer_correct.html", context)
