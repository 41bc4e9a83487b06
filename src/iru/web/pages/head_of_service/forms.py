"""Forms for the Head of Service's pages: validated on the server, shown with GOV.UK markup."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from iru.rules.months import add_months
from iru.rules.rag import MEETING_TYPES, RATINGS
from iru.web.caseloads.models import Allocation
from iru.web.caseloads.services import REALLOCATE_AHEAD_MONTHS
from iru.web.core.forms import GovukDateField, GovukForm, reason_field
from iru.web.disputes.services.catalogue import MAX_TEXT
from iru.web.people import selectors
from iru.web.people.models import Staff, Team, User

MEETING_TYPE_LABELS = {"lac": "Looked-after child review", "cp": "Child protection conference"}


class StaffChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]  # generic in the stubs only
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.get_role_display()})"


class ChildSearchForm(GovukForm):
    query = forms.CharField(
        label="Name or ID",
        max_length=100,
        error_messages={"required": "Enter a child's name or ID"},
    )


class ReallocateForm(GovukForm):
    kind = forms.ChoiceField(
        label="Which case",
        choices=Allocation.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether this is the looked-after or CP case"},
    )
    chair = StaffChoiceField(
        label="New chair",
        queryset=Staff.objects.none(),
        empty_label="Select a chair",
        error_messages={"required": "Select the new chair", "invalid_choice": "Select a chair"},
    )
    social_worker = StaffChoiceField(
        label="Social worker (optional)",
        queryset=Staff.objects.none(),
        required=False,
        empty_label="Keep the current social worker",
        error_messages={"invalid_choice": "Select a social worker from the list"},
    )
    team = forms.ModelChoiceField(
        label="Team (optional)",
        queryset=Team.objects.none(),
        required=False,
        empty_label="Keep the current team",
        error_messages={"invalid_choice": "Select a team from the list"},
    )
    effective = GovukDateField(
        label="Date the new allocation starts",
        error_messages={"required": "Enter the date the new allocation starts"},
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        months = REALLOCATE_AHEAD_MONTHS
        self.date_field("effective").allow(
            today=today,
            latest=add_months(today, months),
            too_late=f"The new allocation must start within {months} months of today",
        )
        self.fields["chair"].queryset = selectors.chairs(today=today)  # type: ignore[attr-defined]
        self.fields["social_worker"].queryset = selectors.social_workers()  # type: ignore[attr-defined]
        self.fields["team"].queryset = selectors.teams()  # type: ignore[attr-defined]


class AllocationCorrectForm(GovukForm):
    chair = StaffChoiceField(
        label="Chair",
        queryset=Staff.objects.none(),
        required=False,
        empty_label="None",
        error_messages={"invalid_choice": "Select a chair"},
    )
    social_worker = StaffChoiceField(
        label="Social worker",
        queryset=Staff.objects.none(),
        required=False,
        empty_label="None",
        error_messages={"invalid_choice": "Select a social worker from the list"},
    )
    team = forms.ModelChoiceField(
        label="Team",
        queryset=Team.objects.none(),
        required=False,
        empty_label="None",
        error_messages={"invalid_choice": "Select a team from the list"},
    )
    start = GovukDateField(
        label="Date the allocation started",
        error_messages={"required": "Enter the date the allocation started"},
    )
    reason = reason_field(
        missing="Enter why you are changing the allocation",
        example="the wrong chair was chosen",
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        months = REALLOCATE_AHEAD_MONTHS
        self.date_field("start").allow(
            today=today,
            latest=add_months(today, months),
            too_late=f"It must start within {months} months of today",
        )
        self.fields["chair"].queryset = selectors.chairs(today=today)  # type: ignore[attr-defined]
        self.fields["social_worker"].queryset = selectors.social_workers()  # type: ignore[attr-defined]
        self.fields["team"].queryset = selectors.teams()  # type: ignore[attr-defined]


class AllocationCancelForm(GovukForm):
    reason = reason_field(
        label="Why is it cancelled?",
        missing="Enter why the allocation is cancelled",
        example="the case was given to the wrong chair",
    )


class ReasonAddForm(GovukForm):
    meeting_type = forms.ChoiceField(
        label="Meeting",
        choices=[(m, MEETING_TYPE_LABELS[m]) for m in MEETING_TYPES],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of meeting"},
    )
    rating = forms.ChoiceField(
        label="Rating",
        choices=[(r, r.capitalize()) for r in RATINGS],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the rating"},
    )
    text = forms.CharField(
        label="Reason",
        max_length=MAX_TEXT,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter the reason",
            "max_length": f"The reason must be {MAX_TEXT} characters or fewer",
        },
    )


class ReasonEditForm(GovukForm):
    text = ReasonAddForm.base_fields["text"]


class UserRoleForm(GovukForm):
    role = forms.ChoiceField(
        label="Role",
        choices=User.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a role"},
    )
    staff = StaffChoiceField(
        label="Staff record",
        queryset=Staff.objects.none(),
        required=False,
        empty_label="No staff record",
        help_text="Chairs and team managers must be linked to their staff record",
        error_messages={"invalid_choice": "Select a staff record from the list"},
    )

    def __init__(self, *args: Any, keep: Staff | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        free = selectors.staff_without_user(keep=keep)
        self.fields["staff"].queryset = free  # type: ignore[attr-defined]


class UserCreateForm(UserRoleForm):
    username = forms.CharField(
        label="Username",
        max_length=150,
        error_messages={"required": "Enter a username"},
    )
    password = forms.CharField(
        label="Initial password",
        widget=forms.PasswordInput,
        help_text="At least 12 characters; give it to them in person",
        error_messages={"required": "Enter an initial password"},
    )

    field_order = ("username", "role", "staff", "password")
