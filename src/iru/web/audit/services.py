"""The one write path of the access log."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from iru.web.audit.models import AccessEvent
from iru.web.people.models import User

ALLOWED = AccessEvent.Outcome.ALLOWED
DENIED = AccessEvent.Outcome.DENIED


class Subject(Protocol):
    """A child's record as the log needs it: its primary key."""

    @property
    def pk(self) -> Any: ...


def access_event_record(
    *,
    user: User | AnonymousUser,
    action: str,
    outcome: str,
    child: Subject | None = None,
    path: str = "",
) -> AccessEvent:
    """Append who did what to which child's record, and whether they were let in."""
    return AccessEvent.objects.create(**_event(user, action, outcome, child, path))


def access_events_record(
    *,
    user: User | AnonymousUser,
    action: str,
    outcome: str,
    children: Iterable[Subject],
    path: str = "",
) -> list[AccessEvent]:
    """`access_event_record` for each of `children`, written in one query (a page that
    shows several children, such as a meeting's, logs each of them)."""
    events = [AccessEvent(**_event(user, action, outcome, child, path)) for child in children]
    return AccessEvent.objects.bulk_create(events)


def _event(
    user: User | AnonymousUser, action: str, outcome: str, child: Subject | None, path: str
) -> dict[str, Any]:
    signed_in = getattr(user, "is_authenticated", False)
    return {
        "user": user if signed_in else None,
        "username": user.get_username() if signed_in else "",
        "child_id": None if child is None else child.pk,
        "action": action,
        "outcome": outcome,
        "path": path[:500],
        "at": timezone.now(),
    }
