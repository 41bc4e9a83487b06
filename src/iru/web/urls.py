"""URL configuration: every page is one of the roles' pages (`iru.web.pages.urls`)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [path("", include("iru.web.pages.urls"))]

handler500 = "iru.web.pages.common.errors.server_error"
