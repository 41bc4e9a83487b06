"""What a meeting's record must say before anything is written: a date within the last year
and not in the future, a conference's outcome from its kind's list with a category where one
means something (`meetings.outcomes`), a change of category at an initial conference only for
a child already subject to a plan, and what became of every child's consultation booklet.

Each raises ValidationError keyed by the record-a-meeting form's fields (`held`, `outcome`,
`category`, `booklet_<child id>`), so the message goes beside the field it is about.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from django.core.exceptions import ValidationError

from iru.rules.codes.registry import code_list
from iru.rules.months import add_months
from iru.rules.years import collection_year
from iru.web.children.models import Child
from iru.web.meetings import outcomes
from iru.web.meetings.models import Meeting, MeetingChild

# A meeting is recorded soon after it is held; one from longer ago is a mistyped year.
RECORD_WITHIN_MONTHS = 12
BOOKLET_MISSING = "Select what happened to the consultation booklet"
OUTCOME_MISSING = "Select the outcome of the conference"
CATEGORY_MISSING = "Select the category of abuse"
CATEGORY_UNASKED = "Only select a category of abuse for a new plan or a change of category"


def check_date(held: date, today: date) -> None:
    """Held today or before, and within the last RECORD_WITHIN_MONTHS months."""
    if held > today:
        raise ValidationError({"held": "Date the meeting was held must be today or in the past"})
    if held < add_months(today, -RECORD_WITHIN_MONTHS):
        months = RECORD_WITHIN_MONTHS
        raise ValidationError(
            {"held": f"Date the meeting was held must be within the last {months} months"}
        )


def check_outcome(kind: str, outcome: str, category: str, held: date) -> None:
    """A conference's outcome is one of its kind's, with a category where one means
    something (a new plan, a change of category) and none elsewhere; a LAC review has none."""
    if kind not in Meeting.Kind.values:
        raise ValidationError({"kind": "Select the kind of meeting"})
    if kind == Meeting.Kind.LAC_REVIEW:
        if outcome or category:
            raise ValidationError({"outcome": "A looked-after child review has no outcome"})
        return
    if outcome not in dict(outcomes.outcome_choices(kind)):
        raise ValidationError({"outcome": OUTCOME_MISSING})
    if not outcomes.takes_category(kind, outcome):
        if category:
            raise ValidationError({"category": CATEGORY_UNASKED})
        return
    if category not in code_list("CategoryOfAbuse", collection_year(held)).descriptions:
        raise ValidationError({"category": CATEGORY_MISSING})


def check_record(
    kind: str, held: date, today: date, outcome: str, category: str, children: Sequence[Child]
) -> None:
    """Everything about the meeting as a whole, before any child's record is written."""
    check_date(held, today)
    check_outcome(kind, outcome, category, held)
    if kind == Meeting.Kind.ICPC and outcome == Meeting.Outcome.CHANGE_OF_CATEGORY:
        refusal = outcomes.not_on_a_plan(children, held)
        if refusal:
            raise ValidationError({"outcome": refusal})


def check_booklets(children: Sequence[Child], booklets: Mapping[int, str]) -> None:
    """Every child covered has what became of their booklet (`booklets`: child id -> code)."""
    missing = {
        f"booklet_{child.pk}": BOOKLET_MISSING
        for child in children
        if booklets.get(child.pk, "") not in MeetingChild.Booklet.values
    }
    if missing:
        raise ValidationError(missing)


def booklets_corrected(
    links: Sequence[MeetingChild], booklets: Mapping[int, str]
) -> dict[int, str]:
    """Each link's booklet after the correction (by link id): a child left out keeps theirs;
    one not recorded (a meeting from the unit's files) may stay so, a recorded one may not."""
    kept = {link.pk: booklets.get(link.child_id, link.booklet) for link in links}
    missing = {
        f"booklet_{link.child_id}": BOOKLET_MISSING
        for link in links
        if kept[link.pk] not in MeetingChild.Booklet.values and (kept[link.pk] or link.booklet)
    }
    if missing:
        raise ValidationError(missing)
    return kept
