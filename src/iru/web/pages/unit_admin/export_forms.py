"""The form of the SSDA903 Reviews download: which collection year."""

from __future__ import annotations

from typing import Any

from django import forms

from iru.rules.years import collection_year_label, collection_year_span
from iru.web.core.forms import GovukForm


class ReviewsYearForm(GovukForm):
    """A collection year among `years` (2016 is 2015-16), from the query string."""

    year = forms.TypedChoiceField(
        label="Collection year",
        coerce=int,
        help_text="1 April to 31 March: the reviews held in that year",
        error_messages={"invalid_choice": "Select a collection year from the list",
                        "required": "Select a collection year"},
    )  # fmt: skip

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(year, _year_choice(year)) for year in years]


def _year_choice(year: int) -> str:
    first, last = collection_year_span(year)
    return f"{collection_year_label(year)} ({first:%-d %B %Y} to {last:%-d %B %Y})"
