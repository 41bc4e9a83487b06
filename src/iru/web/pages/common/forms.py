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


class PasswordChangeForm(GovukForm):
    """Your own password: the one you have, and the new one twice (the policy is checked by
    the service, `people.services.user_password_change`)."""

    old_password = forms.CharField(
        label="Current password", strip=False, max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your current password"},
    )  # fmt: skip
    new_password1 = forms.CharField(
        label="New password", strip=False, max_length=4096,
        help_text="At least 12 characters and not easy to guess: three or four unrelated "
        "words work well.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a new password"},
    )  # fmt: skip
    new_password2 = forms.CharField(
        label="New password again", strip=False, max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter the new password again"},
    )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        new, again = cleaned.get("new_password1"), cleaned.get("new_password2")
        if new and again and new != again:
            self.add_error("new_password2", "The two new passwords do not match")
        return cleaned


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
