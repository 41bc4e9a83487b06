"""Who reaches the report pages: the Head of Service and admin (read only)."""

from __future__ import annotations

from iru.web.core.access import role_required
from iru.web.people.roles import ADMIN, HEAD_OF_SERVICE

unit_reports_required = role_required(HEAD_OF_SERVICE, ADMIN)
report_writer_required = role_required(HEAD_OF_SERVICE)
