"""Saving or deleting one of a child's records marks the child's stored next meeting stale.

Every domain that writes a child's statutory records or allocations sends Django's own
`post_save`/`post_delete`, so the schedule (which sits above them) learns of every change
without any of them knowing it exists. Marking needs no date; the next page to read the
schedule calls `services.schedule_ensure_current(today=...)`, which recomputes the stale
children for its own `today`. Bulk writes (the import) send no signals: the import service
refreshes every child itself.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from iru.web.caseloads.models import Allocation
from iru.web.children.models import (
    Child,
    CinDetail,
    CpPlan,
    CpPlanReview,
    Episode,
    LacReview,
    Section47,
)
from iru.web.schedule.services import schedule_mark_stale

CHILD_RECORDS = (Episode, LacReview, CpPlan, Section47, CinDetail, Allocation)


def _deleting_children(origin: Any) -> bool:
    """A child's deletion cascades to its records (and to its stored row): nothing to do."""
    model = getattr(origin, "model", None) or type(origin)
    return model is Child


def _child_record_changed(
    sender: Any, instance: Any, raw: bool = False, origin: Any = None, **_: Any
) -> None:
    if raw or _deleting_children(origin):  # loaddata, or the child itself is deleted
        return
    schedule_mark_stale([instance.child_id])


def _plan_review_changed(
    sender: Any, instance: Any, raw: bool = False, origin: Any = None, **_: Any
) -> None:
    if raw or _deleting_children(origin):
        return
    child_id = CpPlan.objects.filter(pk=instance.plan_id).values_list("child_id", flat=True)
    schedule_mark_stale(list(child_id))


def connect() -> None:
    for model in CHILD_RECORDS:
        post_save.connect(_child_record_changed, sender=model, dispatch_uid=f"nextdue-{model}")
        post_delete.connect(_child_record_changed, sender=model, dispatch_uid=f"nextdue-d{model}")
    post_save.connect(_plan_review_changed, sender=CpPlanReview, dispatch_uid="nextdue-cprev")
    post_delete.connect(_plan_review_changed, sender=CpPlanReview, dispatch_uid="nextdue-dcprev")
