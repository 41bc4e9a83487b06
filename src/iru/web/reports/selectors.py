"""TEMPORARY on the annual branch: replaced by the unitfigures branch's selectors at merge."""

from __future__ import annotations

from datetime import date
from typing import Any


def year_unit_figures(*, year_end: date, today: date) -> dict[str, Any]:
    return {}
