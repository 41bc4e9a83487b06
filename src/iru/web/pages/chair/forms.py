"""The chair's forms: My children's filters, recording a meeting (two steps), the RAG form,
oversight notes and escalations. Services re-check everything the forms check."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django import forms

from iru.rules.codes.registry import code_list
from iru.rules.months import add_months
from iru.rules.participation import participation_choices
from iru.rules.rag import asks_for_detail
from iru.rules.timescales import REPORTS_SHARED_WORKING_DAYS
from iru.rules.years import collection_year
from iru.web.children.models import Child
from iru.web.children.presenters import child_label
from iru.web.core.forms import GovukDateField, GovukForm, reason_field
from iru.web.core.presenters import RAG_LABELS
from iru.web.disputes.models import RagReason
from iru.web.disputes.services.ratings import NEEDS_DETAIL
from iru.web.meetings.models import Meeting
from iru.web.meetings.outcomes import not_on_a_plan, outcome_choices, takes_category
from iru.web.meetings.presenters import ATTENDEES, BOOKLETS
from iru.web.meetings.services.checks import (
    BOOKLET_MISSING,
    CATEGORY_MISSING,
    CATEGORY_UNASKED,
    OUTCOME_MISSING,
    RECORD_WITHIN_MONTHS,
)
from iru.web.oversight.services import NOTE_WITHIN_MONTHS
from iru.web.schedule.selectors.due import KIND_LABELS

RATINGS = list(RAG_LABELS.items())
OUTCOME_HINTS: dict[str, str] = {
    Meeting.Kind.ICPC: "Change of category is for a child already subject to a plan, for example "
    "one who moved here on a plan.",
    Meeting.Kind.RCPC: "",
}
YES_NO = [("yes", "Yes"), ("no", "No"), ("na", "Not applicable (no reports or no parents)")]


class CaseloadFilterForm(GovukForm):
    """The GET filters of My children; only filters go in the URL, never a child's details."""

    kind = forms.ChoiceField(
        label="Next meeting", required=False, choices=[("", "Any meeting"), *KIND_LABELS.items()]
    )
    rag = forms.ChoiceField(
        label="Last RAG rating",
        required=False,
        choices=[("", "Any rating"), *RATINGS, ("none", "Not rated")],
    )
    overdue = forms.ChoiceField(
        label="Due", required=False, choices=[("", "Overdue or not"), ("yes", "Overdue only")]
    )
    sort = forms.ChoiceField(
        label="Sort by", required=False, choices=[("due", "Due date"), ("name", "Name")]
    )


