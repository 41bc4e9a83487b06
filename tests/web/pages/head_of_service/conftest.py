"""The Head of Service's fixtures."""

from __future__ import annotations

from datetime import date

import pytest

from iru.web.imports import selectors
from tests.web.fixtures.head import (  # noqa: F401 (fixtures)
    empty_cache,
    frozen_today,
    head,
    head_client,
    users,
)


@pytest.fixture
def computations(monkeypatch) -> list[date]:
    """The year ends `compute_figures` is called for by the dashboard's reads, as they happen."""
    calls: list[date] = []
    real = selectors.compute_figures

    def counting(dataset, year_end):
        calls.append(year_end)
        return real(dataset, year_end)

    monkeypatch.setattr(selectors, "compute_figures", counting)
    return calls
