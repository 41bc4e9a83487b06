"""Only the Head of Service reaches the management pages."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from iru.web.people.models import User

View = Callable[..., HttpResponse]


def is_head_of_service(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role == User.Role.HEAD_OF_SERVICE
    )


def head_of_service_required(view: View) -> View:
    """Anonymous users go to sign in; any other signed-in user gets 403 Forbidden."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_head_of_service(request.user):
            raise PermissionDenied("Only the Head of Service can use this page")
        return view(request, *args, **kwargs)

    return wrapped


def posted(request: HttpRequest) -> Any:
    """The POST data to bind a form to (an empty POST too), or None for a GET."""
    return request.POST if request.method == "POST" else None
