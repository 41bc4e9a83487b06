"""Recording a meeting: the Meeting, its children, and the statutory record the figures read.

`meeting_record` writes everything in one transaction or nothing; what each child's record
gains comes from `children.services.records`. Saving those records marks the children's stored
next meeting for recomputing (`schedule.receivers`); the next due date then follows from
`iru.rules.timescales`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from iru.rules.months import add_months
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import require_in_scope
from iru.web.children.models import Child
from iru.web.children.services import records
from iru.web.meetings.models import Meeting, MeetingChild
from iru.web.people.access import chair_staff
from iru.web.people.models import User

# A meeting is recorded soon after it is held; one from longer ago is a mistyped year.
RECORD_WITHIN_MONTHS = 12


def _check(kind: str, held: date, today: date, outcome: str, category: str) -> None:
    if held > today:
        raise ValidationError({"held": "Date the meeting was held must be today or in the past"})
    if held < add_months(today, -RECORD_WITHIN_MONTHS):
        months = RECORD_WITHIN_MONTHS
        raise ValidationError(
            {"held": f"Date the meeting was held must be within the last {months} months"}
        )
    if kind not in Meeting.Kind.values:
        raise ValidationError({"kind": "Select the kind of meeting"})
    if kind == Meeting.Kind.ICPC and outcome not in Meeting.Outcome.values:
        raise ValidationError({"outcome": "Select whether the conference made a plan"})
    if outcome == Meeting.Outcome.PLAN and kind == Meeting.Kind.ICPC and not category:
        raise ValidationError({"category": "Select the category of abuse"})


def _record_for(
    child: Child, kind: str, held: date, code: str, outcome: str, category: str
) -> None:
    """The child's statutory record of the meeting; its errors keyed by the form's fields."""
    try:
        if kind == Meeting.Kind.LAC_REVIEW:
            records.lac_review_record(child=child, held=held, code=code)
        elif kind == Meeting.Kind.ICPC:
            makes_plan = outcome == Meeting.Outcome.PLAN
            records.initial_conference_record(
                child=child, held=held, makes_plan=makes_plan, category=category
            )
        else:
            ends_plan = outcome == Meeting.Outcome.NO_PLAN
            records.review_conference_record(
                child=child, held=held, ends_plan=ends_plan, category=category
            )
    except ValidationError as error:
        fields = {"participation": f"participation_{child.pk}", "child": "children"}
        raise ValidationError(
            {fields.get(key, key): texts for key, texts in error.message_dict.items()}
        ) from None


@transaction.atomic
def meeting_record(
    *,
    user: User,
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
    for child in children:
        code = participation.get(child.pk, "") if kind == Meeting.Kind.LAC_REVIEW else ""
        _record_for(child, kind, held, code, outcome, category)
        MeetingChild.objects.create(meeting=meeting, child=child, participation=code)
        access_event_record(user=user, action="record_meeting", outcome=ALLOWED, child=child)
    return meeting
