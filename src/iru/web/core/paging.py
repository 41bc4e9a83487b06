"""The query string a paginated list's links keep: its filters, without `page`."""

from __future__ import annotations

from django.http import HttpRequest


def filters_query(request: HttpRequest) -> str:
    kept = request.GET.copy()
    kept.pop("page", None)
    return kept.urlencode()
