"""A reference for every request, so a fault a user reports can be found in the log, and a
log that never writes an exception's message (it may hold a child's name or ID).

`request_id` gives each request a short random id (`request.request_id`, the `X-Request-ID`
response header; the error page shows it as the reference to quote). The logging filter puts
it on every record of a request, and `NoDataFormatter` writes a traceback as its frames
(file, line, function) and the exception's class, never its message, its source lines or
any value.
"""

from __future__ import annotations

import logging
import secrets
import traceback
from collections.abc import Callable
from types import TracebackType

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"


def request_id(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        request.request_id = secrets.token_hex(6)  # type: ignore[attr-defined]
        response = get_response(request)
        response[HEADER] = request.request_id  # type: ignore[attr-defined]
        return response

    return middleware


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to a record: its request's (Django's request logger passes the
    request), else "-"."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", "-")
        return True


class NoDataFormatter(logging.Formatter):
    """Writes an exception as where it happened, not what it said."""

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        kind, _, trace = ei
        # Each frame's file, line and function; not its source line, which may quote a value.
        frames = [
            f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            for frame in (traceback.extract_tb(trace) if trace else [])
        ]
        name = kind.__name__ if kind is not None else "Exception"
        return (
            "Traceback (most recent call last):\n" + "".join(frames)
            + f"{name} (its message is not logged: it may hold personal data)"
        )  # fmt: skip
