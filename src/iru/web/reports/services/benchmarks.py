"""England and statistical-neighbour values, entered by the Head of Service from the DfE's
published tables: each with its source; a correction keeps the value it replaced."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from iru.reports.benchmarks import COMPARATORS, MEASURES
from iru.rules.years import is_month_end
from iru.web.core.history import saved_by
from iru.web.people.models import User
from iru.web.reports.models import Benchmark

EARLIEST_YEAR = 2000  # the DfE's tables of these measures start in the 2000s


def _check(
    user: User, measure: str, comparator: str, year_end: date, value: Decimal, source: str,
    today: date,
) -> None:  # fmt: skip
    if user.role != User.Role.HEAD_OF_SERVICE:
        raise PermissionDenied("Only the Head of Service enters comparators")
    errors: dict[str, str] = {}
    if measure not in MEASURES:
        errors["measure"] = "Select a measure"
    if comparator not in COMPARATORS:
        errors["comparator"] = "Select England or statistical neighbours"
    if not is_month_end(year_end) or year_end.year < EARLIEST_YEAR or year_end > today:
        errors["year_end"] = (
            "The year must end on the last day of a month, after 2000 and not after today"
        )
    if not _percentage(value):
        errors["value"] = "Enter a percentage from 0 to 100, to one decimal place"
    if not source.strip():
        errors["source"] = "Enter where the value was published"
    if errors:
        raise ValidationError(errors)


def _percentage(value: Decimal) -> bool:
    """0 to 100 with at most one decimal place, as the DfE publishes them."""
    if not value.is_finite() or not Decimal(0) <= value <= Decimal(100):
        return False
    return value == value.quantize(Decimal("0.1"))


@transaction.atomic
def benchmark_add(
    *, user: User, measure: str, comparator: str, year_end: date, value: Decimal, source: str,
    today: date, now: datetime,
) -> Benchmark:  # fmt: skip
    """Enter a comparator's value for a measure and year (once: a second is a correction)."""
    _check(user, measure, comparator, year_end, value, source, today)
    taken = Benchmark.objects.filter(measure=measure, comparator=comparator, year_end=year_end)
    if taken.exists():
        raise ValidationError(
            {"year_end": "A value for this measure, comparator and year is already entered: "
                         "correct it in the list instead"}
        )  # fmt: skip
    record = Benchmark(
        measure=measure, comparator=comparator, year_end=year_end, value=value,
        source=source.strip(), recorded_by=user, recorded_at=now,
    )  # fmt: skip
    saved_by(record, user)
    return record


@transaction.atomic
def benchmark_correct(
    *, user: User, benchmark: Benchmark, value: Decimal, source: str, reason: str, today: date,
    now: datetime,
) -> Benchmark:  # fmt: skip
    """Correct a value or its source; the history keeps what it replaced, who and why."""
    _check(user, benchmark.measure, benchmark.comparator, benchmark.year_end, value, source,
           today=max(today, benchmark.year_end))  # fmt: skip
    if not reason.strip():
        raise ValidationError({"reason": "Enter why you are correcting the value"})
    benchmark.value, benchmark.source = value, source.strip()
    benchmark.recorded_by, benchmark.recorded_at = user, now
    saved_by(benchmark, user, reason.strip())
    return benchmark


@transaction.atomic
def benchmark_remove(*, user: User, benchmark: Benchmark, reason: str) -> None:
    """Take a value out (entered in error); its history keeps it, with who and why."""
    if user.role != User.Role.HEAD_OF_SERVICE:
        raise PermissionDenied("Only the Head of Service removes comparators")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why you are removing the value"})
    benchmark._history_user, benchmark._change_reason = user, reason.strip()  # type: ignore[attr-defined]
    benchmark.delete()
