"""Who may see which report, and the access log of every view and download of one.

A report shows children's figures, not a child's record: each view and each download is one
access event naming the report, its period, format and edition (SECURITY.md: every export or
report download is an audit event).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.people.models import User

# The unit-wide reports: the Head of Service writes and publishes them; admin reads them.
UNIT_REPORT_ROLES = (User.Role.HEAD_OF_SERVICE, User.Role.ADMIN)


def may_see_unit_reports(user: User) -> bool:
    return user.role in UNIT_REPORT_ROLES


def may_write_reports(user: User) -> bool:
    return user.role == User.Role.HEAD_OF_SERVICE


def report_viewed(*, user: User, kind: str, period: str, path: str) -> None:
    access_event_record(user=user, action=f"view_{kind}_report", outcome=ALLOWED, path=path)


def report_downloaded(
    *, user: User | AnonymousUser, kind: str, period: str, format: str, edition: str, path: str
) -> None:
    """A file of a report leaves the app: who, which report, which format and edition."""
    what = f"{path} [{kind} {period} {format} {edition}]"
    access_event_record(user=user, action=f"download_{kind}_report", outcome=ALLOWED, path=what)
