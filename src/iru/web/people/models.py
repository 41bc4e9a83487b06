"""The unit and the people it works with: teams, staff, and the users who sign in."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

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


# Staff who chair the unit's meetings: IROs and conference chairs.
CHAIR_STAFF_ROLES = (Staff.Role.IRO, Staff.Role.ICC)


class User(AbstractUser):
    """Someone who signs in. `role` decides what they may see (caseloads.scope)."""

    Role = Role

    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    staff = models.OneToOneField(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="user"
    )
