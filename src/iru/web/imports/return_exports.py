"""The SSDA903 Reviews table taken out of the database for the authority's return, logged.

The return leaves the unit with every looked-after child's ID and date of birth, so each
export is an access event (`export_reviews_return`): a download for the signed-in user, the
command `iru export reviews` for whoever runs it on the server. The rows come from
`children.returns_export`, scoped by `caseloads.scope.children_visible_to` for a user (admin
and the Head of Service, the only roles the page admits, see every child).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from django.contrib.auth.models import AnonymousUser

from iru.data.write903 import ReviewRow
from iru.rules.years import collection_year, collection_year_span
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import children_visible_to
from iru.web.children.returns_export import (
    YearReviews,
    lac_reviews_for_return,
    reviews_by_collection_year,
)
from iru.web.people.models import User

EXPORT_REVIEWS: Final = "export_reviews_return"


def reviews_return_for_user(user: User, *, year: int, today: date, path: str) -> list[ReviewRow]:
    """The Reviews table of collection year `year` (2016 is 2015-16) of the children `user`
    may see on `today`; the export is logged against `path`."""
    first, last = collection_year_span(year)
    visible = children_visible_to(user, today=today)
    rows = lac_reviews_for_return(year_start=first, year_end=last, children=visible)
    access_event_record(user=user, action=EXPORT_REVIEWS, outcome=ALLOWED, path=path)
    return rows


def reviews_return_for_command(*, year: int, command: str) -> list[ReviewRow]:
    """The Reviews table of collection year `year` of every child, for the command line (run
    on the server, with the database's own rights); logged with `command` as its path."""
    first, last = collection_year_span(year)
    rows = lac_reviews_for_return(year_start=first, year_end=last)
    access_event_record(user=AnonymousUser(), action=EXPORT_REVIEWS, outcome=ALLOWED,
                        path=command)  # fmt: skip
    return rows


def review_return_years(*, today: date) -> list[YearReviews]:
    """The collection years an export can be made for, latest first, with their counts: every
    year holding a review, and the year in progress on `today` even if it holds none yet."""
    years = reviews_by_collection_year()
    current = collection_year(today)
    if current not in {each.year for each in years}:
        years.append(YearReviews(year=current, reviews=0, recorded_here=0, without_code=0))
    return sorted(years, key=lambda each: -each.year)
