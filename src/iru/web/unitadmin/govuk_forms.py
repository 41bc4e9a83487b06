"""Form fields shaped for GOV.UK Frontend: the date input pattern (day, month, year)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError


class DateInputWidget(forms.MultiWidget):
    """Three text inputs, day, month and year, rendered as a GOV.UK date input."""

    template_name = "govuk/widgets/date.html"

    def __init__(self) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateInputField(forms.MultiValueField):
    """A date typed as day, month and year; a part missing or a date that does not exist is
    an error naming the field, as the GOV.UK date input pattern asks."""

    widget = DateInputWidget

    def __init__(self, **kwargs: Any) -> None:
        parts = (forms.CharField(required=False),) * 3
        super().__init__(fields=parts, require_all_fields=False, **kwargs)
        label = str(self.label or "The date")
        self.error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"

    def compress(self, data_list: list[Any]) -> date | None:
        parts = [str(part or "").strip() for part in (data_list or [])]
        if not any(parts):
            return None
        label = str(self.label or "The date")
        if not all(parts) or len(parts) != 3:
            raise ValidationError(f"{label} must include a day, month and year")
        if not all(part.isdigit() for part in parts) or len(parts[2]) != 4:
            raise ValidationError(f"{label} must be a real date, for example 27 3 2024")
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            raise ValidationError(f"{label} must be a real date") from None
