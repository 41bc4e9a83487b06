"""The annual report's RAG figures from the database: the year's ratings only, the same as from
every rating, and read again as soon as a rating or its reasons change."""

from __future__ import annotations

from datetime import date

import pytest

from iru.figures.rag import rag_month_figures, rag_year_figures
from iru.web.children.models import Child
from iru.web.disputes.models import RagRating, RagReason
from iru.web.disputes.selectors.report import ratings_frame
from iru.web.meetings.models import Meeting
from iru.web.reports.selectors import year_rag_figures

pytestmark = pytest.mark.django_db

YEAR_END = date(2024, 3, 31)
TODAY = date(2024, 6, 3)


def _rate(day: date, colour: str, *codes: str) -> RagRating:
    meeting = Meeting.objects.create(kind="lac_review", date=day)
    rating = RagRating.objects.create(
        meeting=meeting, child=Child.objects.get(la_child_id="A1"), rating=colour
    )
    rating.reasons.add(*RagReason.objects.filter(code__in=codes))
    return rating


def test_the_year_s_figures_are_those_of_every_rating(users):
    _rate(date(2024, 3, 31), "red", "LAC-R-01")  # the year's last day
    _rate(date(2024, 4, 1), "red", "LAC-R-01")  # the next year's first
    _rate(date(2023, 3, 31), "green")  # the year before's last
    every = ratings_frame(Child.objects.all())
    figures = year_rag_figures(year_end=YEAR_END, today=TODAY)
    expected = rag_year_figures(every, YEAR_END)
    assert figures["by_month"] == expected["by_month"]
    assert figures["total"] == expected["total"]
    assert figures["last_month"] == rag_month_figures(every, YEAR_END, as_at=YEAR_END)["reasons"]
    assert figures["last_month"]["lac"]["red"] == {"LAC-R-01": 1}


def test_a_new_rating_or_reason_is_counted_at_once(users):
    before = year_rag_figures(year_end=YEAR_END, today=TODAY)["total"]["lac"]["red"]
    rating = _rate(date(2024, 3, 20), "red")
    assert year_rag_figures(year_end=YEAR_END, today=TODAY)["total"]["lac"]["red"] == before + 1
    rating.reasons.add(RagReason.objects.get(code="LAC-R-02"))
    last_month = year_rag_figures(year_end=YEAR_END, today=TODAY)["last_month"]
    assert last_month["lac"]["red"]["LAC-R-02"] == 1
