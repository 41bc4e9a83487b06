"""Users of every role over the small imported dataset, on a frozen day (3 June 2024)."""

from __future__ import annotations

from tests.web.fixtures.head import (  # noqa: F401 (fixtures)
    empty_cache,
    frozen_today,
    head,
    head_client,
    users,
)
