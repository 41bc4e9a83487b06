"""Scope checks for the chair's pages and services, all through `children_visible_to`.

Views ask `visible_child_or_404`: a child outside the user's scope is a 404 whether or not it
exists, and the attempt is logged. Services ask `require_in_scope` again before writing, so a
service called from anywhere keeps the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from iru.web.audit.models import AccessEvent
from iru.web.audit.services import access_event_record
from iru.web.children.models import Child
from iru.web.children.selectors import children_visible_to
from iru.web.people.models import Staff, User


class OutOfScope(PermissionDenied):
    """A service was asked to act on a child outside the user's scope."""


def visible_child_or_404(request: HttpRequest, pk: int, *, action: str, today: date) -> Child:
    """The child `pk` if `request.user` may see it today; else log the refusal and 404."""
    child = children_visible_to(request.user, today=today).filter(pk=pk).first()
    if child is None:
        access_event_record(
            user=request.user,
            action=action,
            outcome=AccessEvent.Outcome.DENIED,
            child=Child.objects.filter(pk=pk).first(),
            path=request.path,
        )
        raise Http404("No such child")
    return child


def chair_staff(user: Any) -> Staff:
    """The signed-in chair's staff record; anyone else may not write a chair's records."""
    if getattr(user, "role", "") != User.Role.CHAIR or user.staff_id is None:
        raise PermissionDenied("Only a chair can do this")
    return user.staff


def require_in_scope(user: Any, children: Iterable[Child], *, today: date) -> None:
    """Raise `OutOfScope` unless every child is visible to `user` on `today`."""
    wanted = {child.pk for child in children}
    visible = set(
        children_visible_to(user, today=today).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    if wanted - visible:
        raise OutOfScope("A child is outside your caseload")
