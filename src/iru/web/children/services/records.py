"""What a meeting the unit held writes into the child's statutory record.

The chair's record of a meeting (`meetings.services.recording`) calls these, one child at a
time, inside its transaction: a LAC review adds the child's SSDA903 review (REVIEW_CODE); an
initial conference dates the section 47 enquiry's conference and, with a plan, starts a child
protection plan that day; a review conference adds the plan's review (and, when it ends the
plan, ends it). Each raises ValidationError keyed by what is wrong: `participation`, `child`
(the child's records do not allow it) or `held` (the date).

Each returns what it wrote (`Written`, kept with the meeting), so that a meeting corrected or
cancelled can take back exactly that (`meeting_records_undo`) and nothing else. What a return
has since brought in (a row the import now holds) is the authority's word: it is not taken
back, and the correction is refused with where to correct it instead.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from iru.rules.participation import participation_error
from iru.rules.periods import open_period
from iru.web.children.models import (
    Child,
    CinDetail,
    CpPlan,
    CpPlanReview,
    LacReview,
    Section47,
)
from iru.web.children.selectors import open_plans, pending_section47s

Written = dict[str, Any]  # JSON: the primary keys written and the values they replaced


def lac_review_record(*, child: Child, held: date, code: str) -> Written:
    """Add the child's statutory review held on `held`, with how they took part (PN0-PN7)."""
    error = participation_error(code, dob=child.dob, held=held)
    if error:
        raise ValidationError({"participation": error})
    if open_period(child.episodes.all(), today=held) is None:
        raise ValidationError({"child": f"{child.la_child_id} was not looked after on that date"})
    if child.lac_reviews.filter(review=held).exists():
        raise ValidationError({"held": f"{child.la_child_id} already has a review that day"})
    review = LacReview.objects.create(child=child, dob=child.dob, review=held, review_code=code)
    return {"lac_review": review.pk}


def initial_conference_record(
    *, child: Child, held: date, makes_plan: bool, category: str
) -> Written:
    """Date the initial conference of the child's latest section 47 enquiry awaiting one
    and, when it made a plan, start the plan that day with `category`."""
    enquiry = pending_section47s(held).filter(child=child).order_by("-start").first()
    if enquiry is None:
        raise ValidationError(
            {"child": f"{child.la_child_id} has no section 47 enquiry awaiting a conference"}
        )
    enquiry.date_of_initial_cpc = held
    enquiry.save(update_fields=["date_of_initial_cpc"])
    details = []
    if enquiry.cin_referral_date is not None:  # the CINdetails block the enquiry belongs to
        block = CinDetail.objects.filter(child=child, referral_date=enquiry.cin_referral_date)
        details = [[pk, str(was) if was else None]
                   for pk, was in block.values_list("pk", "date_of_initial_cpc")]  # fmt: skip
        block.update(date_of_initial_cpc=held)
    written: Written = {"section47": enquiry.pk, "cin_details": details, "plan": None}
    if not makes_plan:
        return written
    plan = CpPlan.objects.create(
        child=child,
        cin_referral_date=enquiry.cin_referral_date,
        start=held,
        initial_category=category,
        latest_category=category,
        number_of_previous_cpp=child.cp_plans.filter(start__lt=held).count(),
    )
    return written | {"plan": plan.pk}


def review_conference_record(
    *, child: Child, held: date, ends_plan: bool, category: str
) -> Written:
    """Add the review conference of the plan open on `held`. What the conference decided (it
    ended the plan, or changed its category) is kept as the unit's own outcome beside the
    census's fields, never written over them (ADR 17)."""
    plan = open_plans(held).filter(child=child).order_by("-start").first()
    if plan is None or plan.start > held:
        raise ValidationError({"child": f"{child.la_child_id} was not on a plan on that date"})
    if plan.reviews.filter(review_date=held).exists():
        raise ValidationError({"held": f"{child.la_child_id} already has a review that day"})
    review = CpPlanReview.objects.create(plan=plan, review_date=held)
    written: Written = {
        "plan_review": review.pk,
        "plan": plan.pk,
        "ended_was": str(plan.ended_by_conference) if plan.ended_by_conference else None,
        "category_was": plan.category_by_conference,
    }
    changed = []
    if category and category != plan.latest_category:
        plan.category_by_conference, changed = category, ["category_by_conference"]
    if ends_plan:
        plan.ended_by_conference = held
        changed.append("ended_by_conference")
    if changed:
        plan.save(update_fields=changed)
    return written


def meeting_records_undo(*, child: Child, written: Written) -> None:
    """Take back what a meeting wrote into `child`'s record (`written`), before it is
    recorded again corrected, or cancelled. Raises ValidationError (keyed `held`) when a
    return has since brought the record in: it is the authority's now."""
    if "lac_review" in written:
        review = LacReview.objects.filter(pk=written["lac_review"], child=child).first()
        if review is not None:
            _not_returned(review, f"{child.la_child_id}'s review is now in the SSDA903 return")
            review.delete()
    if "section47" in written:
        _initial_conference_undo(child, written)
    if "plan_review" in written:
        _review_conference_undo(child, written)


def _not_returned(row: Any, what: str) -> None:
    if row.source_file:
        raise ValidationError(
            {"held": f"{what}: correct it in the case management system and import it again"}
        )


def _initial_conference_undo(child: Child, written: Written) -> None:
    made = written.get("plan")
    plan = None if made is None else CpPlan.objects.filter(pk=made, child=child).first()
    if plan is not None:
        _not_returned(plan, f"{child.la_child_id}'s plan is now in the CIN census")
        if plan.reviews.exists():
            raise ValidationError(
                {"held": f"{child.la_child_id}'s plan has been reviewed since: cancel the "
                 "review conference first"}
            )  # fmt: skip
        plan.delete()
    enquiry = Section47.objects.filter(pk=written["section47"], child=child).first()
    if enquiry is not None:
        enquiry.date_of_initial_cpc = None
        enquiry.save(update_fields=["date_of_initial_cpc"])
    for pk, was in written.get("cin_details", []):
        CinDetail.objects.filter(pk=pk, child=child).update(
            date_of_initial_cpc=date.fromisoformat(was) if was else None
        )


def _review_conference_undo(child: Child, written: Written) -> None:
    review = CpPlanReview.objects.filter(pk=written["plan_review"], plan__child=child).first()
    if review is not None:
        _not_returned(review, f"{child.la_child_id}'s plan review is now in the CIN census")
        review.delete()
    plan = CpPlan.objects.filter(pk=written["plan"], child=child).first()
    if plan is not None:
        was = written.get("ended_was")
        plan.ended_by_conference = date.fromisoformat(was) if was else None
        plan.category_by_conference = written.get("category_was") or ""
        plan.save(update_fields=["ended_by_conference", "category_by_conference"])
