"""The chair's RAG form, oversight notes and escalations: form -> service -> redirect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from iru.web import clock
from iru.web.audit.models import AccessEvent
from iru.web.audit.services import access_event_record
from iru.web.children.access import chair_staff, visible_child_or_404
from iru.web.children.selectors import children_visible_to
from iru.web.meetings.govuk import add_service_errors
from iru.web.meetings.models import Meeting
from iru.web.rag import escalations as escalation_services
from iru.web.rag import forms
from iru.web.rag.models import Escalation
from iru.web.rag.services import meeting_type, oversight_note_add, rag_rating_send


def _save(form: Any, write: Callable[[], Any]) -> Any | None:
    """Run the service; on a ValidationError put it on the form and return None."""
    try:
        return write()
    except ValidationError as error:
        add_service_errors(form, error)
        return None


@require_http_methods(["GET", "POST"])
@login_required
def rag_rate(request: HttpRequest, meeting_pk: int, child_pk: int) -> HttpResponse:
    today = clock.today()
    chair_staff(request.user)
    child = visible_child_or_404(request, child_pk, action="rag_rating", today=today)
    meeting = Meeting.objects.filter(pk=meeting_pk, covered__child=child).first()
    if meeting is None:
        raise Http404("No such meeting")
    form = forms.RagRatingForm(request.POST or None, meeting_type=meeting_type(meeting.kind))
    if request.method == "POST" and form.is_valid():
        rating = form.cleaned_data["rating"]
        sent = _save(form, lambda: rag_rating_send(
            user=request.user, meeting=meeting, child=child, rating=rating,
            reason_codes=form.cleaned_data[f"reasons_{rating}"],
            comment=form.cleaned_data["comment"], today=today,
        ))  # fmt: skip
        if sent is not None:
            return redirect("children:detail", pk=child.pk)
    context = {"form": form, "meeting": meeting, "child": child}
    return render(request, "rag/rate.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def oversight_add(request: HttpRequest, pk: int) -> HttpResponse:
    today = clock.today()
    chair_staff(request.user)
    child = visible_child_or_404(request, pk, action="oversight_note", today=today)
    form = forms.OversightNoteForm(request.POST or None, initial={"day": today})
    if request.method == "POST" and form.is_valid():
        note = _save(form, lambda: oversight_note_add(
            user=request.user, child=child, day=form.cleaned_data["day"],
            text=form.cleaned_data["text"], today=today,
        ))  # fmt: skip
        if note is not None:
            return redirect("children:detail", pk=child.pk)
    return render(request, "rag/oversight.html", {"form": form, "child": child})


@require_http_methods(["GET", "POST"])
@login_required
def escalation_raise(request: HttpRequest, pk: int) -> HttpResponse:
    today = clock.today()
    chair_staff(request.user)
    child = visible_child_or_404(request, pk, action="escalation_raise", today=today)
    form = forms.EscalationRaiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        escalation = _save(form, lambda: escalation_services.escalation_raise(
            user=request.user, child=child, summary=form.cleaned_data["summary"], today=today
        ))  # fmt: skip
        if escalation is not None:
            return redirect("rag:escalation", pk=escalation.pk)
    return render(request, "rag/escalation_raise.html", {"form": form, "child": child})


def _escalation_or_404(request: HttpRequest, pk: int, *, action: str) -> Escalation:
    today = clock.today()
    visible = children_visible_to(request.user, today=today)
    escalation = (
        Escalation.objects.select_related("child", "raised_by")
        .filter(pk=pk, child__in=visible)
        .first()
    )
    outcome = AccessEvent.Outcome.DENIED if escalation is None else AccessEvent.Outcome.ALLOWED
    access_event_record(
        user=request.user, action=action, outcome=outcome, path=request.path,
        child=escalation.child if escalation else None,
    )  # fmt: skip
    if escalation is None:
        raise Http404("No such escalation")
    return escalation


def _escalation_page(request: HttpRequest, escalation: Escalation, **forms_: Any) -> HttpResponse:
    context = {
        "escalation": escalation,
        "stages": list(escalation.stages.select_related("addressed_to", "started_by")),
        "deadline": escalation_services.escalation_deadline(escalation),
        "can_write": request.user.role == "chair" and escalation.resolved is None,  # type: ignore[union-attr]
        "advance_form": forms_.get("advance_form") or forms.EscalationAdvanceForm(),
        "resolve_form": forms_.get("resolve_form") or forms.EscalationResolveForm(),
        "cafcass_errors": forms_.get("cafcass_errors", []),
        "last_stage": escalation.stage >= escalation_services.LAST_STAGE,
    }
    return render(request, "rag/escalation.html", context)


@require_GET
@login_required
def escalation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _escalation_page(request, _escalation_or_404(request, pk, action="view_escalation"))


@require_POST
@login_required
def escalation_advance(request: HttpRequest, pk: int) -> HttpResponse:
    escalation = _escalation_or_404(request, pk, action="escalation_advance")
    form = forms.EscalationAdvanceForm(request.POST)
    if form.is_valid() and _save(form, lambda: escalation_services.escalation_advance(
        user=request.user, escalation=escalation, response=form.cleaned_data["response"],
        today=clock.today(),
    )) is not None:  # fmt: skip
        return redirect("rag:escalation", pk=pk)
    return _escalation_page(request, escalation, advance_form=form)


@require_POST
@login_required
def escalation_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    escalation = _escalation_or_404(request, pk, action="escalation_resolve")
    form = forms.EscalationResolveForm(request.POST)
    if form.is_valid() and _save(form, lambda: escalation_services.escalation_resolve(
        user=request.user, escalation=escalation, outcome=form.cleaned_data["outcome"],
        today=clock.today(),
    )) is not None:  # fmt: skip
        return redirect("rag:escalation", pk=pk)
    return _escalation_page(request, escalation, resolve_form=form)


@require_POST
@login_required
def escalation_cafcass(request: HttpRequest, pk: int) -> HttpResponse:
    escalation = _escalation_or_404(request, pk, action="escalation_refer_to_cafcass")
    try:
        escalation_services.escalation_refer_to_cafcass(
            user=request.user, escalation=escalation, today=clock.today()
        )
    except ValidationError as error:
        return _escalation_page(request, escalation, cafcass_errors=error.messages)
    return redirect("rag:escalation", pk=pk)
