"""The forms of an answer to a concern (a team manager's to a RAG rating, a reply to an
escalation) and the rows of dated actions it commits to: a fixed number of rows, so no
JavaScript is needed; a correction shows the actions it has, and one row more."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from django import forms

from iru.rules.months import add_months
from iru.web.core.forms import GovukDateField, GovukForm, reason_field
from iru.web.disputes.services.responses import ACTION_WITHIN_MONTHS, ActionInput

if TYPE_CHECKING:
    from iru.web.disputes.models import DatedAction

ACTION_ROWS = 3


class ActionRowsForm(GovukForm):
    """Rows `action_<n>` and `action_<n>_due`; `cleaned_data["actions"]` the filled ones."""

    def __init__(
        self, *args: Any, today: date, existing: Sequence[DatedAction] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        last = max((action.position for action in existing), default=0)
        extra = max(ACTION_ROWS - len(existing), 1)
        self.rows: list[tuple[int, DatedAction | None]] = [
            *((action.position, action) for action in existing),
            *((last + n, None) for n in range(1, extra + 1)),
        ]
        for row, (_, action) in enumerate(self.rows, start=1):
            self._row_fields(row, action)

    def _row_fields(self, row: int, action: DatedAction | None) -> None:
        text = forms.CharField(label=f"Action {row}", required=False, max_length=2000,
                               widget=forms.Textarea)  # fmt: skip
        due = GovukDateField(label=f"Action {row} to be done by", required=False)
        months = ACTION_WITHIN_MONTHS
        # A correction may keep the date the action has, even one now past.
        earliest = min(self.today, action.due) if action else self.today
        due.allow(
            today=self.today,
            earliest=earliest,
            latest=add_months(self.today, months),
            too_early=f"Action {row}'s date must be today or later",
            too_late=f"Action {row}'s date must be within the next {months} months",
        )
        self.fields[f"action_{row}"], self.fields[f"action_{row}_due"] = text, due
        if action is not None:
            self.initial.setdefault(f"action_{row}", action.text)
            self.initial.setdefault(f"action_{row}_due", action.due)

    def action_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"action_{row}"], self[f"action_{row}_due"])
            for row in range(1, len(self.rows) + 1)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        actions = []
        for row, (position, _) in enumerate(self.rows, start=1):
            text, due = cleaned.get(f"action_{row}", "").strip(), cleaned.get(f"action_{row}_due")
            if f"action_{row}_due" in self.errors:
                continue
            if text and due is None:
                self.add_error(f"action_{row}_due", f"Enter the date action {row} will be done by")
            elif due is not None and not text:
                self.add_error(f"action_{row}", f"Enter action {row}, or remove its date")
            elif text and due is not None:
                actions.append(ActionInput(text=text, due=due, position=position))
        cleaned["actions"] = actions
        return cleaned


def response_field(label: str = "Your response") -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea,
        max_length=10_000,
        error_messages={"required": "Enter your response"},
    )


class AnswerForm(ActionRowsForm):
    """The response to a rating or an escalation, and the actions it commits to, each with
    the date it will be done by."""

    response = response_field()


class ResponseCorrectForm(ActionRowsForm):
    response = response_field("The response")
    reason = reason_field(
        missing="Enter why you are changing the response", example="the wrong date was typed"
    )


class ReplyForm(ActionRowsForm):
    """A reply the chair received at an escalation's stage, and the actions it commits to."""

    response = response_field("The reply received")
