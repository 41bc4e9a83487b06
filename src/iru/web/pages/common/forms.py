"""The sign-in form, and the month picker of the monthly report, shown with the UI kit."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from iru.web.core.forms import GovukErrorLinks, GovukForm

# One message whatever went wrong, so the page never tells whether an account exists.
SIGN_IN_FAILED = "Enter a correct username and password"


class SignInForm(GovukErrorLinks, AuthenticationForm):
    def error_links(self) -> list[tuple[str, str]]:
        return [("#id_username", SIGN_IN_FAILED)] if self.errors else []


def _month(value: str) -> date:
    return date.fromisoformat(f"{value}-01")


class MonthForm(GovukForm):
    """The month of a monthly report: one of `months` (first days, latest first)."""

    month = forms.TypedChoiceField(
        label="Month", coerce=_month, choices=(),
        error_messages={"invalid_choice": "Choose a month from the list",
                        "required": "Choose a month from the list"},
    )  # fmt: skip

    def __init__(self, *args: Any, months: list[date], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["month"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(f"{month:%Y-%m}", f"{month:%B %Y}") for month in months]
