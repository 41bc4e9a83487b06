"""The access log's record of what happens to accounts (people's signals)."""

from __future__ import annotations

from typing import Any

from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.people.models import User
from iru.web.people.signals import password_changed


def _password_changed(sender: Any, *, user: User, **kwargs: Any) -> None:
    access_event_record(user=user, action="change_password", outcome=ALLOWED)


def connect() -> None:
    password_changed.connect(_password_changed, dispatch_uid="audit-password-changed")
