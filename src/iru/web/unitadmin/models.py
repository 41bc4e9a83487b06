"""Meetings the admin team has convened: when, who chairs, who is invited, and the
consultation booklets sent out before and returned.

A convening is an arrangement, not a meeting held: the chair records the meeting itself
(`meetings.Meeting`) once it has taken place, so the schedule never counts a meeting that
has only been booked.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from iru.web.children.models import Child
from iru.web.meetings.models import Meeting
from iru.web.people.models import Staff


class Convening(models.Model):
    """A statutory meeting arranged for one or more children (siblings share a conference)."""

    kind = models.CharField(max_length=12, choices=Meeting.Kind.choices)
    date = models.DateField()
    chair = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="convenings"
    )
    children = models.ManyToManyField(Child, related_name="convenings")
    booklets_sent = models.DateField(null=True, blank=True)
    booklets_returned = models.DateField(null=True, blank=True)
    convened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    convened_at = models.DateTimeField()

    class Meta:
        indexes = (models.Index(fields=["date"]),)


class Invitee(models.Model):
    """Someone invited to a convened meeting, as the admin team wrote them down."""

    convening = models.ForeignKey(Convening, on_delete=models.CASCADE, related_name="invitees")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ("convening", "position")
        constraints = (
            models.UniqueConstraint(fields=["convening", "position"], name="invitee_position"),
        )
