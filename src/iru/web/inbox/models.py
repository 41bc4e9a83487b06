"""What team managers write back: the actions they commit to, and responses to escalations.

The rating's own response text and date stay on `rag.RagRating` (`response`, `responded`); the
actions that answer it, each with a date, are rows here so they can be listed and chased.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from iru.web.people.models import Staff
from iru.web.rag.models import Escalation, RagRating


class RagAction(models.Model):
    """One action a team manager commits to in answer to a RAG rating, and when by."""

    rating = models.ForeignKey(RagRating, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    due = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ("rating", "position")
        constraints = (
            models.UniqueConstraint(fields=["rating", "position"], name="ragaction_position"),
        )


class EscalationResponse(models.Model):
    """A team manager's response to an escalation at one stage of dispute resolution."""

    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="responses")
    stage = models.PositiveSmallIntegerField(choices=Escalation.Stage.choices)
    responded = models.DateField()
    text = models.TextField()
    responded_by = models.ForeignKey(Staff, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ("escalation", "stage")
        constraints = (
            models.UniqueConstraint(
                fields=["escalation", "stage"], name="escalationresponse_stage"
            ),
        )
