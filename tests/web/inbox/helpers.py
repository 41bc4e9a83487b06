"""Users for each role over the hand-made data of tests/web/conftest.py, and a frozen clock.

Team T1 (manager S3, Tess Mann) has A1; team T2 (manager S4, Tom Oak) has B2. S1 chairs A1's
reviews, S2 B2's conferences; S6 is admin, S7 the Head of Service.
"""

from __future__ import annotations

from datetime import date

from iru.web import clock
from iru.web.children.models import Child
from iru.web.people.models import Staff, User
from iru.web.people.services import user_set_up
from iru.web.rag.models import RagRating

from ..conftest import TODAY

PASSWORD = "correct horse battery staple"
ROLES = {
    "tm_a": ("team_manager", "S3"),
    "tm_b": ("team_manager", "S4"),
    "chair": ("chair", "S1"),
    "admin": ("admin", "S6"),
    "head": ("head_of_service", "S7"),
}


def make_users() -> dict[str, User]:
    return {
        name: user_set_up(
            username=name,
            role=role,
            staff=Staff.objects.get(external_id=staff_id),
            password=PASSWORD,
        )
        for name, (role, staff_id) in ROLES.items()
    }


def freeze(monkeypatch, today: date = TODAY) -> date:
    monkeypatch.setattr(clock, "today", lambda: today)
    return today


def team_b_rating(**fields) -> RagRating:
    """An amber rating about B2 (team T2), sent to Tom Oak."""
    values = {
        "child": Child.objects.get(la_child_id="B2"),
        "rating": RagRating.Rating.AMBER,
        "team_manager": Staff.objects.get(external_id="S4"),
        "sent": date(2024, 5, 28),
        "response_due": date(2024, 6, 4),
    }
    return RagRating.objects.create(**(values | fields))
