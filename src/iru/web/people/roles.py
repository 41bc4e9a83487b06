"""The roles a user signs in with. Views and templates use these names; `models.User.role`
stores them. A role decides which pages a user may open (`core.access.role_required`); which
children they then see is `caseloads.scope.children_visible_to`'s business."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    CHAIR = "chair", "Chair (IRO or conference chair)"
    TEAM_MANAGER = "team_manager", "Team manager"
    ADMIN = "admin", "Admin"
    HEAD_OF_SERVICE = "head_of_service", "Head of Service"


CHAIR = Role.CHAIR
TEAM_MANAGER = Role.TEAM_MANAGER
ADMIN = Role.ADMIN
HEAD_OF_SERVICE = Role.HEAD_OF_SERVICE
