"""The address a request came from, for the sign-in lockout and the access log.

Served directly, it is the connection's own (`REMOTE_ADDR`). Behind the council's reverse
proxies (`IRU_PROXY_COUNT` of them), `REMOTE_ADDR` is the nearest proxy's, and each proxy
appends the address it was reached from to `X-Forwarded-For`: the client's is then the
entry that many places from the right. Entries further left are whatever the client sent,
so they are never believed.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    proxies = int(getattr(settings, "IRU_PROXY_COUNT", 0))
    direct = str(request.META.get("REMOTE_ADDR", ""))
    if proxies <= 0:
        return direct
    header = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < proxies:
        return direct  # not through every proxy: the connection is all that is known
    return forwarded[-proxies]
