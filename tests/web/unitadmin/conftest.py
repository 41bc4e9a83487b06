from __future__ import annotations

import pytest

from ..inbox.helpers import freeze, make_users


@pytest.fixture
def users(imported):
    return make_users()


@pytest.fixture
def today(monkeypatch):
    return freeze(monkeypatch)
