"""Allocations: who holds a child's case (chair, social worker, team), spell by spell."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from iru.web.children.models import Child
from iru.web.people.models import Staff, Team


class Allocation(models.Model):
    """Who holds a child's case for a spell: chair, social worker, team. History is kept:
    a change ends one allocation and starts another. Periods: inclusive start, exclusive end.

    A spell is corrected (who holds it, when it started) or cancelled with a reason, every
    version kept (ADR 16). A cancelled spell ends on the day it starts, so it counts for no
    day and no query needs to know about cancelling.
    """

    class Kind(models.TextChoices):
        LAC = "lac", "Looked after"
        CP = "cp", "Child protection"

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="allocations")
    kind = models.CharField(max_length=3, choices=Kind.choices)
    chair = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="chair_allocations"
    )
    social_worker = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="sw_allocations"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="allocations"
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancelled_on = models.DateField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        indexes = (models.Index(fields=["child", "end"], name="allocation_child_end"),)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(cancelled_on=None)
                | (~models.Q(cancel_reason="") & models.Q(end=models.F("start"))),
                name="allocation_cancelled_with_reason",
            ),
        )
