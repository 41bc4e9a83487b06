"""The SSDA903 Reviews table for the authority's return, as a download (admin and the Head of
Service): the reviews imported and those recorded in the app, for a collection year.

GET without a year shows the years and their counts; GET with one answers the CSV file
(`SSDA903_2015-16_Reviews.csv`), the export logged by the selector.
"""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from iru.data.write903 import reviews_csv, reviews_file_name
from iru.rules.years import collection_year
from iru.web import clock
from iru.web.children.returns_export import YearReviews
from iru.web.core.access import role_required
from iru.web.imports.return_exports import review_return_years, reviews_return_for_user
from iru.web.pages.unit_admin.export_forms import ReviewsYearForm
from iru.web.people.access import SignedInRequest
from iru.web.people.roles import ADMIN, HEAD_OF_SERVICE


@require_GET
@role_required(ADMIN, HEAD_OF_SERVICE)
def reviews_export(request: SignedInRequest) -> HttpResponse:
    today = clock.today()
    years = review_return_years(today=today)
    data = request.GET if "year" in request.GET else None
    initial = {"year": _latest_ended(years, today)}
    form = ReviewsYearForm(data, initial=initial, years=[each.year for each in years])
    if data is not None and form.is_valid():
        year: int = form.cleaned_data["year"]
        path = request.get_full_path()
        rows = reviews_return_for_user(request.user, year=year, today=today, path=path)
        response = HttpResponse(reviews_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{reviews_file_name(year)}"'
        return response
    context = {"form": form, "years": years}
    status = 400 if data is not None else 200
    return render(request, "unit_admin/reviews_export.html", context, status=status)


def _latest_ended(years: list[YearReviews], today: date) -> int | None:
    """The year chosen at first: the latest that has ended (its return is the one due)."""
    ended = [each.year for each in years if each.year < collection_year(today)]
    return ended[0] if ended else None
