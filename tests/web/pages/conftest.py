"""Users of every role on a frozen day (each role's folder may bring its own fixtures)."""

from __future__ import annotations

from tests.web.fixtures.roles import (  # noqa: F401 (fixtures)
    today,
    users,
)
