"""The Head of Service's fixtures."""

from __future__ import annotations

from tests.web.fixtures.head import (  # noqa: F401 (fixtures)
    empty_cache,
    frozen_today,
    head,
    head_client,
    users,
)
