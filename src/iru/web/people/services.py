"""Writes for teams, staff and users."""

from __future__ import annotations

from iru.web.people.models import Staff, User


def user_set_up(*, username: str, role: str, staff: Staff | None, password: str) -> User:
    """Create the user or bring them up to date, with this role, staff record and password."""
    user = User.objects.filter(username=username).first() or User(username=username)
    user.role, user.staff, user.is_active = role, staff, True
    if staff is not None:
        user.first_name, user.last_name = staff.given_name, staff.family_name
        user.email = staff.email
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user
