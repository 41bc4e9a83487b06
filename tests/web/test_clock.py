"""The web app's one reading of the clock, and the demo's day."""

from __future__ import annotations

from datetime import date

import time_machine
from django.test import override_settings

from iru.web import clock


def test_today_is_the_unit_s_date_in_england():
    with time_machine.travel("2024-06-03 23:30 +00:00", tick=False):  # 00:30 in London (BST)
        assert clock.today() == date(2024, 6, 4)


def test_the_demo_s_day_when_iru_demo_sets_one():
    with override_settings(IRU_DEMO_TODAY="2016-03-15"):
        assert clock.today() == date(2016, 3, 15)
    with override_settings(IRU_DEMO_TODAY=None):
        assert clock.today() != date(2016, 3, 15)
