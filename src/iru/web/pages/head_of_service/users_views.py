"""Users and roles: list, create, change role, deactivate."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from iru.web.core.forms import add_service_errors, posted
from iru.web.pages.head_of_service.access import head_of_service_required
from iru.web.pages.head_of_service.forms import UserCreateForm, UserRoleForm
from iru.web.people import selectors
from iru.web.people import services as user_services
from iru.web.people.access import SignedInRequest


@head_of_service_required
@require_GET
def user_list(request: SignedInRequest) -> HttpResponse:
    context = {"users": selectors.users(), "nav": "users"}
    return render(request, "head_of_service/user_list.html", context)


@head_of_service_required
@require_http_methods(["GET", "POST"])
def user_add(request: SignedInRequest) -> HttpResponse:
    form = UserCreateForm(posted(request))
    if form.is_valid():
        try:
            user = user_services.user_create(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"User {user.username} created")
            return redirect("management:users")
    return render(request, "head_of_service/user_add.html", {"form": form, "nav": "users"})


@head_of_service_required
@require_http_methods(["GET", "POST"])
def user_role(request: SignedInRequest, pk: int) -> HttpResponse:
    subject = selectors.user_or_404(pk)
    initial = {"role": subject.role, "staff": subject.staff_id}
    form = UserRoleForm(posted(request), initial=initial, keep=subject.staff)
    if form.is_valid():
        try:
            user_services.user_set_role(user=subject, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{subject.username}'s role changed")
            return redirect("management:users")
    context = {"form": form, "subject": subject, "nav": "users"}
    return render(request, "head_of_service/user_role.html", context)


@head_of_service_required
@require_http_methods(["GET", "POST"])
def user_deactivate(request: SignedInRequest, pk: int) -> HttpResponse:
    subject = selectors.user_or_404(pk, active_only=True)
    error = None
    if request.method == "POST":
        try:
            user_services.user_deactivate(user=subject, by=request.user)
        except ValidationError as problem:
            error = problem.messages[0]
        else:
            messages.success(request, f"{subject.username} can no longer sign in")
            return redirect("management:users")
    context = {"subject": subject, "error": error, "nav": "users"}
    return render(request, "head_of_service/user_deactivate.html", context)
