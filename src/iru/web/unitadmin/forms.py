"""Forms for the admin team's pages. Services re-check everything the forms check."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from iru.web.meetings.models import Meeting
from iru.web.unitadmin import selectors
from iru.web.unitadmin.govuk_forms import DateInputField

MAX_INVITEES = 30


class ScheduleFilterForm(forms.Form):
    """The schedule's filters, from the query string; every value is optional."""

    chair = forms.TypedChoiceField(label="Chair", required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label="Meeting type", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].choices = [("", "All chairs")] + [
            (s.pk, s.full_name) for s in selectors.chairs()
        ]
        self.fields["kind"].choices = [("", "All meeting types"), *Meeting.Kind.choices]
        self.fields["chair"].error_messages["invalid_choice"] = "Select a chair from the list"
        self.fields["kind"].error_messages["invalid_choice"] = "Select a meeting type from the list"


class ConveneForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of meeting",
        choices=Meeting.Kind.choices,
        error_messages={"required": "Select the type of meeting"},
    )
    date = DateInputField(label="Date of the meeting")
    chair = forms.ModelChoiceField(
        label="Chair",
        queryset=selectors.chairs(),
        required=False,
        empty_label="Not yet decided",
        error_messages={"invalid_choice": "Select a chair from the list"},
    )
    invitees = forms.CharField(
        label="Who is invited",
        required=False,
        widget=forms.Textarea,
        help_text="One person a line, for example: Jo Smith (mother)",
    )
    booklets_sent = DateInputField(label="Consultation booklets sent", required=False)
    booklets_returned = DateInputField(label="Consultation booklets returned", required=False)

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_invitees(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["invitees"].splitlines()]
        names = [line for line in lines if line]
        if len(names) > MAX_INVITEES:
            raise forms.ValidationError(f"Invite no more than {MAX_INVITEES} people")
        if any(len(name) > 200 for name in names):
            raise forms.ValidationError("Each invitee must be 200 characters or fewer")
        return names

    def clean_date(self) -> date:
        value: date = self.cleaned_data["date"]
        if value < self.today:
            raise forms.ValidationError("The meeting date must be today or in the future")
        return value


class BookletsForm(forms.Form):
    booklets_sent = DateInputField(label="Consultation booklets sent", required=False)
    booklets_returned = DateInputField(label="Consultation booklets returned", required=False)
