"""Saving or deleting one of a child's records refreshes that child's stored next due date.

Bulk writes (the import) send no signals: they call `services.schedule_refresh` themselves.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from iru.web import clock
from iru.web.children.models import (
    Allocation,
    Child,
    CinDetail,
    CpPlan,
    CpPlanReview,
    Episode,
    LacReview,
    Section47,
)

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
    from iru.web.schedule.services import schedule_record_changed

    schedule_record_changed(instance.child_id, today=clock.today())


def _plan_review_changed(
    sender: Any, instance: Any, raw: bool = False, origin: Any = None, **_: Any
) -> None:
    if raw or _deleting_children(origin):
        return
    from iru.web.schedule.services import schedule_record_changed

    child_id = CpPlan.objects.filter(pk=instance.plan_id).values_list("child_id", flat=True)
    schedule_record_changed(child_id.first(), today=clock.today())


def connect() -> None:
    for model in CHILD_RECORDS:
        post_save.connect(_child_record_changed, sender=model, dispatch_uid=f"nextdue-{model}")
        post_delete.connect(_child_record_changed, sender=model, dispatch_uid=f"nextdue-d{model}")
    post_save.connect(_plan_review_changed, sender=CpPlanReview, dispatch_uid="nextdue-cprev")
    post_delete.connect(_plan_review_changed, sender=CpPlanReview, dispatch_uid="nextdue-dcprev")
