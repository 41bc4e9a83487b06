"""The current reporting year and how much of it has passed (ADR 0005)."""

from __future__ import annotations

from datetime import date, timedelta


def current_year_end(today: date) -> date:
    """31 March of this year before April, otherwise 31 March next year."""
    return date(today.year if today.month < 4 else today.year + 1, 3, 31)


def complete_month_ends(*, year_end: date, today: date) -> list[date]:
    """The month ends of the reporting year ending `year_end` that are before `today`."""
    ends = []
    month_start = date(year_end.year - 1, year_end.month, 1) + timedelta(days=32)
    month_start = month_start.replace(day=1)
    for _ in range(12):
        next_start = (month_start + timedelta(days=32)).replace(day=1)
        end = next_start - timedelta(days=1)
        if end >= today:
            break
        ends.append(end)
        month_start = next_start
    return ends


def month_key(day: date) -> str:
    """The figures' key for a month: YYYY-MM."""
    return f"{day.year:04d}-{day.month:02d}"
