"""What a meeting the unit held writes into the child's statutory record.

The chair's record of a meeting (`meetings.services.recording`) calls these, one child at a
time, inside its transaction: a LAC review adds the child's SSDA903 review (REVIEW_CODE); an
initial conference dates the section 47 enquiry's conference and starts a child protection
plan that day, or changes the category of the plan the child is already on, or (the child
died) ends it; a review conference adds the plan's review and may end the plan or change its
category. What a conference decides about a plan already open is the unit's own word, kept
beside the census's fields (`ended_by_conference`, `category_by_conference`: ADR 17). Each
raises ValidationError keyed by what is wrong: `participation`, `child` (the child's records
do not allow it) or `held` (the date).

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
from iru.web.children.presenters import child_label
from iru.web.children.selectors import open_plan_of, pending_section47s, plan_category

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
    *, child: Child, held: date, makes_plan: bool, category: str, ends_plan: bool = False
) -> Written:
    """Date the initial conference of the child's latest section 47 enquiry awaiting one, and
    write what it decided about a plan:

    - `makes_plan`: a plan starts that day with `category`;
    - otherwise a `category` is a change of category of the plan the child is already on
      (one transferred in, say), refused for a child on no plan that day;
    - `ends_plan` (the child died): the plan the child was on that day, if any, ends.

    A decision about a plan already open is kept beside the census's fields (ADR 17)."""
    on_plan = open_plan_of(child, on=held)
    changes_category = bool(category) and not makes_plan
    if changes_category and on_plan is None:
        raise ValidationError({"child": f"{child_label(child)} was not on a plan on that date"})
    enquiry = pending_section47s(held).filter(child=child).order_by("-start").first()
    if enquiry is None:
        raise ValidationError(
            {"child": f"{child.la_child_id} has no section 47 enquiry awaiting a conference"}
        )
    written = _enquiry_dated(child, enquiry, held) | {"plan": None}
    if on_plan is not None and (changes_category or ends_plan):
        decided = _plan_decide(on_plan, held, ends=ends_plan, category=category)
        written |= {"open_plan": on_plan.pk, **decided}
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


def _enquiry_dated(child: Child, enquiry: Section47, held: date) -> Written:
    """Date the enquiry's initial conference, and its CINdetails block's."""
    enquiry.date_of_initial_cpc = held
    enquiry.save(update_fields=["date_of_initial_cpc"])
    details = []
    if enquiry.cin_referral_date is not None:  # the CINdetails block the enquiry belongs to
        block = CinDetail.objects.filter(child=child, referral_date=enquiry.cin_referral_date)
        details = [[pk, str(was) if was else None]
                   for pk, was in block.values_list("pk", "date_of_initial_cpc")]  # fmt: skip
        block.update(date_of_initial_cpc=held)
    return {"section47": enquiry.pk, "cin_details": details}


def review_conference_record(
    *, child: Child, held: date, ends_plan: bool, category: str
) -> Written:
    """Add the review conference of the plan open on `held`. What the conference decided (it
    ended the plan, or changed its category) is kept as the unit's own outcome beside the
    census's fields, never written over them (ADR 17)."""
    plan = open_plan_of(child, on=held)
    if plan is None:
        raise ValidationError({"child": f"{child.la_child_id} was not on a plan on that date"})
    if plan.reviews.filter(review_date=held).exists():
        raise ValidationError({"held": f"{child.la_child_id} already has a review that day"})
    review = CpPlanReview.objects.create(plan=plan, review_date=held)
    decided = _plan_decide(plan, held, ends=ends_plan, category=category)
    return {"plan_review": review.pk, "plan": plan.pk, **decided}


def _plan_decide(plan: CpPlan, held: date, *, ends: bool, category: str) -> Written:
    """Keep a conference's decision about an open plan beside the census's fields: it ends
    that day, and/or its category is now `category`. Returns the values replaced and those
    written, so that taking it back restores the first only while the second still stand."""
    written: Written = {
        "ended_was": str(plan.ended_by_conference) if plan.ended_by_conference else None,
        "category_was": plan.category_by_conference,
        "ended": None,
        "category": None,
    }
    changed = []
    if category and category != plan_category(plan):
        plan.category_by_conference, changed = category, ["category_by_conference"]
        written["category"] = category
    if ends:
        plan.ended_by_conference = held
        changed.append("ended_by_conference")
        written["ended"] = str(held)
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
    if written.get("open_plan") is not None:
        _plan_decision_undo(child, written["open_plan"], written)


def _review_conference_undo(child: Child, written: Written) -> None:
    review = CpPlanReview.objects.filter(pk=written["plan_review"], plan__child=child).first()
    if review is not None:
        _not_returned(review, f"{child.la_child_id}'s plan review is now in the CIN census")
        review.delete()
    _plan_decision_undo(child, written["plan"], written)


def _plan_decision_undo(child: Child, plan_pk: int, written: Written) -> None:
    """Put back the plan's `ended_by_conference` and `category_by_conference` as they were
    before the conference; refused when a later conference has changed what it wrote (a
    record from before these were kept, with no "ended" or "category", is simply put back)."""
    plan = CpPlan.objects.filter(pk=plan_pk, child=child).first()
    if plan is None:
        return
    ended, category = written.get("ended"), written.get("category")
    since = (ended is not None and str(plan.ended_by_conference) != ended) or (
        category is not None and plan.category_by_conference != category
    )
    if since:
        raise ValidationError(
            {"held": f"{child.la_child_id}'s plan has been changed by a later conference: "
             "cancel that one first"}
        )  # fmt: skip
    was = written.get("ended_was")
    plan.ended_by_conference = date.fromisoformat(was) if was else None
    plan.category_by_conference = written.get("category_was") or ""
    plan.save(update_fields=["ended_by_conference", "category_by_conference"])
