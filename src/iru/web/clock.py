"""The web app's one reading of the clock, so tests can freeze it (time-machine).

Views and services take `today` from here and pass it on; pure code never reads the clock.
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.utils import timezone


def now() -> datetime:
    """The current moment, timezone-aware (UTC)."""
    return timezone.now()


def today() -> date:
    """Today's date in the unit's time zone (settings.TIME_ZONE, Europe/London), or the demo's
    day (`iru demo --today D` sets `IRU_DEMO_TODAY`, read by the local settings only)."""
    demo_day = getattr(settings, "IRU_DEMO_TODAY", None)
    if demo_day:
        return date.fromisoformat(demo_day)
    return timezone.localdate()
