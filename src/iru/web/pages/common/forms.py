"""The sign-in form, shown with the UI kit."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm

from iru.web.core.forms import GovukErrorLinks

# One message whatever went wrong, so the page never tells whether an account exists.
SIGN_IN_FAILED = "Enter a correct username and password"


class SignInForm(GovukErrorLinks, AuthenticationForm):
    def error_links(self) -> list[tuple[str, str]]:
        return [("#id_username", SIGN_IN_FAILED)] if self.errors else []
