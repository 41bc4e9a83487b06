"""The page shown when something goes wrong inside the app (a 500), in its own layout.

Django's own handler renders `500.html` without the request's context; this one adds it (the
council's name, who is signed in) but falls back to a plain page if that fails too, since the
fault may be the database the context needs.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

PLAIN = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Sorry, there is a "
    "problem with the service</title></head><body><h1>Sorry, there is a problem with the "
    "service</h1><p>Try again in a few minutes.</p></body></html>"
)


def server_error(request: HttpRequest) -> HttpResponse:
    """The page, with the request's reference to quote (the log has it beside the fault)."""
    page: str
    try:
        context = {"reference": getattr(request, "request_id", "")}
        page = loader.render_to_string("500.html", context, request=request)
    except Exception:  # the page itself failed: say so plainly rather than fail again
        page = PLAIN
    return HttpResponseServerError(page)