class MeetingStartForm(GovukForm):
    kind = forms.ChoiceField(
        label="What kind of meeting was it?",
        choices=Meeting.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of meeting"},
    )
    children = forms.TypedMultipleChoiceField(
        label="Which children did it cover?",
        help_text="A conference often covers brothers and sisters: select each of them.",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the children the meeting covered"},
    )

    def __init__(self, *args: Any, caseload: Sequence[Child], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["children"].choices = [(c.pk, child_label(c)) for c in caseload]  # type: ignore[attr-defined]


class MeetingDetailsForm(GovukForm):
    held = GovukDateField(label="Date the meeting was held", help_text="For example, 27 3 2024")
    attendees = forms.MultipleChoiceField(
        label="Who attended?", choices=ATTENDEES, widget=forms.CheckboxSelectMultiple,
        required=False,
    )  # fmt: skip
    reports_shared = forms.ChoiceField(
        label=(
            "Were reports shared with parents at least "
            f"{REPORTS_SHARED_WORKING_DAYS} working days before?"
        ),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the reports were shared in time"},
    )

    def __init__(
        self, *args: Any, kind: str, children: Sequence[Child], today: date, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.kind, self.children, self.today = kind, list(children), today
        months = RECORD_WITHIN_MONTHS
        self.date_field("held").allow(
            today=today,
            latest=today,
            earliest=add_months(today, -months),
            too_early=f"Date the meeting was held must be within the last {months} months",
        )
        if kind == Meeting.Kind.LAC_REVIEW:
            self._add_participation()
        else:
            self._add_outcome(kind)
        self._add_booklets()

    def _add_participation(self) -> None:
        choices = participation_choices(self.today)
        for child in self.children:
            self.fields[f"participation_{child.pk}"] = forms.ChoiceField(
                label=f"How did {child_label(child)} take part?",
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": "Select how the child took part in the review"},
            )

    def _add_booklets(self) -> None:
        for child in self.children:
            # With several children the summary says whose, so no two of its links read alike.
            whose = f" for {child_label(child)}" if len(self.children) > 1 else ""
            self.fields[f"booklet_{child.pk}"] = forms.ChoiceField(
                label=f"Consultation booklet for {child_label(child)}",
                help_text="The booklet sent to the child before the meeting, for their views.",
                choices=BOOKLETS,
                widget=forms.RadioSelect,
                error_messages={"required": f"{BOOKLET_MISSING}{whose}"},
            )

    def _add_outcome(self, kind: str) -> None:
        categories = code_list("CategoryOfAbuse", collection_year(self.today))
        self.fields["outcome"] = forms.ChoiceField(
            label="What was the outcome of the conference?",
            help_text=OUTCOME_HINTS[kind],
            choices=outcome_choices(kind),
            widget=forms.RadioSelect,
            error_messages={"required": OUTCOME_MISSING},
        )
        self.fields["category"] = forms.ChoiceField(
            label="Category of abuse",
            help_text="Only for a new plan or a change of category.",
            choices=[("", "Not applicable"), *sorted(categories.descriptions.items())],
            required=False,
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        outcome, category = data.get("outcome"), data.get("category")
        if not outcome:
            return data
        if takes_category(self.kind, outcome) and not category:
            self.add_error("category", CATEGORY_MISSING)
        elif category and not takes_category(self.kind, outcome):
            self.add_error("category", CATEGORY_UNASKED)
        changes = outcome == Meeting.Outcome.CHANGE_OF_CATEGORY
        if changes and self.kind == Meeting.Kind.ICPC and data.get("held"):
            refusal = not_on_a_plan(self.children, data["held"])
            if refusal:
                self.add_error("outcome", refusal)
        return data

    def participation(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data.get(f"participation_{c.pk}", "") for c in self.children}

    def booklets(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data.get(f"booklet_{c.pk}", "") for c in self.children}

    def child_fields(self) -> list[forms.BoundField]:
        """Each child's questions together: how they took part (a LAC review), then what
        became of their consultation booklet."""
        names = (f"{question}_{c.pk}" for c in self.children
                 for question in ("participation", "booklet"))  # fmt: skip
        return [self[name] for name in names if name in self.fields]

    def reports_shared_3_days(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data["reports_shared"])


class MeetingCorrectForm(MeetingDetailsForm):
    """A recorded meeting's date, attendance, reports, participation and booklets, with why it
    changes. The outcome is not here: a conference's outcome is corrected by cancelling it and
    recording it again. A booklet a meeting from the unit's files did not record may stay
    unrecorded (`unrecorded`: those children's ids)."""

    reason = reason_field(
        missing="Enter why you are changing the meeting", example="the wrong date was typed"
    )

    def __init__(
        self, *args: Any, kept: date, unrecorded: Iterable[int] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for name in ("outcome", "category"):
            self.fields.pop(name, None)
        for pk in unrecorded:
            field = self.fields[f"booklet_{pk}"]
            field.required = False
            field.help_text = "Not recorded in the unit's files: select one if you know it."
        field = self.date_field("held")
        if field.earliest is not None and kept < field.earliest[0]:  # an old date may stay
            field.earliest = (kept, field.earliest[1])

    def clean(self) -> dict[str, Any]:
        return forms.Form.clean(self) or {}


class MeetingCancelForm(GovukForm):
    reason = reason_field(
        label="Why is it cancelled?",
        missing="Enter why the meeting is cancelled",
        example="it was recorded for the wrong child",
    )


class RagRatingForm(GovukForm):
    """Rating, then the catalogue's reasons for each rating (no JavaScript: all three shown)."""

    rating = forms.ChoiceField(
        label="Rating",
        choices=RATINGS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a rating"},
    )
    comment = forms.CharField(label="Comments", widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, reasons: Sequence[RagReason], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reasons = list(reasons)
        for value, label in RATINGS:
            self.fields[f"reasons_{value}"] = forms.MultipleChoiceField(
                label=f"Reasons for {label.lower()}",
                choices=[(r.code, r.text) for r in reasons if r.rating == value],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rating = data.get("rating")
        for value, _ in RATINGS:
            if value != rating and data.get(f"reasons_{value}"):
                self.add_error(f"reasons_{value}", "Only select reasons for the rating you chose")
        if rating in ("red", "amber") and not data.get(f"reasons_{rating}"):
            self.add_error(f"reasons_{rating}", "Select at least one reason for the rating")
        chosen = set(data.get(f"reasons_{rating}") or [])
        asks = any(asks_for_detail(r.text) for r in self.reasons if r.code in chosen)
        if asks and not (data.get("comment") or "").strip():
            self.add_error("comment", NEEDS_DETAIL)
        return data

    def reason_fields(self) -> list[forms.BoundField]:
        return [self[f"reasons_{value}"] for value, _ in RATINGS]


class OversightNoteForm(GovukForm):
    day = GovukDateField(label="Date of the oversight", help_text="For example, 27 3 2024")
    text = forms.CharField(
        label="Note", widget=forms.Textarea, error_messages={"required": "Enter the note"}
    )

    def __init__(
        self, *args: Any, today: date, born: date | None, keep: date | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        months = NOTE_WITHIN_MONTHS
        earliest = add_months(today, -months)
        too_early = f"Date of the oversight must be within the last {months} months"
        if born is not None and born > earliest:
            earliest = born
            too_early = "Date of the oversight must be on or after the child's birth"
        if keep is not None and keep < earliest:  # a correction may keep an old note's date
            earliest = keep
        self.date_field("day").allow(
            today=today, latest=today, earliest=earliest, too_early=too_early
        )


class CorrectionReasonForm(GovukForm):
    reason = reason_field(
        missing="Enter why you are changing the note", example="the wrong date was typed"
    )


class OversightCorrectForm(OversightNoteForm):
    reason = CorrectionReasonForm.base_fields["reason"]


class RagRatingCorrectForm(RagRatingForm):
    reason = reason_field(
        missing="Enter why you are changing the rating", example="the wrong reason was ticked"
    )


class RagRatingCancelForm(GovukForm):
    reason = reason_field(
        label="Why is it cancelled?",
        missing="Enter why the rating is cancelled",
        example="the case was rated after the wrong meeting",
    )


class EscalationRaiseForm(GovukForm):
    summary = forms.CharField(
        label="What is the dispute about?",
        help_text="It goes first, informally, to the child's team manager.",
        widget=forms.Textarea,
        error_messages={"required": "Enter what the dispute is about"},
    )


class EscalationAdvanceForm(GovukForm):
    response = forms.CharField(
        label="Response received at this stage (if any)", widget=forms.Textarea, required=False
    )
    to = forms.CharField(
        label="Who is it going to?",
        help_text="Their name and role, for example: Sam Lee, service manager",
        max_length=200,
        error_messages={"required": "Enter who the escalation is going to"},
    )


class EscalationResolveForm(GovukForm):
    outcome = forms.CharField(
        label="How was it resolved?",
        widget=forms.Textarea,
        error_messages={"required": "Enter how the dispute was resolved"},
    )
