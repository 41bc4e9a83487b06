"""The one write path of the access log."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from iru.web import clock
from iru.web.audit.models import AccessEvent
from iru.web.children.models import Child


def access_event_record(
    *, user: Any, action: str, outcome: str, child: Child | None = None, path: str = ""
) -> AccessEvent:
    """Append who did what to which child's record, and whether they were let in."""
    return AccessEvent.objects.create(**_event(user, action, outcome, child, path))


def access_events_record(
    *, user: Any, action: str, outcome: str, children: Iterable[Child], path: str = ""
) -> list[AccessEvent]:
    """`access_event_record` for each of `children`, written in one query (a page that
    shows several children, such as a meeting's, logs each of them)."""
    events = [AccessEvent(**_event(user, action, outcome, child, path)) for child in children]
    return AccessEvent.objects.bulk_create(events)


def _event(user: Any, action: str, outcome: str, child: Child | None, path: str) -> dict[str, Any]:
    signed_in = getattr(user, "is_authenticated", False)
    return {
        "user": user if signed_in else None,
        "username": user.get_username() if signed_in else "",
        "child": child,
        "action": action,
        "outcome": outcome,
        "path": path[:500],
        "at": clock.now(),
    }
