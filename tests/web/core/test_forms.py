"""The UI kit's one date field: every input is a date, None or a clear error, never a 500."""

from __future__ import annotations

from datetime import date

import pytest
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st

from iru.web.core.forms import GovukDateField, GovukForm, add_service_errors


class DateForm(GovukForm):
    held = GovukDateField(label="Date the meeting was held")
    maybe = GovukDateField(label="Date booklets were sent", required=False)
    choice = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect, required=False)


def bound(day: str, month: str, year: str, **extra: str) -> DateForm:
    return DateForm({"held_day": day, "held_month": month, "held_year": year, **extra})


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("29", "2", "2024"), date(2024, 2, 29)),
        ((" 1 ", "04", "2016"), date(2016, 4, 1)),
        (("31", "12", "1900"), date(1900, 12, 31)),
    ],
)
def test_real_dates(parts, expected):
    form = bound(*parts)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["held"] == expected
    assert form.cleaned_data["maybe"] is None


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the date the meeting was held"),
        (("29", "2", "2023"), "Date the meeting was held must be a real date"),
        (("31", "4", "2024"), "Date the meeting was held must be a real date"),
        (("1", "13", "2024"), "Date the meeting was held must be a real date"),
        (("x", "1", "2024"), "Date the meeting was held must be a real date"),
        (("1", "1", "24"), "Date the meeting was held must be a real date"),
        (("1", "1", "1899"), "Date the meeting was held must be a real date"),
        (("1", "1", "99999999999"), "Date the meeting was held must be a real date"),
        (("9999999999", "1", "2024"), "Date the meeting was held must be a real date"),
        (("١", "1", "2024"), "Date the meeting was held must be a real date"),  # Arabic-Indic 1
        (("1", "", "2024"), "Date the meeting was held must include a month"),
        (("", "1", ""), "Date the meeting was held must include a day"),
    ],
)
def test_wrong_dates_are_clear_errors(parts, message):
    form = bound(*parts)
    assert not form.is_valid()
    assert form.errors["held"] == [message]


def test_the_error_summary_links_to_the_first_box_and_the_first_radio():
    form = DateForm({"choice": "zz"})
    assert not form.is_valid()
    assert form.error_links() == [
        ("#id_held_day", "Enter the date the meeting was held"),
        ("#id_choice_0", "Select a valid choice. zz is not one of the available choices."),
    ]


def test_a_service_s_errors_go_beside_their_field_or_on_the_form():
    form = bound("1", "1", "2024")
    assert form.is_valid()
    error = forms.ValidationError({"held": "Too late", "elsewhere": "Nope"})
    add_service_errors(form, error)
    assert form.errors["held"] == ["Too late"]
    assert form.non_field_errors() == ["Nope"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12), st.text(max_size=12), st.text(max_size=12))
def test_no_input_breaks_the_date_field(day, month, year):
    form = bound(day, month, year)
    if form.is_valid():
        assert isinstance(form.cleaned_data["held"], date)
    else:
        assert form.errors["held"]
        assert form.error_links()
