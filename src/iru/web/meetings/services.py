"""Recording a meeting: the Meeting, its children, and the statutory record the figures read.

`meeting_record` writes everything in one transaction or nothing: a LAC review adds each
child's SSDA903 review (REVIEW_CODE); an initial conference dates the section 47 enquiry's
conference and, with a plan, starts a child protection plan that day; a review conference adds
the plan's review (and, with "no plan", ends it). The next due date then follows from
`iru.rules.timescales` through `iru.web.schedule.selectors`, and is stored again for the
meeting's children (`schedule_refresh`, ADR 0009).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from iru.web.audit.models import AccessEvent
from iru.web.audit.services import access_event_record
from iru.web.children.access import chair_staff, require_in_scope
from iru.web.children.models import Child, CinDetail, CpPlan, CpPlanReview, LacReview
from iru.web.meetings.models import Meeting, MeetingChild
from iru.web.meetings.participation import participation_error
from iru.web.schedule.periods import open_period
from iru.web.schedule.selectors import open_plans, pending_section47s
from iru.web.schedule.services import schedule_refresh, schedule_refresh_deferred


def _check(kind: str, held: date, today: date, outcome: str, category: str) -> None:
    if held > today:
        raise ValidationError(
            {"date_held": "Date the meeting was held must be today or in the past"}
        )
    if kind == Meeting.Kind.ICPC and outcome not in Meeting.Outcome.values:
        raise ValidationError({"outcome": "Select whether the conference made a plan"})
    if outcome == Meeting.Outcome.PLAN and kind == Meeting.Kind.ICPC and not category:
        raise ValidationError({"category": "Select the category of abuse"})


def _lac_review(child: Child, held: date, code: str) -> None:
    error = participation_error(code, dob=child.dob, held=held)
    if error:
        raise ValidationError({f"participation_{child.pk}": error})
    if open_period(child.episodes.all(), today=held) is None:
        raise ValidationError(
            {"children": f"{child.la_child_id} was not looked after on that date"}
        )
    if child.lac_reviews.filter(review=held).exists():
        raise ValidationError({"date_held": f"{child.la_child_id} already has a review that day"})
    LacReview.objects.create(child=child, dob=child.dob, review=held, review_code=code)


def _icpc(child: Child, held: date, outcome: str, category: str) -> None:
    enquiry = pending_section47s(held).filter(child=child).order_by("-start").first()
    if enquiry is None:
        raise ValidationError(
            {"children": f"{child.la_child_id} has no section 47 enquiry awaiting a conference"}
        )
    enquiry.date_of_initial_cpc = held
    enquiry.save(update_fields=["date_of_initial_cpc"])
    CinDetail.objects.filter(child=child, referral_date=enquiry.cin_referral_date).update(
        date_of_initial_cpc=held
    )
    if outcome == Meeting.Outcome.PLAN:
        CpPlan.objects.create(
            child=child,
            cin_referral_date=enquiry.cin_referral_date,
            start=held,
            initial_category=category,
            latest_category=category,
            number_of_previous_cpp=child.cp_plans.filter(start__lt=held).count(),
        )


def _rcpc(child: Child, held: date, outcome: str, category: str) -> None:
    plan = open_plans(held).filter(child=child).order_by("-start").first()
    if plan is None or plan.start > held:
        raise ValidationError({"children": f"{child.la_child_id} was not on a plan on that date"})
    if plan.reviews.filter(review_date=held).exists():
        raise ValidationError({"date_held": f"{child.la_child_id} already has a review that day"})
    CpPlanReview.objects.create(plan=plan, review_date=held)
    changed = []
    if category:
        plan.latest_category, changed = category, ["latest_category"]
    if outcome == Meeting.Outcome.NO_PLAN:
        plan.end = held
        changed.append("end")
    if changed:
        plan.save(update_fields=changed)


@transaction.atomic
def meeting_record(
    *,
    user: Any,
    kind: str,
    held: date,
    children: Sequence[Child],
    participation: Mapping[int, str],
    attendees: Sequence[str],
    reports_shared_3_days: bool | None,
    outcome: str = "",
    category: str = "",
    today: date,
) -> Meeting:
    """Record a meeting the signed-in chair held, and its statutory record, all or nothing.

    `participation` maps child id to its PN code (LAC reviews only). Raises ValidationError
    (keyed by form field) for a wrong value, `OutOfScope` for a child outside the chair's
    caseload, PermissionDenied for someone who is not a chair.
    """
    chair = chair_staff(user)
    if not children:
        raise ValidationError({"children": "Select the children the meeting covered"})
    require_in_scope(user, children, today=today)
    _check(kind, held, today, outcome, category)
    meeting = Meeting.objects.create(
        kind=kind, date=held, chair=chair, attendees=list(attendees),
        reports_shared_3_days=reports_shared_3_days, outcome=outcome, category=category,
    )  # fmt: skip
    with schedule_refresh_deferred():
        for child in children:
            code = participation.get(child.pk, "") if kind == Meeting.Kind.LAC_REVIEW else ""
            if kind == Meeting.Kind.LAC_REVIEW:
                _lac_review(child, held, code)
            elif kind == Meeting.Kind.ICPC:
                _icpc(child, held, outcome, category)
            else:
                _rcpc(child, held, outcome, category)
            MeetingChild.objects.create(meeting=meeting, child=child, participation=code)
            access_event_record(
                user=user, action="record_meeting", outcome=AccessEvent.Outcome.ALLOWED, child=child
            )
    schedule_refresh(children=Child.objects.filter(pk__in=[c.pk for c in children]), today=today)
    return meeting
