"""Who looked at which child's record, when, and whether they were let in: append-only.

The child is kept as its id, not a foreign key: the log sits below every domain (each of them
writes to it) and must outlive any record it mentions.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyError(Exception):
    """An attempt to change or delete an access log entry."""


class AccessEventQuerySet(models.QuerySet["AccessEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("access events cannot be changed")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("access events cannot be deleted")


class AccessEvent(models.Model):
    """One access to children's data. Written by `iru.web.audit.services` only."""

    class Outcome(models.TextChoices):
        ALLOWED = "allowed", "Allowed"
        DENIED = "denied", "Denied"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    username = models.CharField(max_length=150)  # kept as it was when the event happened
    child_id = models.BigIntegerField(null=True, blank=True)  # children.Child's primary key
    action = models.CharField(max_length=50)
    path = models.CharField(max_length=500, blank=True)
    # The moment of writing (UTC): the row's own timestamp, not a date any rule reads.
    at = models.DateTimeField(default=timezone.now, db_index=True)
    outcome = models.CharField(max_length=8, choices=Outcome.choices)

    objects = AccessEventQuerySet.as_manager()

    class Meta:
        indexes = (models.Index(fields=["child_id", "at"], name="accessevent_child_at"),)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("access events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("access events cannot be deleted")
