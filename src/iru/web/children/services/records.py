"""What a meeting the unit held writes into the child's statutory record.

The chair's record of a meeting (`meetings.services.recording`) calls these, one child at a
time, inside its transaction: a LAC review adds the child's SSDA903 review (REVIEW_CODE); an
initial conference dates the section 47 enquiry's conference and, with a plan, starts a child
protection plan that day; a review conference adds the plan's review (and, when it ends the
plan, ends it). Each raises ValidationError keyed by what is wrong: `participation`, `child`
(the child's records do not allow it) or `held` (the date).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

from iru.rules.participation import participation_error
from iru.rules.periods import open_period
from iru.web.children.models import Child, CinDetail, CpPlan, CpPlanReview, LacReview
from iru.web.children.selectors import open_plans, pending_section47s


def lac_review_record(*, child: Child, held: date, code: str) -> LacReview:
    """Add the child's statutory review held on `held`, with how they took part (PN0-PN7)."""
    error = participation_error(code, dob=child.dob, held=held)
    if error:
        raise ValidationError({"participation": error})
    if open_period(child.episodes.all(), today=held) is None:
        raise ValidationError({"child": f"{child.la_child_id} was not looked after on that date"})
    if child.lac_reviews.filter(review=held).exists():
        raise ValidationError({"held": f"{child.la_child_id} already has a review that day"})
    return LacReview.objects.create(child=child, dob=child.dob, review=held, review_code=code)


def initial_conference_record(
    *, child: Child, held: date, makes_plan: bool, category: str
) -> CpPlan | None:
    """Date the initial conference of the child's latest section 47 enquiry awaiting one
    and, when it made a plan, start the plan that day with `category`."""
    enquiry = pending_section47s(held).filter(child=child).order_by("-start").first()
    if enquiry is None:
        raise ValidationError(
            {"child": f"{child.la_child_id} has no section 47 enquiry awaiting a conference"}
        )
    enquiry.date_of_initial_cpc = held
    enquiry.save(update_fields=["date_of_initial_cpc"])
    if enquiry.cin_referral_date is not None:  # the CINdetails block the enquiry belongs to
        CinDetail.objects.filter(child=child, referral_date=enquiry.cin_referral_date).update(
            date_of_initial_cpc=held
        )
    if not makes_plan:
        return None
    return CpPlan.objects.create(
        child=child,
        cin_referral_date=enquiry.cin_referral_date,
        start=held,
        initial_category=category,
        latest_category=category,
        number_of_previous_cpp=child.cp_plans.filter(start__lt=held).count(),
    )


def review_conference_record(
    *, child: Child, held: date, ends_plan: bool, category: str
) -> CpPlanReview:
    """Add the review conference of the plan open on `held`. What the conference decided (it
    ended the plan, or changed its category) is kept as the unit's own outcome beside the
    census's fields, never written over them (ADR 17)."""
    plan = open_plans(held).filter(child=child).order_by("-start").first()
    if plan is None or plan.start > held:
        raise ValidationError({"child": f"{child.la_child_id} was not on a plan on that date"})
    if plan.reviews.filter(review_date=held).exists():
        raise ValidationError({"held": f"{child.la_child_id} already has a review that day"})
    review = CpPlanReview.objects.create(plan=plan, review_date=held)
    changed = []
    if category and category != plan.latest_category:
        plan.category_by_conference, changed = category, ["category_by_conference"]
    if ends_plan:
        plan.ended_by_conference = held
        changed.append("ended_by_conference")
    if changed:
        plan.save(update_fields=changed)
    return review
