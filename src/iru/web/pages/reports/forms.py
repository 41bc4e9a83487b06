"""Forms of the report pages: the year, the narrative, comparators, publishing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms

from iru.reports.annual import year_label
from iru.reports.benchmarks import COMPARATORS, MEASURES
from iru.reports.narrative import MAX_LENGTH
from iru.web.core.forms import GovukForm, reason_field
from iru.web.reports.services.benchmarks import EARLIEST_YEAR


class YearForm(GovukForm):
    year_end = forms.TypedChoiceField(
        label="Year ending", coerce=date.fromisoformat, choices=(),
        error_messages={"invalid_choice": "Choose a year the data covers"},
    )  # fmt: skip

    def __init__(self, *args: Any, year_ends: list[date], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["year_end"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(day.isoformat(), f"{day:%-d %B %Y} ({year_label(day)})")
                         for day in year_ends]  # fmt: skip


class NarrativeForm(GovukForm):
    text = forms.CharField(
        label="Text", required=False, max_length=MAX_LENGTH, strip=True,
        widget=forms.Textarea(attrs={"rows": 14, "class": "govuk-textarea"}),
        help_text="Markdown: a blank line between paragraphs, **bold**, *italic*, a line "
        "starting with - for a bullet, 1. for a numbered list, ### for a heading.",
        error_messages={"max_length": f"The section must be {MAX_LENGTH:,} characters or fewer"},
    )  # fmt: skip


class BenchmarkForm(GovukForm):
    measure = forms.ChoiceField(
        label="Measure", choices=[("", "Select a measure"), *MEASURES.items()],
        error_messages={"required": "Select a measure", "invalid_choice": "Select a measure"},
    )  # fmt: skip
    comparator = forms.ChoiceField(
        label="Compared with", choices=list(COMPARATORS.items()), widget=forms.RadioSelect,
        error_messages={"required": "Select England or statistical neighbours"},
    )  # fmt: skip
    year_end = forms.TypedChoiceField(
        label="For the year ending", coerce=date.fromisoformat, choices=(),
        error_messages={"required": "Select the year", "invalid_choice": "Select the year"},
    )  # fmt: skip
    value = forms.DecimalField(
        label="Value (%)", min_value=Decimal(0), max_value=Decimal(100), max_digits=4,
        decimal_places=1, widget=forms.TextInput,
        error_messages={
            "required": "Enter the value",
            "invalid": "Enter the value as a number, like 68.5",
            "min_value": "Enter a percentage from 0 to 100",
            "max_value": "Enter a percentage from 0 to 100",
            "max_decimal_places": "Enter the value to one decimal place",
            "max_digits": "Enter a percentage from 0 to 100, to one decimal place",
        },
    )  # fmt: skip
    source = forms.CharField(
        label="Where it was published", max_length=300,
        help_text="For example: DfE, Children looked after in England, year ending 31 March "
        "2015, table B1",
        error_messages={"required": "Enter where the value was published",
                        "max_length": "Enter the source in 300 characters or fewer"},
    )  # fmt: skip

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["year_end"]
        assert isinstance(field, forms.TypedChoiceField)
        last = today.year if today >= date(today.year, 3, 31) else today.year - 1
        years = [date(year, 3, 31) for year in range(last, EARLIEST_YEAR, -1)]
        field.choices = [("", "Select the year"),
                         *((day.isoformat(), f"{day:%-d %B %Y}") for day in years)]  # fmt: skip


class BenchmarkCorrectForm(GovukForm):
    value = BenchmarkForm.base_fields["value"]
    source = BenchmarkForm.base_fields["source"]
    reason = reason_field(
        missing="Enter why you are correcting the value",
        example="Typed 86.5 for 68.5",
    )


class BenchmarkRemoveForm(GovukForm):
    reason = reason_field(
        missing="Enter why you are removing the value",
        example="Entered for the wrong year",
        label="Why are you removing it?",
    )


class PublishForm(GovukForm):
    """A first version needs nothing more; a later one a reason (checked before the files,
    which take seconds to make, are made)."""

    reason = forms.CharField(
        label="Why are you publishing a new version?", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
        error_messages={"max_length": "Enter the reason in 2,000 characters or fewer"},
    )  # fmt: skip

    def __init__(self, *args: Any, needs_reason: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.needs_reason = needs_reason

    def clean_reason(self) -> str:
        reason: str = self.cleaned_data["reason"].strip()
        if self.needs_reason and not reason:
            raise forms.ValidationError("Enter why you are publishing a new version")
        return reason


class EditionForm(GovukForm):
    edition = forms.ChoiceField(
        label="Edition",
        choices=[("full", "Full figures"), ("public", "For publication")],
        required=False,
    )
