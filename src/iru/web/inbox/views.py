"""The team manager's inbox: RAG ratings and escalations to answer, and the answers.

Thin: every item is looked up through `inbox.selectors` (the team manager's scope) and every
write goes through `rag.responses`. An item outside the scope is a 404, whether or not it exists.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from iru.web import clock
from iru.web.audit.models import AccessEvent
from iru.web.audit.services import access_event_record
from iru.web.inbox import selectors
from iru.web.inbox.forms import RatingResponseForm, ResponseForm
from iru.web.people.models import User
from iru.web.rag import responses
from iru.web.unitadmin.access import role_required

TEAM_MANAGER = User.Role.TEAM_MANAGER


@require_GET
@role_required(TEAM_MANAGER)
def inbox(request: HttpRequest) -> HttpResponse:
    items = selectors.inbox_for(request.user, today=clock.today())
    access_event_record(
        user=request.user,
        action="view_inbox",
        outcome=AccessEvent.Outcome.ALLOWED,
        path=request.path,
    )
    return render(request, "inbox/inbox.html", {"items": items})


@require_http_methods(["GET", "POST"])
@role_required(TEAM_MANAGER)
def rating(request: HttpRequest, pk: int) -> HttpResponse:
    today = clock.today()
    scoped = selectors.ratings_for_team_manager(request.user, today=today)
    found = scoped.select_related("child", "meeting__chair", "team_manager").filter(pk=pk).first()
    _log_view(request, "view_rag_rating", found)
    form = RatingResponseForm(request.POST or None, today=today)
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
            form.add_error(None, error)
        else:
            messages.success(request, "Your response has been sent to the chair")
            return redirect("inbox:rating", pk=found.pk)
    context = {
        "rating": found,
        "item": selectors.rating_item(found, today),
        "form": form,
        "actions": found.actions.all(),
        "reasons": found.reasons.order_by("code"),
    }
    return render(request, "inbox/rating.html", context)


@require_http_methods(["GET", "POST"])
@role_required(TEAM_MANAGER)
def escalation(request: HttpRequest, pk: int) -> HttpResponse:
    today = clock.today()
    scoped = selectors.escalations_for_team_manager(request.user, today=today)
    found = scoped.select_related("child", "raised_by").filter(pk=pk).first()
    _log_view(request, "view_escalation", found)
    answered = found.responses.filter(stage=found.stage).exists()
    form = ResponseForm(request.POST or None)
    if request.method == "POST" and not answered and form.is_valid():
        try:
            responses.escalation_stage_respond(
                escalation=found,
                user=request.user,
                response=form.cleaned_data["response"],
                today=today,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your response has been sent to the chair")
            return redirect("inbox:escalation", pk=found.pk)
    context = {
        "escalation": found,
        "item": selectors.escalation_item(found, today),
        "form": form,
        "answered": answered,
        "history": found.responses.select_related("responded_by"),
    }
    return render(request, "inbox/escalation.html", context)


def _log_view(request: HttpRequest, action: str, found: Any) -> None:
    """Log the attempt; a rating or escalation out of scope is a 404 (and logged denied)."""
    outcome = AccessEvent.Outcome.DENIED if found is None else AccessEvent.Outcome.ALLOWED
    child = found.child if found is not None else None
    access_event_record(
        user=request.user, action=action, outcome=outcome, child=child, path=request.path
    )
    if found is None:
        raise Http404("Nothing to see here")
