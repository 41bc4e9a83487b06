"""Users of every role on a frozen day."""

from __future__ import annotations

from tests.web.fixtures.roles import (  # noqa: F401 (fixtures)
    today,
    users,
)
