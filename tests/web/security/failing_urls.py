"""The site's URLs and one that fails, for the server-error tests."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from iru.web.urls import urlpatterns as site

handler500 = "iru.web.pages.common.errors.server_error"


def fails(request: HttpRequest) -> HttpResponse:
    raise ValueError("Chloe Young (A1) could not be saved")


urlpatterns = [*site, path("test-only/fails/", fails, name="test-fails")]
