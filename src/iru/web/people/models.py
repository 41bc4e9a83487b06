"""The unit and the people it works with: teams, staff, and the users who sign in."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from iru.web.people.roles import Role


class Team(models.Model):
    """A social work team (unit-data.md `teams.csv`)."""

    class Kind(models.TextChoices):
        LAC = "lac", "Looked-after children"
        CP = "cp", "Child protection"
        DISABILITY = "disability", "Disability"
        LEAVING_CARE = "leaving_care", "Leaving care"
        ASSESSMENT = "assessment", "Assessment"

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, blank=True)

    def __str__(self) -> str:
        return self.name


class Staff(models.Model):
    """Someone the unit works with: a chair, a manager, a social worker (`staff.csv`)."""

    class Role(models.TextChoices):
        IRO = "iro", "Independent Reviewing Officer"
        ICC = "icc", "Independent Conference Chair"
        HEAD_OF_SERVICE = "head_of_service", "Head of Service"
        ADMIN = "admin", "Admin"
        TEAM_MANAGER = "team_manager", "Team manager"
        SOCIAL_WORKER = "social_worker", "Social worker"

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    role = models.CharField(max_length=20, choices=Role.choices)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="staff"
    )
    fte = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    email = models.EmailField(blank=True)

    class Meta:
        verbose_name_plural = "staff"

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class Post(models.Model):
    """A post in the unit's establishment (`posts.csv`): what the unit is funded to have,
    filled or not. Its holders over time are `PostHolding`s."""

    class Kind(models.TextChoices):
        IRO = "iro", "Independent Reviewing Officer"
        ICC = "icc", "Independent Conference Chair"
        LADO = "lado", "Local Authority Designated Officer"
        MANAGER = "manager", "Manager"
        ADMIN = "admin", "Administrator"
        MINUTE_TAKER = "minute_taker", "Minute taker"

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    fte = models.DecimalField(max_digits=3, decimal_places=2)  # 1.00 full time; 0.81 30 hours
    start = models.DateField()
    end = models.DateField(null=True, blank=True)  # the post was deleted (exclusive)

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        constraints = (
            models.CheckConstraint(condition=Q(fte__gt=0) & Q(fte__lte=1), name="post_fte"),
            models.CheckConstraint(
                condition=Q(end=None) | Q(end__gt=F("start")), name="post_ends_after_start"
            ),
        )

    def __str__(self) -> str:
        return self.title


class PostHolding(models.Model):
    """Someone in a post from `start` to `end` (exclusive; empty while they hold it): its
    substantive holder, or cover for a vacancy or a holder's leave (agency or acting)."""

    class Kind(models.TextChoices):
        SUBSTANTIVE = "substantive", "Substantive"
        AGENCY = "agency", "Agency cover"
        ACTING = "acting", "Acting up or secondment"

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="holdings")
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="post_holdings")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        constraints = (
            models.CheckConstraint(
                condition=Q(end=None) | Q(end__gt=F("start")), name="postholding_ends_after_start"
            ),
        )


class Leave(models.Model):
    """A long absence of a post's holder (maternity leave, long-term sickness), from `start`
    to `end` (exclusive; empty while it lasts): the post is held but not worked."""

    class Reason(models.TextChoices):
        MATERNITY = "maternity", "Maternity, paternity or adoption leave"
        SICKNESS = "sickness", "Long-term sickness"
        OTHER = "other", "Other long absence"

    external_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    holding = models.ForeignKey(PostHolding, on_delete=models.PROTECT, related_name="leaves")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        constraints = (
            models.CheckConstraint(
                condition=Q(end=None) | Q(end__gt=F("start")), name="leave_ends_after_start"
            ),
        )


# Staff who chair the unit's meetings: IROs and conference chairs.
CHAIR_STAFF_ROLES = (Staff.Role.IRO, Staff.Role.ICC)


class User(AbstractUser):
    """Someone who signs in. `role` decides what they may see (caseloads.scope)."""

    Role = Role

    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    staff = models.OneToOneField(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="user"
    )
