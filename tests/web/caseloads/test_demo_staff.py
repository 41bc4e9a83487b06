"""The demo's admin user stands for someone in an admin post today, not a former holder."""

from datetime import date

import pytest

from iru.web.caseloads.selectors import demo_staff
from iru.web.people.models import Post, PostHolding, Staff, User

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 7)


def _admin(name: str) -> Staff:
    return Staff.objects.create(given_name=name, family_name="Admin", role=Staff.Role.ADMIN)


def test_the_admin_in_an_admin_post_today_is_chosen_over_a_former_holder_and_the_lado():
    left, lado, current = _admin("Left"), _admin("Lado"), _admin("Current")
    office = Post.objects.create(title="Administrator", kind="admin", fte=1, start=date(2004, 4, 1))
    designated = Post.objects.create(title="LADO", kind="lado", fte=1, start=date(2004, 4, 1))
    PostHolding.objects.create(
        post=office, staff=left, kind="substantive", start=date(2004, 4, 1), end=TODAY
    )
    PostHolding.objects.create(post=designated, staff=lado, kind="substantive", start=TODAY)
    PostHolding.objects.create(post=office, staff=current, kind="substantive", start=TODAY)
    assert demo_staff(role=User.Role.ADMIN, today=TODAY) == current


def test_without_an_establishment_the_first_admin_is_chosen():
    first = _admin("First")
    _admin("Second")
    assert demo_staff(role=User.Role.ADMIN, today=TODAY) == first
