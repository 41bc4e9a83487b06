"""The team manager's response forms. A fixed number of action rows: no JavaScript needed."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from iru.rules.months import add_months
from iru.web.core.forms import GovukDateField, GovukForm
from iru.web.disputes.services.responses import ACTION_WITHIN_MONTHS, ActionInput

ACTION_ROWS = 3


class ResponseForm(GovukForm):
    response = forms.CharField(
        label="Your response",
        widget=forms.Textarea,
        max_length=10_000,
        error_messages={"required": "Enter your response"},
    )


class RatingResponseForm(ResponseForm):
    """The response, and up to `ACTION_ROWS` actions each with the date it will be done by."""

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        for i in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{i}"] = forms.CharField(
                label=f"Action {i}", required=False, max_length=2000, widget=forms.Textarea
            )
            due = GovukDateField(label=f"Action {i} to be done by", required=False)
            due.allow(
                today=today,
                earliest=today,
                latest=add_months(today, ACTION_WITHIN_MONTHS),
                too_early=f"Action {i}'s date must be today or later",
                too_late=f"Action {i}'s date must be within the next {ACTION_WITHIN_MONTHS} months",
            )
            self.fields[f"action_{i}_due"] = due

    def action_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"action_{i}"], self[f"action_{i}_due"]) for i in range(1, ACTION_ROWS + 1)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        actions = []
        for i in range(1, ACTION_ROWS + 1):
            text, due = cleaned.get(f"action_{i}", "").strip(), cleaned.get(f"action_{i}_due")
            if f"action_{i}_due" in self.errors:
                continue
            if text and due is None:
                self.add_error(f"action_{i}_due", f"Enter the date action {i} will be done by")
            elif due is not None and not text:
                self.add_error(f"action_{i}", f"Enter action {i}, or remove its date")
            elif text and due is not None:
                actions.append(ActionInput(text=text, due=due))
        cleaned["actions"] = actions
        return cleaned
