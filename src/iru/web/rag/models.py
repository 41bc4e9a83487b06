"""The RAG dispute resolution process: ratings, responses, escalations, oversight."""

from __future__ import annotations

from django.db import models

from iru.web.children.models import Child
from iru.web.meetings.models import Meeting
from iru.web.people.models import Staff


class RagReason(models.Model):
    """A reason a chair may give for a rating: the unit's catalogue, kept as data and seeded
    from `iru.rules.rag.default_catalogue()`.
    """

    code = models.CharField(max_length=32, unique=True)
    meeting_type = models.CharField(max_length=3, blank=True)  # lac / cp
    rating = models.CharField(max_length=5, blank=True)  # red / amber / green
    text = models.TextField()
    source = models.CharField(max_length=8, blank=True)  # seed / iru
    in_catalogue = models.BooleanField(default=True)  # false: seen in a file, not catalogued

    def __str__(self) -> str:
        return self.text


class RagRating(models.Model):
    """A chair's red/amber/green rating of a case after a meeting, and the team's response."""

    class Rating(models.TextChoices):
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="rag_ratings"
    )
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="rag_ratings")
    rating = models.CharField(max_length=5, choices=Rating.choices)
    reasons = models.ManyToManyField(RagReason, blank=True, related_name="ratings")
    comment = models.TextField(blank=True)
    team_manager = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="rag_to_answer"
    )
    sent = models.DateField(null=True, blank=True)
    response_due = models.DateField(null=True, blank=True)
    responded = models.DateField(null=True, blank=True)
    response = models.TextField(blank=True)

    class Meta:
        indexes = (
            # The few red and amber ratings still awaiting a response (the inbox, the overdue
            # counts), out of every rating ever given.
            models.Index(
                fields=["response_due", "sent"],
                condition=models.Q(responded__isnull=True, rating__in=["red", "amber"]),
                name="ragrating_awaiting",
            ),
        )


class Escalation(models.Model):
    """A dispute raised by a chair (IRO Handbook ch. 6): informal, then formal stages."""

    class Stage(models.IntegerChoices):
        INFORMAL = 1, "Stage 1: informal (team manager)"
        SERVICE_MANAGER = 2, "Stage 2: service manager"
        HEAD_OF_SERVICE = 3, "Stage 3: head of service"
        DIRECTOR = 4, "Stage 4: director"

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="escalations")
    raised_by = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="escalations_raised"
    )
    raised = models.DateField()
    stage = models.PositiveSmallIntegerField(choices=Stage.choices, default=Stage.INFORMAL)
    stage_due = models.DateField(null=True, blank=True)
    resolved = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    cafcass_referral = models.BooleanField(default=False)
    cafcass_referred = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)


class EscalationStage(models.Model):
    """One stage of an escalation: who it went to, when it started, its due date, the answer."""

    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="stages")
    stage = models.PositiveSmallIntegerField(choices=Escalation.Stage.choices)
    addressed_to = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="escalation_stages"
    )
    started_by = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started = models.DateField()
    due = models.DateField()
    ended = models.DateField(null=True, blank=True)
    response = models.TextField(blank=True)

    class Meta:
        ordering = ("stage",)
        constraints = (
            models.UniqueConstraint(fields=["escalation", "stage"], name="escalationstage_unique"),
        )


class OversightNote(models.Model):
    """A chair's note of oversight between meetings."""

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="oversight_notes")
    author = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="oversight_notes"
    )
    date = models.DateField()
    text = models.TextField()
