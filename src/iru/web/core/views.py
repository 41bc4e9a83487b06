"""The home page sends each person to where their day's work starts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

# role -> the page a person of that role starts from
LANDING_PAGES = {
    "chair": "children:mine",
    "team_manager": "inbox:inbox",
    "admin": "unitadmin:schedule",
    "head_of_service": "management:dashboard",
}


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect(LANDING_PAGES.get(getattr(request.user, "role", ""), "children:list"))
