"""The record-a-meeting forms: first the kind and children, then what happened."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms

from iru.rules.codes.registry import code_list
from iru.web.children.models import Child
from iru.web.meetings.govuk import GovukDateField, GovukFormMixin
from iru.web.meetings.models import Meeting
from iru.web.meetings.participation import collection_year

ATTENDEES = [
    ("child", "Child or young person"),
    ("parent", "Parent"),
    ("carer", "Carer"),
    ("social_worker", "Social worker"),
    ("advocate", "Advocate"),
    ("health", "Health"),
    ("education", "Education"),
    ("police", "Police"),
    ("other", "Other agency"),
]
YES_NO = [("yes", "Yes"), ("no", "No"), ("na", "Not applicable (no reports or no parents)")]


def child_label(child: Child) -> str:
    name = f"{child.given_name} {child.family_name}".strip() or "Name not recorded"
    return f"{name} ({child.la_child_id})"


class MeetingStartForm(GovukFormMixin, forms.Form):
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
        self.fields["children"].choices = [(c.pk, child_label(c)) for c in caseload]


class MeetingDetailsForm(GovukFormMixin, forms.Form):
    held = GovukDateField(label="Date the meeting was held", help_text="For example, 27 3 2024")
    attendees = forms.MultipleChoiceField(
        label="Who attended?", choices=ATTENDEES, widget=forms.CheckboxSelectMultiple,
        required=False,
    )  # fmt: skip
    reports_shared = forms.ChoiceField(
        label="Were reports shared with parents at least 3 working days before?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether reports were shared 3 days before"},
    )

    def __init__(
        self, *args: Any, kind: str, children: Sequence[Child], today: date, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.kind, self.children, self.today = kind, list(children), today
        if kind == Meeting.Kind.LAC_REVIEW:
            self._add_participation()
        else:
            self._add_outcome(kind)

    def _add_participation(self) -> None:
        codes = code_list("REVIEW_CODE", collection_year(self.today))
        choices = [(c, f"{c}: {codes.descriptions[c]}") for c in sorted(codes.codes)]
        for child in self.children:
            self.fields[f"participation_{child.pk}"] = forms.ChoiceField(
                label=f"How did {child_label(child)} take part?",
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": "Select how the child took part in the review"},
            )

    def _add_outcome(self, kind: str) -> None:
        categories = code_list("CategoryOfAbuse", collection_year(self.today))
        self.fields["outcome"] = forms.ChoiceField(
            label="Outcome" if kind == Meeting.Kind.RCPC else "Did the conference make a plan?",
            choices=Meeting.Outcome.choices,
            widget=forms.RadioSelect,
            required=kind == Meeting.Kind.ICPC,
            error_messages={"required": "Select whether the conference made a plan"},
        )
        self.fields["category"] = forms.ChoiceField(
            label="Category of abuse",
            help_text="Needed when the conference makes a plan.",
            choices=[("", "Not applicable"), *sorted(categories.descriptions.items())],
            required=False,
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("outcome") == Meeting.Outcome.PLAN and not data.get("category"):
            self.add_error("category", "Select the category of abuse")
        return data

    def participation(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data.get(f"participation_{c.pk}", "") for c in self.children}

    def participation_fields(self) -> list[forms.BoundField]:
        return [
            self[f"participation_{c.pk}"]
            for c in self.children
            if f"participation_{c.pk}" in self.fields
        ]

    def reports_shared_3_days(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data["reports_shared"])
