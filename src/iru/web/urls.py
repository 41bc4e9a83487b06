"""URL configuration: one include per domain app."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from iru.web.core import views as core_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", core_views.home, name="home"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="sign-in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path("children/", include("iru.web.children.urls")),
    path("meetings/", include("iru.web.meetings.urls")),
    path("rag/", include("iru.web.rag.urls")),
    path("inbox/", include("iru.web.inbox.urls")),
    path("unit/", include("iru.web.unitadmin.urls")),
    path("imports/", include("iru.web.imports.urls")),
    path("management/", include("iru.web.management.urls")),
]
