"""Allocations: who holds a child's case (chair, social worker, team), spell by spell."""

from __future__ import annotations

from django.db import models

from iru.web.children.models import Child
from iru.web.people.models import Staff, Team


class Allocation(models.Model):
    """Who holds a child's case for a spell: chair, social worker, team. History is kept:
    a change ends one allocation and starts another. Periods: inclusive start, exclusive end.
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

    class Meta:
        indexes = (models.Index(fields=["child", "end"], name="allocation_child_end"),)
