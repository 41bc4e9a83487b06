"""The UI kit's form pieces: the one GOV.UK date field, a time field, error summary links,
service errors.

Every form in the app subclasses `GovukForm`; `templates/govuk/field.html` wraps any of its bound
fields in the GOV.UK form group, label, hint and error message, and `govuk/error_summary.html`
lists its errors, each linked to the input it is about.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, QueryDict

from iru.web.core.presenters import long_date

# (name suffix, label, width in characters, most digits accepted)
_PARTS = (("day", "Day", 2, 2), ("month", "Month", 2, 2), ("year", "Year", 4, 4))
EARLIEST_YEAR = 1900  # no record the unit keeps is older


class GovukDateInput(forms.MultiWidget):
    """Three boxes named `<name>_day`, `<name>_month`, `<name>_year` (ids likewise)."""

    template_name = "govuk/widgets/date_input.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({key: forms.TextInput() for key, _, _, _ in _PARTS}, attrs)

    def decompress(self, value: Any) -> list[int | None]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        base_id = context["widget"]["attrs"].get("id")
        context["widget"]["invalid"] = bool((attrs or {}).get("aria-invalid"))
        for sub, (key, label, width, _) in zip(
            context["widget"]["subwidgets"], _PARTS, strict=True
        ):
            sub["label"], sub["width"] = label, width
            if base_id:  # `id_held_day`, not Django's `id_held_0`: the error summary links here
                sub["attrs"]["id"] = f"{base_id}_{key}"
        return context


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, with the GOV.UK date input's error messages.

    Only digits are accepted, at most 2 for the day and month and exactly 4 for the year, so
    no input can overflow `date()`; a part missing or a date that does not exist is an error
    naming the field ("Date of the meeting must include a month").
    """

    widget = GovukDateInput

    def __init__(self, **kwargs: Any) -> None:
        fields = tuple(forms.CharField(required=False) for _ in _PARTS)
        label = str(kwargs.get("label") or "Date")
        messages = {"required": f"Enter the {label[0].lower()}{label[1:]}"}
        messages.update(kwargs.pop("error_messages", None) or {})
        kwargs.setdefault("help_text", "For example, 27 3 2024")
        super().__init__(fields, require_all_fields=False, error_messages=messages, **kwargs)
        self.earliest: tuple[date, str] | None = None
        self.latest: tuple[date, str] | None = None

    def allow(
        self,
        *,
        today: date,
        earliest: date | None = None,
        latest: date | None = None,
        too_early: str = "",
        too_late: str = "",
    ) -> None:
        """Limit the field to the dates its meaning allows (each form sets its own, from the
        `today` its view passes). A message says what is wrong in the user's words; by default
        "must be today or in the past", "must be on or after 4 June 2023" and the like."""
        label = str(self.label or "Date")
        if earliest is not None:
            after = (
                "today or in the future"
                if earliest == today
                else f"on or after {long_date(earliest)}"
            )
            self.earliest = (earliest, too_early or f"{label} must be {after}")
        if latest is not None:
            before = (
                "today or in the past" if latest == today else f"on or before {long_date(latest)}"
            )
            self.latest = (latest, too_late or f"{label} must be {before}")

    def compress(self, data_list: list[str]) -> date | None:
        parts = [str(part or "").strip() for part in (data_list or [])]
        if not any(parts):  # blank, or only spaces: Django's own check lets spaces through
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        label = str(self.label or "Date")
        missing = [name for (name, _, _, _), part in zip(_PARTS, parts, strict=False) if not part]
        if missing or len(parts) != len(_PARTS):
            raise ValidationError(f"{label} must include a {(missing or ['day'])[0]}")
        day, month, year = parts
        well_formed = all(part.isascii() and part.isdigit() for part in parts)
        if not well_formed or len(day) > 2 or len(month) > 2 or len(year) != 4:
            raise ValidationError(f"{label} must be a real date")
        try:
            value = date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{label} must be a real date") from None
        if value.year < EARLIEST_YEAR:
            raise ValidationError(f"{label} must be a real date")
        if self.earliest is not None and value < self.earliest[0]:
            raise ValidationError(self.earliest[1], code="too_early")
        if self.latest is not None and value > self.latest[0]:
            raise ValidationError(self.latest[1], code="too_late")
        return value


class GovukTimeField(forms.TimeField):
    """A time of day typed as people write it: 9:30am, 9.30am, 2pm or 14:30 (GOV.UK asks for
    a time in one box, with an example)."""

    input_formats = ["%H:%M", "%H.%M", "%I:%M%p", "%I.%M%p", "%I%p"]  # noqa: RUF012

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "For example, 9:30am or 14:30")
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-5"}))
        super().__init__(**kwargs)
        label = str(self.label or "The time")
        self.error_messages["invalid"] = f"{label} must be a time, like 9:30am or 14:30"

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace(" ", "")
        return super().to_python(value)


def reason_field(*, missing: str, example: str, label: str = "Why are you changing it?") -> Any:
    """The reason a correction or cancellation asks for, kept with the change (ADR 16)."""
    return forms.CharField(
        label=label,
        help_text=f"For example: {example}. It is kept with the change.",
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": missing},
    )


def _error_anchor(form: forms.BaseForm, name: str) -> str:
    """The id of the input a link to field `name` moves focus to (the first field for errors
    that belong to the whole form). Radios, checkboxes and the date input have no input with
    the field's own id, so the link goes to their first input."""
    if name == NON_FIELD_ERRORS or name not in form.fields:
        first = next(iter(form.fields), "")
        return _error_anchor(form, first) if first else "main-content"
    field = form[name]
    widget = field.field.widget
    if isinstance(widget, GovukDateInput):
        return f"{field.auto_id}_day"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.MultiWidget):
        return f"{field.auto_id}_0"
    return str(field.auto_id)


class GovukErrorLinks:
    """Lists a form's errors for the GOV.UK error summary, each linked to its input (a mixin
    for forms that must subclass another form, such as Django's sign-in form)."""

    def error_links(self) -> list[tuple[str, str]]:
        form = self
        assert isinstance(form, forms.BaseForm)
        return [
            (f"#{_error_anchor(form, name)}", str(message))
            for name, messages in form.errors.items()
            for message in messages
        ]


class GovukForm(GovukErrorLinks, forms.Form):
    """A form shown with the UI kit: `govuk/field.html` for its fields, `govuk/error_summary.html`
    for its errors."""

    def date_field(self, name: str) -> GovukDateField:
        """This form's own copy of its date field `name` (to set the dates it allows)."""
        field = self.fields[name]
        assert isinstance(field, GovukDateField)
        return field


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: a message keyed by a field of the form goes
    beside that field, any other message on the form as a whole (each keeps its code)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        target = name if name in form.fields else None
        for each in errors:
            form.add_error(target, each)


def posted(request: HttpRequest) -> QueryDict | None:
    """The POST data to bind a form to (an empty POST too), or None for a GET."""
    return request.POST if request.method == "POST" else None
