"""GOV.UK Frontend form pieces for the chair's forms: a date input and the error summary links.

Django renders the widgets; `templates/chair/field.html` wraps any bound field in the GOV.UK
form group, label, hint and error message, so every form looks and behaves the same.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.forms import NON_FIELD_ERRORS

_PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))


class GovukDateInput(forms.MultiWidget):
    """Three boxes (day, month, year) named `<name>_day`, `<name>_month`, `<name>_year`."""

    template_name = "chair/widgets/date_input.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({key: forms.TextInput() for key, _, _ in _PARTS}, attrs)

    def decompress(self, value: date | None) -> list[int | None]:
        return [value.day, value.month, value.year] if value else [None, None, None]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        base_id = context["widget"]["attrs"].get("id")
        for sub, (key, label, width) in zip(context["widget"]["subwidgets"], _PARTS, strict=True):
            sub["label"], sub["width"] = label, width
            if base_id:  # `id_held_day`, not Django's `id_held_0`: the error summary links here
                sub["attrs"]["id"] = f"{base_id}_{key}"
        return context


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK's error messages."""

    widget = GovukDateInput

    def __init__(self, **kwargs: Any) -> None:
        fields = tuple(forms.CharField(required=False) for _ in _PARTS)
        kwargs.setdefault("error_messages", {})
        label = str(kwargs.get("label", "Date"))
        kwargs["error_messages"].setdefault("required", f"Enter the {label.lower()}")
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[str]) -> date | None:
        if not data_list or not any(part.strip() for part in data_list if part):
            return None
        label = str(self.label or "Date")
        missing = [name for (name, _, _), part in zip(_PARTS, data_list, strict=True) if not part]
        if missing:
            raise ValidationError(f"{label} must include a {missing[0]}")
        try:
            day, month, year = (int(part.strip()) for part in data_list)
            if year < 1900:
                raise ValueError("year")
            return date(year, month, day)
        except ValueError:
            raise ValidationError(f"{label} must be a real date") from None


def _href(form: forms.Form, name: str) -> str:
    if name == NON_FIELD_ERRORS or name not in form.fields:
        first = next(iter(form.fields), "")
        return _href(form, first) if first else "#main-content"
    field = form[name]
    widget = field.field.widget
    if isinstance(widget, GovukDateInput):
        return f"#{field.auto_id}_day"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"#{field.auto_id}_0"
    return f"#{field.auto_id}"


class GovukFormMixin:
    """Adds `error_links`: (href, message) for each error, for the GOV.UK error summary."""

    def error_links(self) -> list[tuple[str, str]]:
        form: Any = self
        return [
            (_href(form, name), str(message))
            for name, messages in form.errors.items()
            for message in messages
        ]


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields (or the form, for other keys)."""
    messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for name, texts in messages.items():
        target = name if name in form.fields else None
        for text in texts:
            form.add_error(target, text)
