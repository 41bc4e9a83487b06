"""Short breaks: a disabled child's agreed series of short-term placements (LS V3 or V4).

V3 records each break as its own episode (RNE S, no change of placement within a break: rule
366); V4 records each agreement as one episode. Both are outside every LAC figure and have no
statutory review rows (rule 399).
"""

from __future__ import annotations

import random

from iru.data.synthetic.calendar import Day
from iru.data.synthetic.model import Episode, Period
from iru.data.synthetic.placements import placement

# REC for the end of a break: the child goes home as planned.
BREAK_ENDS = "E4A"


def short_breaks(
    rng: random.Random, start: Day, end: Day, home_post: str, today: Day
) -> Period | None:
    """The child's series of breaks from `start` to `end`, as known on `today`."""
    carer = placement(rng, "K2" if rng.random() < 0.6 else "U4", home_post, start)
    agreements = rng.random() < 0.3
    episodes: list[Episode] = []
    day = start
    while day < min(end, today):
        if agreements:
            length = rng.randint(150, 365)
            episode = Episode(day, "S", "V4", "N2", carer, home_post)
            gap = 1
        else:
            length = rng.randint(1, 4)
            episode = Episode(day, "S", "V3", "N2", carer, home_post)
            gap = rng.randint(10, 45)
        finish = min(day + length, end)
        if finish > today:
            episodes.append(episode)
            break
        episode.dec, episode.rec = finish, BREAK_ENDS
        episodes.append(episode)
        day = finish + gap
    return Period(episodes, short_breaks=True) if episodes else None
