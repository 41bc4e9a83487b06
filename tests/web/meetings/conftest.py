"""The chair's fixtures."""

from __future__ import annotations

from tests.web.fixtures.chair import (  # noqa: F401 (fixtures)
    a1,
    b2,
    chair,
    frozen_today,
    other_chair,
)
from tests.web.fixtures.roles import (  # noqa: F401 (fixtures)
    today,
    users,
)
