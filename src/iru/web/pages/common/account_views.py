"""Your account: change your own password (every role)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from iru.web.core.forms import add_service_errors
from iru.web.pages.common.forms import PasswordChangeForm
from iru.web.people.access import SignedInRequest
from iru.web.people.services import user_password_change
from iru.web.people.sessions import sign_in_again


@require_http_methods(["GET", "POST"])
@login_required
def password_change(request: SignedInRequest) -> HttpResponse:
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user_password_change(
                user=request.user,
                current=form.cleaned_data["old_password"],
                new=form.cleaned_data["new_password1"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # Every session of the account has ended; this one carries on, signed in afresh.
            sign_in_again(request, request.user)
            messages.success(request, "Your password has been changed. You have been signed "
                             "out everywhere else.")  # fmt: skip
            return redirect("home")
    return render(request, "common/password_change.html", {"form": form})
