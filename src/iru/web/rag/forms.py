"""The chair's RAG form, oversight note and escalation forms."""

from __future__ import annotations

from typing import Any

from django import forms

from iru.web.meetings.govuk import GovukDateField, GovukFormMixin
from iru.web.rag.models import RagRating, RagReason


class RagRatingForm(GovukFormMixin, forms.Form):
    """Rating, then the catalogue's reasons for each rating (no JavaScript: all three shown)."""

    rating = forms.ChoiceField(
        label="Rating",
        choices=RagRating.Rating.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a rating"},
    )
    comment = forms.CharField(label="Comments", widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, meeting_type: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reasons = RagReason.objects.filter(meeting_type=meeting_type, in_catalogue=True)
        for value, label in RagRating.Rating.choices:
            self.fields[f"reasons_{value}"] = forms.MultipleChoiceField(
                label=f"Reasons for {label.lower()}",
                choices=[(r.code, r.text) for r in reasons if r.rating == value],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        rating = data.get("rating")
        for value in RagRating.Rating.values:
            if value != rating and data.get(f"reasons_{value}"):
                self.add_error(f"reasons_{value}", "Only select reasons for the rating you chose")
        if rating in ("red", "amber") and not data.get(f"reasons_{rating}"):
            self.add_error(f"reasons_{rating}", "Select at least one reason for the rating")
        return data

    def reason_fields(self) -> list[forms.BoundField]:
        return [self[f"reasons_{value}"] for value in RagRating.Rating.values]


class OversightNoteForm(GovukFormMixin, forms.Form):
    day = GovukDateField(label="Date of the oversight", help_text="For example, 27 3 2024")
    text = forms.CharField(
        label="Note", widget=forms.Textarea, error_messages={"required": "Enter the note"}
    )


class EscalationRaiseForm(GovukFormMixin, forms.Form):
    summary = forms.CharField(
        label="What is the dispute about?",
        help_text="It goes first, informally, to the child's team manager.",
        widget=forms.Textarea,
        error_messages={"required": "Enter what the dispute is about"},
    )


class EscalationAdvanceForm(GovukFormMixin, forms.Form):
    response = forms.CharField(
        label="Response received at this stage (if any)", widget=forms.Textarea, required=False
    )


class EscalationResolveForm(GovukFormMixin, forms.Form):
    outcome = forms.CharField(
        label="How was it resolved?",
        widget=forms.Textarea,
        error_messages={"required": "Enter how the dispute was resolved"},
    )
