"""Writes for teams, staff and users: the Head of Service manages who signs in; the unit's
files bring teams and staff.

A role scoped to a caseload (chair, team manager) needs a linked staff record of a matching
role, or `caseloads.scope.children_visible_to` would show that user no one.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from iru.web.core.upsert import TableCount, upsert_by_external_id
from iru.web.people.models import Leave, Post, PostHolding, Staff, Team, User
from iru.web.people.signals import password_changed

STAFF_ROLES_FOR = {
    User.Role.CHAIR: (Staff.Role.IRO, Staff.Role.ICC),
    User.Role.TEAM_MANAGER: (Staff.Role.TEAM_MANAGER,),
    User.Role.ADMIN: (Staff.Role.ADMIN,),
    User.Role.HEAD_OF_SERVICE: (Staff.Role.HEAD_OF_SERVICE,),
}
NEEDS_STAFF = (User.Role.CHAIR, User.Role.TEAM_MANAGER)


def user_set_up(*, username: str, role: str, staff: Staff | None, password: str) -> User:
    """Create the user or bring them up to date, with this role, staff record and password
    (the demo's users; no password policy: they are new and random on every run)."""
    user = User.objects.filter(username=username).first() or User(username=username)
    user.role, user.staff, user.is_active = role, staff, True
    if staff is not None:
        user.first_name, user.last_name = staff.given_name, staff.family_name
        user.email = staff.email
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def user_create(*, username: str, role: str, staff: Staff | None, password: str, by: User) -> User:
    """A new, active user with `role`, linked to `staff` (named from it) and this password."""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError("A user with that username already exists")
    user = User(username=username, is_active=True)
    _assign(user, role=role, staff=staff)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def user_set_role(*, user: User, role: str, staff: Staff | None, by: User) -> User:
    """Give `user` a new role and staff link. Access changes on their next request."""
    if user.pk == by.pk and role != user.role:
        raise ValidationError("You cannot change your own role")
    _assign(user, role=role, staff=staff)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def user_deactivate(*, user: User, by: User) -> int:
    """Stop `user` signing in and end every session they have; returns how many ended."""
    if user.pk == by.pk:
        raise ValidationError("You cannot deactivate yourself")
    user.is_active = False
    user.save(update_fields=["is_active"])
    return _end_sessions(user)


@transaction.atomic
def user_password_change(*, user: User, current: str, new: str) -> int:
    """Change `user`'s own password, after checking the one they have now and the new one
    against the policy (ADR 30): every session signed in as them ends, the one they are using
    too (the page signs that one in again); returns how many ended. The access log records
    the change (`signals.password_changed`)."""
    if not user.check_password(current):
        raise ValidationError({"old_password": "Your current password is not correct"})
    if new == current:
        raise ValidationError({"new_password1": "Enter a password different from your current one"})
    try:
        validate_password(new, user)
    except ValidationError as error:
        raise ValidationError({"new_password1": error.messages}) from error
    user.set_password(new)
    user.save(update_fields=["password"])
    password_changed.send(sender=User, user=user)
    return _end_sessions(user)


def _assign(user: User, *, role: str, staff: Staff | None) -> None:
    if role not in User.Role.values:
        raise ValidationError(f"Unknown role {role!r}")
    label = User.Role(role).label.lower()
    if staff is None and role in NEEDS_STAFF:
        raise ValidationError(f"A {label} must be linked to a staff record")
    if staff is not None and staff.role not in STAFF_ROLES_FOR[User.Role(role)]:
        raise ValidationError(f"{staff.full_name} is not a {label}")
    taken = User.objects.filter(staff=staff).exclude(pk=user.pk).first() if staff else None
    if staff is not None and taken is not None:
        raise ValidationError(f"{staff.full_name} already has a user ({taken.username})")
    user.role, user.staff = role, staff
    if staff is not None:
        user.first_name, user.last_name = staff.given_name, staff.family_name
        user.email = staff.email


def _end_sessions(user: User) -> int:
    """Delete the unexpired database sessions signed in as `user` (sessions last 30 minutes,
    so there are few; the session's own expiry time is compared with the moment of writing)."""
    mine = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=mine).delete()
    return len(mine)


def teams_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert teams from the unit's files by their `external_id`."""
    return upsert_by_external_id(Team, rows)


def staff_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert staff from the unit's files by their `external_id` (`team_id` resolved)."""
    return upsert_by_external_id(Staff, rows)


def posts_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert the unit's posts (`posts.csv`) by their `external_id`."""
    return upsert_by_external_id(Post, rows)


def post_holdings_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert who held which post when (`post_holdings.csv`; `post_id`, `staff_id` resolved)."""
    return upsert_by_external_id(PostHolding, rows)


def leaves_import(rows: list[dict[str, Any]]) -> TableCount:
    """Upsert holders' long leave (`leave.csv`; `holding_id` resolved)."""
    return upsert_by_external_id(Leave, rows)
