"""The monthly RAG report, for the Head of Service, admin, chairs and team managers: the month's
ratings, reasons, themes, responses and open escalations of the children each may see (the
unit, a chair's own children, a team manager's team's), as HTML.

Thin: the disputes selectors read (scoped, the view logged once), `iru.figures.rag` counts and
`iru.reports.rag_monthly` lays out the document this page shows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from iru.figures.rag import months_covered
from iru.web import clock
from iru.web.core.access import role_required
from iru.web.disputes.selectors.report import rag_frame, rag_month_report, rag_report_viewed
from iru.web.pages.common.document_view import document_blocks
from iru.web.pages.common.forms import MonthForm
from iru.web.people.access import SignedInRequest
from iru.web.people.roles import ADMIN, CHAIR, HEAD_OF_SERVICE, TEAM_MANAGER

if TYPE_CHECKING:
    from iru.web.people.models import User

READERS = (HEAD_OF_SERVICE, ADMIN, CHAIR, TEAM_MANAGER)
WHOSE: dict[str, str] = {CHAIR: "Your children", TEAM_MANAGER: "Your team's children"}
UNIT = "The unit"


def whose(user: User) -> str:
    """Whose children the report counts, as its heading says."""
    return WHOSE.get(str(user.role), UNIT)


def default_month(months: list[date]) -> date:
    """The last complete month: the one before the current month (`months[0]`), or the
    current month when the ratings began in it."""
    return months[1] if len(months) > 1 else months[0]


@role_required(*READERS)
@require_GET
def rag_report(request: SignedInRequest) -> HttpResponse:
    today, user = clock.today(), request.user
    frame = rag_frame(user, today=today)
    months = months_covered(frame, today=today)
    data = request.GET if "month" in request.GET else None
    initial = {"month": f"{default_month(months):%Y-%m}"} if months else {}
    form = MonthForm(data, initial=initial, months=months)
    document = None
    if months and (data is None or form.is_valid()):
        month = form.cleaned_data["month"] if data is not None else default_month(months)
        council, scope = settings.IRU_COUNCIL_NAME, whose(user)
        document = rag_month_report(
            user, frame=frame, month=month, today=today, council=council, scope=scope
        )
    rag_report_viewed(user, path=request.get_full_path())
    context = {
        "form": form, "months": months, "document": document, "whose": whose(user),
        "sections": document_blocks(document) if document else [], "nav": "rag-report",
        "layout": "head_of_service/layout.html" if user.role == HEAD_OF_SERVICE
        else "reports/_layout.html",
    }  # fmt: skip
    return render(request, "reports/rag_month.html", context)
