"""The team manager's inbox: RAG ratings and escalations to answer, and the answers.

Thin: every item is fetched through `disputes.selectors.records` (the team manager's scope,
and the read logged) and every write goes through `disputes.services.responses`. An item
outside the scope is a 404, whether or not it exists.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from iru.web import clock
from iru.web.core.access import role_required
from iru.web.core.forms import add_service_errors
from iru.web.disputes.selectors import inbox as inbox_selectors
from iru.web.disputes.selectors import records
from iru.web.disputes.services import responses
from iru.web.pages.answer_forms import AnswerForm
from iru.web.people.access import SignedInRequest
from iru.web.people.roles import TEAM_MANAGER


@require_GET
@role_required(TEAM_MANAGER)
def inbox(request: SignedInRequest) -> HttpResponse:
    items = inbox_selectors.inbox_for_user(request.user, today=clock.today(), path=request.path)
    return render(request, "team_manager/inbox.html", {"items": items})


@require_http_methods(["GET", "POST"])
@role_required(TEAM_MANAGER)
def rating(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    found = records.rating_for_team_manager(
        request.user, pk, today=today, action="view_rag_rating", path=request.path
    )
    form = AnswerForm(request.POST or None, today=today)
    if request.method == "POST" and found.responded is None and form.is_valid():
        try:
            responses.rag_rating_respond(
                rating=found,
                user=request.user,
                response=form.cleaned_data["response"],
                actions=form.cleaned_data["actions"],
                today=today,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your response has been sent to the chair")
            return redirect("inbox:rating", pk=found.pk)
    context = {
        "rating": found,
        "item": inbox_selectors.rating_item(found, today),
        "form": form,
        "actions": records.rating_actions(found),
        "reasons": records.rating_reasons(found),
        "can_correct": responses.rating_response_may_correct(request.user, found),
    }
    return render(request, "team_manager/rating.html", context)


@require_http_methods(["GET", "POST"])
@role_required(TEAM_MANAGER)
def escalation(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    found = records.escalation_for_team_manager(
        request.user, pk, today=today, action="view_escalation", path=request.path
    )
    answered = records.stage_answered(found)
    form = AnswerForm(request.POST or None, today=today)
    if request.method == "POST" and not answered and form.is_valid():
        try:
            responses.escalation_stage_respond(
                escalation=found,
                user=request.user,
                response=form.cleaned_data["response"],
                actions=form.cleaned_data["actions"],
                today=today,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your response has been sent to the chair")
            return redirect("inbox:escalation", pk=found.pk)
    context = {
        "escalation": found,
        "item": inbox_selectors.escalation_item(found, today),
        "form": form,
        "answered": answered,
        "history": records.escalation_responses(found),
        "correctable": {
            answer.pk
            for answer in records.escalation_responses(found)
            if responses.escalation_response_may_correct(request.user, answer)
        },
    }
    return render(request, "team_manager/escalation.html", context)
