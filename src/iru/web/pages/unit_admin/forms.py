"""Forms for the admin team's pages. Services re-check everything the forms check."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms

from iru.rules.months import add_months
from iru.web.core.forms import GovukDateField, GovukForm, GovukTimeField, reason_field
from iru.web.meetings.models import Meeting
from iru.web.meetings.services.convening import CONVENE_WITHIN_MONTHS
from iru.web.people.selectors import chairs

MAX_INVITEES = 30


class ScheduleFilterForm(GovukForm):
    """The schedule's filters, from the query string; every value is optional."""

    chair = forms.TypedChoiceField(label="Chair", required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label="Meeting type", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].choices = [("", "All chairs")] + [  # type: ignore[attr-defined]
            (s.pk, s.full_name) for s in chairs()
        ]
        self.fields["kind"].choices = [("", "All meeting types"), *Meeting.Kind.choices]  # type: ignore[attr-defined]
        self.fields["chair"].error_messages["invalid_choice"] = "Select a chair from the list"
        self.fields["kind"].error_messages["invalid_choice"] = "Select a meeting type from the list"


class WhenAndWhereForm(GovukForm):
    """A convened meeting's date, start, venue, chair and invitees, as arranged or moved."""

    date = GovukDateField(label="Date of the meeting")
    time = GovukTimeField(label="Start time", required=False)
    venue = forms.CharField(
        label="Venue",
        required=False,
        max_length=200,
        help_text="For example: Civic Centre, room 2; the family's home; Online",
        error_messages={"max_length": "The venue must be 200 characters or fewer"},
    )
    chair = forms.ModelChoiceField(
        label="Chair",
        queryset=chairs(),
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
    on_a_non_working_day = forms.BooleanField(
        label="Yes, hold it on that day",
        required=False,
        help_text="For example, an emergency conference on a bank holiday.",
    )

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.date_field("date").allow(
            today=today,
            earliest=today,
            latest=add_months(today, CONVENE_WITHIN_MONTHS),
            too_early="The meeting date must be today or in the future",
            too_late=f"The meeting date must be within the next {CONVENE_WITHIN_MONTHS} months",
        )

    def clean_invitees(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["invitees"].splitlines()]
        names = [line for line in lines if line]
        if len(names) > MAX_INVITEES:
            raise forms.ValidationError(f"Invite no more than {MAX_INVITEES} people")
        if any(len(name) > 200 for name in names):
            raise forms.ValidationError("Each invitee must be 200 characters or fewer")
        return names

    @property
    def asks_about_the_day(self) -> bool:
        """The date is a weekend or bank holiday: show the confirmation box."""
        errors = self.errors.as_data().get("date", [])
        return any(error.code == "non_working_day" for error in errors) or bool(
            self.data.get("on_a_non_working_day")
        )


class ConveneForm(WhenAndWhereForm):
    field_order = ("kind", "date", "on_a_non_working_day", "time", "venue", "chair")

    kind = forms.ChoiceField(
        label="Type of meeting",
        choices=Meeting.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of meeting"},
    )
    booklets_sent = GovukDateField(label="Consultation booklets sent", required=False)
    booklets_returned = GovukDateField(label="Consultation booklets returned", required=False)

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, today=today, **kwargs)
        booklet_dates_allow(self, today)


class ConveningCorrectForm(WhenAndWhereForm):
    reason = reason_field(
        missing="Enter why you are changing the meeting", example="the family asked to move it"
    )


class ConveningCancelForm(GovukForm):
    reason = reason_field(
        label="Why is it cancelled?",
        missing="Enter why the meeting is cancelled",
        example="the child has returned home",
    )


class BookletsForm(GovukForm):
    booklets_sent = GovukDateField(label="Consultation booklets sent", required=False)
    booklets_returned = GovukDateField(label="Consultation booklets returned", required=False)

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        booklet_dates_allow(self, today)


def booklet_dates_allow(form: GovukForm, today: datetime.date) -> None:
    """Booklets go out and come back by today, and within the last year."""
    months = CONVENE_WITHIN_MONTHS
    for name, what in (("booklets_sent", "were sent"), ("booklets_returned", "came back")):
        form.date_field(name).allow(
            today=today,
            latest=today,
            earliest=add_months(today, -months),
            too_late=f"The date booklets {what} must be today or in the past",
            too_early=f"The date booklets {what} must be within the last {months} months",
        )
