"""Record a meeting, in two steps: the kind and the children, then what happened."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from iru.web import clock
from iru.web.caseloads.selectors import chair_children_by_name
from iru.web.children.presenters import child_label
from iru.web.core.forms import add_service_errors
from iru.web.meetings.outcomes import outcome_effects
from iru.web.meetings.services.recording import meeting_record
from iru.web.pages.chair.forms import MeetingDetailsForm, MeetingStartForm
from iru.web.people.access import SignedInRequest, chair_staff

if TYPE_CHECKING:
    from iru.web.children.models import Child


def _caseload(request: SignedInRequest) -> list[Child]:
    """The signed-in chair's children, by name (403 for anyone who is not a chair)."""
    chair_staff(request.user)
    return chair_children_by_name(request.user, today=clock.today())


def matches(child: Child, query: str) -> bool:
    """The child's name or ID holds every word of `query` (any case); an empty query, all."""
    text = f"{child_label(child)}".casefold()
    return all(word in text for word in query.casefold().split())


def _outcome_effects(
    kind: str, children: list[Child], form: MeetingDetailsForm
) -> list[tuple[str, str]]:
    """What the outcome will do to each child's record, for an outcome checked first."""
    data = form.cleaned_data
    return outcome_effects(
        kind, data.get("outcome", ""), data.get("category", ""), children, data["held"]
    )


def _check_your_answers(
    request: SignedInRequest, kind: str, effects: list[tuple[str, str]]
) -> HttpResponse:
    """The outcome's effects for the chair to confirm, with what they typed carried in hidden
    fields."""
    skip = {"csrfmiddlewaretoken", "confirmed", "change"}
    carried = [(k, v) for k in request.POST if k not in skip for v in request.POST.getlist(k)]
    context = {"kind_label": kind, "effects": effects, "carried": carried}
    return render(request, "chair/meeting_confirm.html", context)


def kind_label(start: MeetingStartForm, kind: str) -> str:
    return str(dict(start.fields["kind"].choices)[kind])  # type: ignore[attr-defined]


def _children_in_caseload_or_404(values: list[str], caseload: list[Child]) -> None:
    """A child id that is not one of the chair's children is a 404, as for any other page."""
    mine = {str(child.pk) for child in caseload}
    if any(value not in mine for value in values):
        raise Http404("No such child")


@require_http_methods(["GET", "POST"])
@login_required
def meeting_start(request: SignedInRequest) -> HttpResponse:
    caseload = _caseload(request)
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
        ticked = request.GET.getlist("child")
        query = request.GET.get("q", "").strip()[:100]
        shown = [c for c in caseload if str(c.pk) in ticked or matches(c, query)]
        form = MeetingStartForm(initial={"children": ticked}, caseload=shown)
        context = {"form": form, "query": query, "ticked": ticked, "shown": len(shown),
                   "total": len(caseload)}  # fmt: skip
        return render(request, "chair/meeting_start.html", context)
    return render(request, "chair/meeting_start.html", {"form": form, "total": len(caseload)})


@require_http_methods(["GET", "POST"])
@login_required
def meeting_record_view(request: SignedInRequest) -> HttpResponse:
    caseload = _caseload(request)
    _children_in_caseload_or_404(request.GET.getlist("children"), caseload)
    start = MeetingStartForm(request.GET, caseload=caseload)
    if not start.is_valid():  # a child outside the caseload, or a hand-made URL
        raise Http404("Choose the meeting and children first")
    kind = start.cleaned_data["kind"]
    chosen = [c for c in caseload if c.pk in set(start.cleaned_data["children"])]
    today = clock.today()
    form = MeetingDetailsForm(request.POST or None, kind=kind, children=chosen, today=today)
    confirm = "confirmed" in request.POST
    if request.method == "POST" and form.is_valid() and "change" not in request.POST:
        effects = _outcome_effects(kind, chosen, form) if not confirm else []
        if effects:  # an outcome that ends a plan, changes its category, or a child died
            return _check_your_answers(request, kind_label(start, kind), effects)
        try:
            meeting = meeting_record(
                user=request.user, kind=kind, held=form.cleaned_data["held"], children=chosen,
                participation=form.participation(), booklets=form.booklets(),
                attendees=form.cleaned_data["attendees"],
                reports_shared_3_days=form.reports_shared_3_days(),
                outcome=form.cleaned_data.get("outcome", ""),
                category=form.cleaned_data.get("category", ""), today=today,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{kind_label(start, kind)} saved")
            return redirect("meetings:detail", pk=meeting.pk)
    context = {"form": form, "kind_label": kind_label(start, kind), "children": chosen}
    return render(request, "chair/meeting_record.html", context)
