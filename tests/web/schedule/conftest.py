"""A frozen day, and users of every role."""

from __future__ import annotations

from tests.web.fixtures.chair import (  # noqa: F401 (fixtures)
    frozen_today,
)
from tests.web.fixtures.roles import (  # noqa: F401 (fixtures)
    today,
    users,
)
