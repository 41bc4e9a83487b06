"""The chair's RAG form, oversight notes and escalations: form -> service -> redirect.

The escalation's own page is open to every role that may see the child; only its chair
writes on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from iru.web import clock
from iru.web.caseloads.scope import child_for_user
from iru.web.core.forms import GovukForm, add_service_errors
from iru.web.disputes.selectors.records import (
    catalogue_reasons,
    escalation_for_user,
    escalation_responses,
    escalation_stages,
    stage_answered,
)
from iru.web.disputes.services import escalations, responses
from iru.web.disputes.services.ratings import meeting_type, rag_rating_send
from iru.web.meetings.selectors import covered_meeting
from iru.web.pages.answer_forms import ReplyForm
from iru.web.pages.chair import forms
from iru.web.people.access import SignedInRequest, chair_staff
from iru.web.people.roles import CHAIR

if TYPE_CHECKING:
    from iru.web.disputes.models import Escalation


def _save(form: GovukForm, write: Callable[[], Any]) -> Any | None:
    """Run the service; on a ValidationError put it on the form and return None."""
    try:
        return write()
    except ValidationError as error:
        add_service_errors(form, error)
        return None


@require_http_methods(["GET", "POST"])
@login_required
def rag_rate(request: SignedInRequest, meeting_pk: int, child_pk: int) -> HttpResponse:
    today = clock.today()
    chair_staff(request.user)
    child = child_for_user(request.user, child_pk, today=today, action="rag_rating",
                           path=request.path)  # fmt: skip
    meeting = covered_meeting(meeting_pk, child)
    if meeting is None:
        raise Http404("No such meeting")
    reasons = catalogue_reasons(meeting_type=meeting_type(meeting.kind))
    form = forms.RagRatingForm(request.POST or None, reasons=reasons)
    if request.method == "POST" and form.is_valid():
        rating = form.cleaned_data["rating"]
        sent = _save(form, lambda: rag_rating_send(
            user=request.user, meeting=meeting, child=child, rating=rating,
            reason_codes=form.cleaned_data[f"reasons_{rating}"],
            comment=form.cleaned_data["comment"], today=today,
        ))  # fmt: skip
        if sent is not None:
            to = sent.team_manager.full_name if sent.team_manager else "the team manager"
            messages.success(request, f"{sent.get_rating_display()} rating sent to {to}")
            return redirect("children:detail", pk=child.pk)
    context = {"form": form, "meeting": meeting, "child": child}
    return render(request, "chair/rag_rate.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def escalation_raise(request: SignedInRequest, pk: int) -> HttpResponse:
    today = clock.today()
    chair_staff(request.user)
    child = child_for_user(request.user, pk, today=today, action="escalation_raise",
                           path=request.path)  # fmt: skip
    form = forms.EscalationRaiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        escalation = _save(form, lambda: escalations.escalation_raise(
            user=request.user, child=child, summary=form.cleaned_data["summary"], today=today
        ))  # fmt: skip
        if escalation is not None:
            messages.success(request, "Escalation raised at stage 1")
            return redirect("rag:escalation", pk=escalation.pk)
    return render(request, "chair/escalation_raise.html", {"form": form, "child": child})


def _escalation(request: SignedInRequest, pk: int, *, action: str) -> Escalation:
    return escalation_for_user(
        request.user, pk, today=clock.today(), action=action, path=request.path
    )


def _escalation_page(
    request: SignedInRequest, escalation: Escalation, **forms_: Any
) -> HttpResponse:
    replies = list(escalation_responses(escalation))
    by_stage = {answer.stage: answer for answer in replies}
    stages = escalation_stages(escalation)
    context = {
        "escalation": escalation,
        "stages": [(stage, by_stage.pop(stage.stage, None)) for stage in stages],
        "unstaged": list(by_stage.values()),  # replies to stages the unit's files did not list
        "answered": stage_answered(escalation),
        "deadline": escalations.escalation_deadline(escalation),
        "can_write": request.user.role == CHAIR and escalation.resolved is None,
        "reply_form": forms_.get("reply_form") or ReplyForm(today=clock.today()),
        "correctable": {
            answer.pk
            for answer in replies
            if responses.escalation_response_may_correct(request.user, answer)
        },
        "advance_form": forms_.get("advance_form") or forms.EscalationAdvanceForm(),
        "resolve_form": forms_.get("resolve_form") or forms.EscalationResolveForm(),
        "cafcass_errors": forms_.get("cafcass_errors", []),
        "last_stage": escalation.stage >= escalations.LAST_STAGE,
    }
    return render(request, "common/escalation.html", context)


@require_GET
@login_required
def escalation_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    return _escalation_page(request, _escalation(request, pk, action="view_escalation"))


@require_POST
@login_required
def escalation_advance(request: SignedInRequest, pk: int) -> HttpResponse:
    escalation = _escalation(request, pk, action="escalation_advance")
    form = forms.EscalationAdvanceForm(request.POST)
    if form.is_valid() and _save(form, lambda: escalations.escalation_advance(
        user=request.user, escalation=escalation, response=form.cleaned_data["response"],
        to=form.cleaned_data["to"], today=clock.today(),
    )) is not None:  # fmt: skip
        messages.success(request, f"Escalated to {escalation.get_stage_display().lower()}")
        return redirect("rag:escalation", pk=pk)
    return _escalation_page(request, escalation, advance_form=form)


@require_POST
@login_required
def escalation_reply(request: SignedInRequest, pk: int) -> HttpResponse:
    """The chair records the reply received at the current stage, with its actions."""
    today = clock.today()
    escalation = _escalation(request, pk, action="escalation_reply")
    form = ReplyForm(request.POST, today=today)
    if form.is_valid() and _save(form, lambda: responses.escalation_reply_record(
        escalation=escalation, user=request.user, reply=form.cleaned_data["response"],
        actions=form.cleaned_data["actions"], today=today,
    )) is not None:  # fmt: skip
        messages.success(request, "Reply recorded: the stage is answered")
        return redirect("rag:escalation", pk=pk)
    return _escalation_page(request, escalation, reply_form=form)


@require_POST
@login_required
def escalation_resolve(request: SignedInRequest, pk: int) -> HttpResponse:
    escalation = _escalation(request, pk, action="escalation_resolve")
    form = forms.EscalationResolveForm(request.POST)
    if form.is_valid() and _save(form, lambda: escalations.escalation_resolve(
        user=request.user, escalation=escalation, outcome=form.cleaned_data["outcome"],
        today=clock.today(),
    )) is not None:  # fmt: skip
        messages.success(request, "Escalation resolved")
        return redirect("rag:escalation", pk=pk)
    return _escalation_page(request, escalation, resolve_form=form)


@require_POST
@login_required
def escalation_cafcass(request: SignedInRequest, pk: int) -> HttpResponse:
    escalation = _escalation(request, pk, action="escalation_refer_to_cafcass")
    try:
        escalations.escalation_refer_to_cafcass(
            user=request.user, escalation=escalation, today=clock.today()
        )
    except ValidationError as error:
        return _escalation_page(request, escalation, cafcass_errors=error.messages)
    messages.success(request, "Referral to Cafcass recorded")
    return redirect("rag:escalation", pk=pk)
