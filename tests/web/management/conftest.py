"""Users of every role over the small imported dataset, on a frozen day."""

from __future__ import annotations

import pytest
import time_machine
from django.core.cache import cache

from iru.web.people.models import Staff, User
from tests.web.conftest import TODAY

ROLES = {
    "chair": (User.Role.CHAIR, "S1"),  # Iris Reed, IRO 1.0 FTE: A1
    "team_manager": (User.Role.TEAM_MANAGER, "S4"),
    "admin": (User.Role.ADMIN, "S6"),
    "head_of_service": (User.Role.HEAD_OF_SERVICE, "S7"),
}
PASSWORD = "a long enough password"


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY.isoformat() + " 12:00 +01:00", tick=False):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def users(imported):
    return {
        key: User.objects.create_user(
            username=key, password=PASSWORD, role=role, staff=Staff.objects.get(external_id=sid)
        )
        for key, (role, sid) in ROLES.items()
    }


@pytest.fixture
def head(users):
    return users["head_of_service"]


@pytest.fixture
def head_client(client, head):
    client.force_login(head)
    return client


def staff(external_id: str) -> Staff:
    return Staff.objects.get(external_id=external_id)
