"""The one write path of the access log."""

from __future__ import annotations

from typing import Any

from iru.web import clock
from iru.web.audit.models import AccessEvent
from iru.web.children.models import Child


def access_event_record(
    *, user: Any, action: str, outcome: str, child: Child | None = None, path: str = ""
) -> AccessEvent:
    """Append who did what to which child's record, and whether they were let in."""
    signed_in = getattr(user, "is_authenticated", False)
    return AccessEvent.objects.create(
        user=user if signed_in else None,
        username=user.get_username() if signed_in else "",
        child=child,
        action=action,
        outcome=outcome,
        path=path[:500],
        at=clock.now(),
    )
