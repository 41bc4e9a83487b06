"""Only the Head of Service reaches these pages (anyone else signed in: 403)."""

from __future__ import annotations

from iru.web.core.access import role_required
from iru.web.people.roles import HEAD_OF_SERVICE

head_of_service_required = role_required(HEAD_OF_SERVICE)
