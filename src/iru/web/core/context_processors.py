"""Template context shared by every page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from iru.rules import timescales

# What pages say about timescales comes from the rules, never a number typed into a template.
TIMESCALES = {
    name: getattr(timescales, name)
    for name in dir(timescales)
    if name.isupper() and isinstance(getattr(timescales, name), int)
}


def council(request: HttpRequest) -> dict[str, str]:
    return {"council_name": settings.IRU_COUNCIL_NAME}


def rules(request: HttpRequest) -> dict[str, dict[str, int]]:
    """`{{ timescales.DISPUTE_RESOLUTION_WORKING_DAYS }}` and the like."""
    return {"timescales": TIMESCALES}
