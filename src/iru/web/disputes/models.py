"""The RAG dispute resolution process: ratings and their reasons, the team managers' responses
and actions, escalations and their stages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

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

    class Meta:
        constraints = (
            # One wording per meeting type and rating in the catalogue (retired ones aside).
            models.UniqueConstraint(
                Lower("text"),
                "meeting_type",
                "rating",
                condition=models.Q(in_catalogue=True),
                name="ragreason_one_wording",
            ),
        )

    def __str__(self) -> str:
        return self.text


class RagRating(models.Model):
    """A chair's red/amber/green rating of a case after a meeting, and the team's response.

    The chair who rated (or the Head of Service) may correct or cancel the rating, and the
    team manager who answered may correct the answer, each with a reason; every version is
    kept (ADR 16). A cancelled rating stays, marked cancelled, and needs no response."""

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
    rated_by = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="ratings_given"
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancelled_on = models.DateField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)

    history = HistoricalRecords(
        m2m_fields=[reasons], history_change_reason_field=models.TextField(null=True)
    )

    class Meta:
        constraints = (
            # A chair rates a child's case once after each meeting (a cancelled rating aside).
            models.UniqueConstraint(
                fields=["meeting", "child"],
                condition=models.Q(meeting__isnull=False, cancelled_on__isnull=True),
                name="ragrating_once_per_meeting",
            ),
            models.CheckConstraint(
                condition=models.Q(cancelled_on=None) | ~models.Q(cancel_reason=""),
                name="ragrating_cancelled_with_reason",
            ),
        )
        indexes = (
            # The few red and amber ratings still awaiting a response (the inbox, the overdue
            # counts), out of every rating ever given.
            models.Index(
                fields=["response_due", "sent"],
                condition=models.Q(
                    responded__isnull=True, cancelled_on__isnull=True, rating__in=["red", "amber"]
                ),
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
    # Who a stage above the team manager went to, as the chair named them (service managers
    # and directors are not staff the unit's files list).
    addressed_to_name = models.CharField(max_length=200, blank=True)
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


class DatedAction(models.Model):
    """An action someone commits to in answer to a concern, and the date it will be done by."""

    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    due = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        abstract = True


class RagAction(DatedAction):
    """One action a team manager commits to in answer to a RAG rating."""

    rating = models.ForeignKey(RagRating, on_delete=models.CASCADE, related_name="actions")

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ("rating", "position")
        constraints = (
            models.UniqueConstraint(fields=["rating", "position"], name="ragaction_position"),
        )


class EscalationResponse(models.Model):
    """The reply to an escalation at one stage of dispute resolution: the team manager's,
    written in the app, or one the chair received (from a service manager, say) and recorded.

    Whoever recorded it (or the Head of Service) may correct it, with a reason (ADR 16)."""

    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="responses")
    stage = models.PositiveSmallIntegerField(choices=Escalation.Stage.choices)
    responded = models.DateField()
    text = models.TextField()
    responded_by = models.ForeignKey(Staff, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ("escalation", "stage")
        constraints = (
            models.UniqueConstraint(
                fields=["escalation", "stage"], name="escalationresponse_stage"
            ),
        )


class EscalationAction(DatedAction):
    """One action a reply to an escalation commits to."""

    response = models.ForeignKey(
        EscalationResponse, on_delete=models.CASCADE, related_name="actions"
    )

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ("response", "position")
        constraints = (
            models.UniqueConstraint(
                fields=["response", "position"], name="escalationaction_position"
            ),
        )
