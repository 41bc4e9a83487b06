"""Who the signed-in person is, typed: what views hand to services."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from iru.web.people.models import Staff, User


class SignedInRequest(HttpRequest):
    """A request behind `login_required` (or `core.access.role_required`): `user` is a `User`.

    For type checking only: Django builds plain `HttpRequest`s; views annotate theirs with this.
    """

    user: User


def chair_staff(user: User | AnonymousUser) -> Staff:
    """The signed-in chair's staff record; anyone else may not write a chair's records."""
    staff = user.staff if isinstance(user, User) and user.role == User.Role.CHAIR else None
    if staff is None:
        raise PermissionDenied("Only a chair can do this")
    return staff


def is_active_role(user: User | AnonymousUser, role: str) -> bool:
    """`user` is signed in, active, and has `role`."""
    return isinstance(user, User) and user.is_active and user.role == role
