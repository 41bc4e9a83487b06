"""The absolute limit of a signed-in session (SECURITY.md R-SES-01): however active, a
session ends 12 hours after its sign-in, as the idle limit (30 minutes) ends a quiet one.

The moment of signing in is kept in the session at sign-in; a session without it (made
before this limit existed) is treated as signed in long ago and ends at its next request.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

SIGNED_IN_AT = "iru_signed_in_at"
DEFAULT_LIMIT = timedelta(hours=12)


def remember_sign_in(sender: Any, *, request: HttpRequest, **kwargs: Any) -> None:
    """`user_logged_in`: keep when this session signed in (`sign_in_again` keeps the first
    moment when a password change signs the browser in again)."""
    if request is not None and hasattr(request, "session"):
        request.session.setdefault(SIGNED_IN_AT, timezone.now().timestamp())


def sign_in_again(request: HttpRequest, user: Any) -> None:
    """Sign this browser in again after the account's sessions were ended (a password change),
    keeping the moment it first signed in: the 12 hours are not restarted."""
    first = request.session.get(SIGNED_IN_AT)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if isinstance(first, int | float):
        request.session[SIGNED_IN_AT] = first


def absolute_session_limit(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Sign out a session signed in longer ago than IRU_SESSION_ABSOLUTE_LIMIT; the page then
    asks to sign in again (with a message saying why)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and _too_old(request):
            logout(request)
            messages.info(request, "For security, you are signed out 12 hours after signing in. "
                          "Sign in again to carry on.")  # fmt: skip
        return get_response(request)

    return middleware


def _too_old(request: HttpRequest) -> bool:
    limit: timedelta = getattr(settings, "IRU_SESSION_ABSOLUTE_LIMIT", DEFAULT_LIMIT)
    signed_in = request.session.get(SIGNED_IN_AT)
    if not isinstance(signed_in, int | float):
        return True
    return timezone.now().timestamp() - signed_in > limit.total_seconds()
