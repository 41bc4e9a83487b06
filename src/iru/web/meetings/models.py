"""Statutory meetings the unit chairs: LAC reviews and child protection conferences, those
held (`Meeting`) and those the admin team has arranged (`Convening`).

A convening is an arrangement, not a meeting held: the chair records the meeting itself once
it has taken place, so the schedule never counts a meeting that has only been booked.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from iru.web.children.models import Child
from iru.web.people.models import Staff


class Meeting(models.Model):
    """One meeting, which may cover several children (siblings share a conference).

    The chair who recorded it (or the Head of Service) may correct it or cancel it, with a
    reason; every version is kept (ADR 16). A cancelled meeting stays, marked cancelled,
    and what it wrote into the children's records is taken back."""

    class Kind(models.TextChoices):
        LAC_REVIEW = "lac_review", "Looked-after child review"
        ICPC = "icpc", "Initial child protection conference"
        RCPC = "rcpc", "Review child protection conference"

    class Outcome(models.TextChoices):
        PLAN = "plan", "Child protection plan"
        NO_PLAN = "no_plan", "No plan"
        # The seed's other outcomes of an initial conference: a child already subject to a
        # plan (one transferred in, say) whose category the conference changed, and a child
        # who died before the conference could decide.
        CHANGE_OF_CATEGORY = "change_of_category", "Change of category"
        CHILD_DIED = "child_died", "Child died"

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    date = models.DateField()
    chair = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings_chaired"
    )
    children: models.ManyToManyField[Child, MeetingChild] = models.ManyToManyField(
        Child, through="MeetingChild", related_name="meetings"
    )
    attendees = models.JSONField(default=list, blank=True)  # roles present, e.g. ["parent"]
    reports_shared_3_days = models.BooleanField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    category = models.CharField(max_length=3, blank=True)  # NEG/PHY/SAB/EMO/MUL
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancelled_on = models.DateField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        # The reports find a month's meetings (and the ratings that follow them) by date.
        indexes = (models.Index(fields=["date"], name="meeting_date"),)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(cancelled_on=None) | ~models.Q(cancel_reason=""),
                name="meeting_cancelled_with_reason",
            ),
        )


class MeetingChild(models.Model):
    """A child covered by a meeting, how they took part (PN0-PN7 at a LAC review) and what
    became of the consultation booklet sent to them before it."""

    class Booklet(models.TextChoices):
        NOT_SENT = "not_sent", "Not sent"
        SENT = "sent", "Sent, not returned"
        RETURNED = "returned", "Returned"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="covered")
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="meeting_links")
    participation = models.CharField(max_length=3, blank=True)
    booklet = models.CharField(max_length=8, choices=Booklet.choices, blank=True)  # "": not said
    # What recording the meeting wrote into the child's statutory record (primary keys and
    # the values they replaced: `children.services.records.Written`), so a correction or a
    # cancellation takes back exactly that. Empty for a meeting from the unit's files.
    records = models.JSONField(default=dict, blank=True)

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["meeting", "child"], name="meetingchild_unique"),
        )


class Convening(models.Model):
    """A statutory meeting arranged for one or more children (siblings share a conference).

    The admin who arranged it (or the Head of Service) may move it, or cancel it, with a
    reason; each version is kept (ADR 16). A cancelled meeting stays, marked cancelled."""

    kind = models.CharField(max_length=12, choices=Meeting.Kind.choices)
    date = models.DateField()
    time = models.TimeField(null=True, blank=True)  # when it starts, once it is known
    venue = models.CharField(max_length=200, blank=True)  # a room, an address, or "Online"
    chair = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="convenings"
    )
    children: models.ManyToManyField[Child, ConvenedChild] = models.ManyToManyField(
        Child, through="ConvenedChild", related_name="convenings"
    )
    booklets_sent = models.DateField(null=True, blank=True)
    booklets_returned = models.DateField(null=True, blank=True)
    convened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    convened_at = models.DateTimeField(default=timezone.now)  # the moment of writing
    cancelled_on = models.DateField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        indexes = (models.Index(fields=["date"], name="convening_date"),)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(cancelled_on=None) | ~models.Q(cancel_reason=""),
                name="convening_cancelled_with_reason",
            ),
        )


class ConvenedChild(models.Model):
    """A child a convened meeting is for. The meeting's kind and date (and whether it was
    cancelled) are kept here too, so the database refuses the same child's meeting of a kind
    twice on one day, while a cancelled meeting frees its day."""

    convening = models.ForeignKey(
        Convening, on_delete=models.CASCADE, related_name="convened_children"
    )
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="convened_meetings")
    kind = models.CharField(max_length=12, choices=Meeting.Kind.choices)
    date = models.DateField()
    cancelled = models.BooleanField(default=False)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["child", "kind", "date"],
                condition=models.Q(cancelled=False),
                name="convenedchild_once_a_day",
            ),
        )


class Invitee(models.Model):
    """Someone invited to a convened meeting, as the admin team wrote them down."""

    convening = models.ForeignKey(Convening, on_delete=models.CASCADE, related_name="invitees")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ("convening", "position")
        constraints = (
            models.UniqueConstraint(fields=["convening", "position"], name="invitee_position"),
        )
