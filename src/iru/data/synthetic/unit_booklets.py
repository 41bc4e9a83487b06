"""Consultation booklets: sent to a child before each LAC review and conference, or not, and
returned or not.

A child under 4 is seldom sent one; a child who conveyed their views to the review by a
facilitative medium (PN6) nearly always returned theirs, and one whose views were not conveyed
(PN7) never did. Of the other children sent one, older children return it more often, children at
conferences less often than looked-after children, and each year a little more often than the
year before (the seed's priorities: children's views evidenced at every meeting).
"""

from __future__ import annotations

import random

from iru.data.synthetic.calendar import Day, start_year_of

# (from age, share returned in 2015-16), by meeting: lac (a LAC review) or cp (a conference).
RETURNED = {
    "lac": ((4, 0.36), (8, 0.5), (12, 0.57), (16, 0.62)),
    "cp": ((4, 0.2), (8, 0.3), (12, 0.4), (16, 0.44)),
}
SENT = {"lac": 0.92, "cp": 0.78}  # children 4 and over
SENT_UNDER_4 = 0.03
# The change in the share returned per collection year after 2015-16 (before it, less), within
# the limits.
TREND, TREND_LIMITS = 0.02, (-0.1, 0.12)


def booklet(rng: random.Random, meeting: str, age: int, code: str, day: Day) -> str:
    """not_sent / sent / returned for a child aged `age` at a meeting (`lac` or `cp`) on `day`;
    `code` is the child's PN code at a LAC review ("" at a conference)."""
    if age < 4:
        return "sent" if rng.random() < SENT_UNDER_4 else "not_sent"
    if code == "PN6":
        return "returned" if rng.random() < 0.9 else "sent"
    if code == "PN7":
        return "sent" if rng.random() < 0.6 else "not_sent"
    if rng.random() >= SENT[meeting]:
        return "not_sent"
    return "returned" if rng.random() < returned_share(meeting, age, day) else "sent"


def returned_share(meeting: str, age: int, day: Day) -> float:
    """The share of children of `age` sent a booklet for a `meeting` on `day` who return it."""
    share = 0.0
    for from_age, value in RETURNED[meeting]:
        if age >= from_age:
            share = value
    low, high = TREND_LIMITS
    return share + min(high, max(low, TREND * (start_year_of(day) - 2015)))
