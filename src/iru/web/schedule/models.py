"""Each child's next statutory meeting, stored (ADR 0009) so lists filter and sort in SQL.

Written only by `schedule.services.schedule_refresh`, from the pure computation of
`schedule.selectors.due.next_meetings_due`; a child with nothing due has no row. A save of one
of a child's records marks the child stale (`StaleNextDue`, `schedule.receivers`); the pages
call `schedule_ensure_current(today=...)` first, which recomputes the stale children.
"""

from __future__ import annotations

from django.db import models

from iru.web.children.models import Child
from iru.web.people.models import Staff


class NextMeetingDue(models.Model):
    """A child's next statutory meeting as computed on `computed_on`: kind, last day, chair."""

    class Kind(models.TextChoices):
        LAC_REVIEW = "lac_review", "LAC review"
        ICPC = "icpc", "Initial conference"
        RCPC = "rcpc", "Review conference"

    child = models.OneToOneField(
        Child, on_delete=models.CASCADE, primary_key=True, related_name="next_due"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    due = models.DateField()
    chair = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    computed_on = models.DateField()

    class Meta:
        indexes = (
            models.Index(fields=["due", "child"], name="nextdue_due"),
            models.Index(fields=["chair", "due"], name="nextdue_chair_due"),
            models.Index(fields=["kind", "due"], name="nextdue_kind_due"),
        )


class NextDueRefresh(models.Model):
    """One row: the day every stored `NextMeetingDue` holds for (ADR 0009)."""

    computed_on = models.DateField()


class StaleNextDue(models.Model):
    """A child whose records changed since their `NextMeetingDue` was computed.

    A plain id, not a foreign key: it is written from the save of any of the child's records,
    inside that save's transaction, and deleted once the child has been recomputed.
    """

    child_id = models.BigIntegerField(primary_key=True)
