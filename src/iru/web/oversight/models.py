"""Notes of the chair's oversight of a child's case between meetings; each correction and
cancellation kept as history (who, when, why, from and to: ADR 16)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from iru.web.children.models import Child
from iru.web.people.models import Staff


class OversightNote(models.Model):
    """A chair's note of oversight between meetings."""

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="oversight_notes")
    author = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="oversight_notes"
    )
    date = models.DateField()
    text = models.TextField()
    cancelled_on = models.DateField(null=True, blank=True)  # kept, shown as cancelled
    cancel_reason = models.TextField(blank=True)

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))
