"""The unit's establishment: its posts, who held each one when, and their long leave.

Each area has the seed's establishment (docs/synthetic.md): on 31 March 2016 two full-time IRO
posts and one of 30 hours held, a second 30-hour IRO post vacant, two full-time ICC posts held and
one of 20 hours whose holder is on maternity leave, both covered by one agency chair; a LADO, a
part-time admin services coordinator, 2.5 full-time equivalent minute takers, three part-time
administrators and a full-time one; and, in the first area, the head of service's post. Before and
after that day holders come and go: a chair's post left empty for more than a few weeks, or whose
holder is on long leave, is usually covered by an agency chair. The posts open on 1 April 2004
(IROs came in with the Adoption and Children Act 2002, that year).

Holdings and leave run from `start` to `end`, exclusive, empty while they last, as in the unit's
files. A chair is *available* to chair meetings while holding a chair's post and not on leave:
`chair_spells` are those stretches, which the allocator picks chairs from.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import NamedTuple

from iru.data.synthetic.calendar import Day, ordinal
from iru.data.synthetic.unit_staff import Staff, Unit

FULL_TIME_HOURS = 37
POSTS_FROM = ordinal(2004, 4, 1)
SEED_DAY = ordinal(2016, 3, 31)  # the seed's year end: the establishment as the seed describes it
SEED_YEAR = (ordinal(2015, 4, 1), ordinal(2016, 4, 1))  # no other leave in it
CHAIR_KINDS = ("iro", "icc")
ROLE_OF_KIND = {"iro": "iro", "icc": "icc", "manager": "head_of_service"}  # the rest: admin
# Years a substantive holder stays (chairs are long serving: the seed), days a post is empty
# between holders, and the share of chairs' gaps and long leave covered by an agency chair.
TENURE_YEARS = {"chair": (5, 14), "other": (3, 10)}
GAP_DAYS = (20, 150)
AGENCY_COVER = 0.8
LEAVE_SHARE = 0.12
LEAVE_DAYS = {"maternity": (240, 365), "sickness": (60, 200)}


class PostPlan(NamedTuple):
    kind: str
    title: str
    hours: float
    on_seed_day: str  # held / vacant / leave


ESTABLISHMENT = (
    PostPlan("iro", "Independent Reviewing Officer", 37, "held"),
    PostPlan("iro", "Independent Reviewing Officer", 37, "held"),
    PostPlan("iro", "Independent Reviewing Officer (30 hours)", 30, "held"),
    PostPlan("iro", "Independent Reviewing Officer (30 hours)", 30, "vacant"),
    PostPlan("icc", "Independent Conference Chair", 37, "held"),
    PostPlan("icc", "Independent Conference Chair", 37, "held"),
    PostPlan("icc", "Independent Conference Chair (20 hours)", 20, "leave"),
    PostPlan("lado", "Local Authority Designated Officer", 37, "held"),
    PostPlan("admin", "Admin Services Coordinator (22.5 hours)", 22.5, "held"),
    PostPlan("minute_taker", "Minute Taker", 37, "held"),
    PostPlan("minute_taker", "Minute Taker", 37, "held"),
    PostPlan("minute_taker", "Minute Taker (18.5 hours)", 18.5, "held"),
    PostPlan("admin", "Administrator (18.5 hours)", 18.5, "held"),
    PostPlan("admin", "Administrator (18.5 hours)", 18.5, "held"),
    PostPlan("admin", "Administrator (22.5 hours)", 22.5, "held"),
    PostPlan("admin", "Administrator", 37, "held"),
)
HEAD_OF_SERVICE = PostPlan("manager", "Head of Service, Independent Reviewing Unit", 37, "held")


def fte_of(hours: float) -> float:
    """Full-time equivalent of `hours` a week, to two places (37 hours = 1.0; 30 = 0.81)."""
    return round(hours / FULL_TIME_HOURS, 2)


@dataclass(frozen=True, slots=True)
class Post:
    id: str
    title: str
    kind: str
    fte: float
    start: Day
    area: int


@dataclass(frozen=True, slots=True)
class Holding:
    id: str
    post: Post
    staff: Staff
    kind: str  # substantive / agency
    start: Day
    end: Day | None


@dataclass(frozen=True, slots=True)
class Leave:
    id: str
    holding: Holding
    reason: str
    start: Day
    end: Day | None


@dataclass(frozen=True, slots=True)
class ChairSpell:
    """A stretch of days `staff` is available to chair meetings of `kind` (iro / icc)."""

    staff: Staff
    start: Day
    end: Day | None
    weight: float  # the post's FTE: a part-time chair is given fewer children

    def covers(self, day: Day) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


class Establishment:
    """Every area's posts, holdings and leave up to `today`, and the chairs' `chair_spells` by
    (kind, area)."""

    def __init__(self, rng: random.Random, unit: Unit, today: Day) -> None:
        self.rng, self.unit, self.today = rng, unit, today
        self.posts: list[Post] = []
        self.holdings: list[Holding] = []
        self.leaves: list[Leave] = []
        self._seed_agency: dict[int, Staff] = {}
        for area in range(unit.areas):
            for plan in ESTABLISHMENT:
                self._post(plan, area)
        post = self._new_post(HEAD_OF_SERVICE, 0)
        self._hold(post, unit.head_of_service, "substantive", POSTS_FROM, None)
        self.chair_spells = self._chair_spells()

    def _new_post(self, plan: PostPlan, area: int) -> Post:
        suffix = f", Area {area + 1}" if self.unit.areas > 1 and plan.kind != "manager" else ""
        post_id = f"P{len(self.posts) + 1:05d}"
        post = Post(post_id, plan.title + suffix, plan.kind, fte_of(plan.hours), POSTS_FROM, area)
        self.posts.append(post)
        return post

    def _post(self, plan: PostPlan, area: int) -> None:
        """A post and its holders from POSTS_FROM to today, as the seed has it on SEED_DAY."""
        post = self._new_post(plan, area)
        tenures = self._tenures(plan)
        previous: Day | None = None
        for start, end in tenures:
            if previous is not None:
                seed = plan.on_seed_day == "vacant" and previous <= SEED_DAY < start
                self._cover(post, previous, start, seed=seed)
            staff = self.unit.add_staff(ROLE_OF_KIND.get(plan.kind, "admin"), "", post.fte, area)
            holding = self._hold(post, staff, "substantive", start, end)
            seed_leave = plan.on_seed_day == "leave" and start <= SEED_DAY < end
            if holding is not None:
                self._leave(holding, end, seed=seed_leave)
            previous = end
        if previous is not None and previous <= self.today:  # empty today
            self._cover(post, previous, None, seed=False)

    def _tenures(self, plan: PostPlan) -> list[tuple[Day, Day]]:
        """The substantive holders' (start, end) in turn, ends not yet cut at today: one holds
        the post on SEED_DAY, or (vacant) one left shortly before and the next comes after."""
        rng = self.rng
        low, high = TENURE_YEARS["chair" if plan.kind in CHAIR_KINDS else "other"]

        def tenure() -> int:
            return rng.randint(low * 365, high * 365)

        following: Day | None = None
        if plan.on_seed_day == "vacant":
            left = SEED_DAY - rng.randint(60, 200)
            spells = [(left - tenure(), left)]
            following = SEED_DAY + rng.randint(90, 240)
        else:
            spells = [(SEED_DAY - rng.randint(365, high * 365), SEED_DAY + rng.randint(400, 2900))]
        while spells[0][0] > POSTS_FROM:
            end = spells[0][0] - rng.randint(*GAP_DAYS)
            if end - POSTS_FROM < 365:  # the first holder held it from the start
                spells[0] = (POSTS_FROM, spells[0][1])
                break
            spells.insert(0, (max(POSTS_FROM, end - tenure()), end))
        spells[0] = (max(POSTS_FROM, spells[0][0]), spells[0][1])
        while spells[-1][1] <= self.today:
            start = following if following is not None else spells[-1][1] + rng.randint(*GAP_DAYS)
            following = None
            if start > self.today:
                break
            spells.append((start, start + tenure()))
        return spells

    def _cover(self, post: Post, start: Day, end: Day | None, *, seed: bool) -> None:
        """An agency chair for a chair's post left empty, or whose holder is on leave: the
        seed's one agency chair of the area, or (usually, for more than a few weeks) another."""
        if post.kind not in CHAIR_KINDS:
            return
        if seed:
            staff = self._seed_agency.get(post.area)
            if staff is None:
                staff = self.unit.add_staff("iro", "", 1.0, post.area)
                self._seed_agency[post.area] = staff
        elif (end or self.today) - start < 45 or self.rng.random() >= AGENCY_COVER:
            return
        else:
            staff = self.unit.add_staff(post.kind, "", post.fte, post.area)
        self._hold(post, staff, "agency", start, end)

    def _leave(self, holding: Holding, end: Day, *, seed: bool) -> None:
        """Now and then a holder's long leave (never in the seed's year but the seed's own)."""
        rng = self.rng
        if seed:
            reason = "maternity"
            start, stop = SEED_DAY - rng.randint(60, 150), SEED_DAY + rng.randint(150, 250)
        else:
            if rng.random() >= LEAVE_SHARE:
                return
            reason = "maternity" if rng.random() < 0.5 else "sickness"
            length = rng.randint(*LEAVE_DAYS[reason])
            if end - holding.start < length + 120:
                return
            start = rng.randint(holding.start + 60, end - length - 30)
            stop = start + length
            if start < SEED_YEAR[1] and stop > SEED_YEAR[0]:
                return
        cut = self._cut(start, stop)
        if cut is None:
            return
        leave_id = f"LV{len(self.leaves) + 1:05d}"
        self.leaves.append(Leave(leave_id, holding, reason, *cut))
        self._cover(holding.post, start, stop if stop <= self.today else None, seed=seed)

    def _hold(
        self, post: Post, staff: Staff, kind: str, start: Day, end: Day | None
    ) -> Holding | None:
        cut = self._cut(start, end)
        if cut is None:
            return None
        holding = Holding(f"H{len(self.holdings) + 1:05d}", post, staff, kind, *cut)
        self.holdings.append(holding)
        return holding

    def _cut(self, start: Day, end: Day | None) -> tuple[Day, Day | None] | None:
        """(start, end) as known on today: None if it starts later, no end if it ends later."""
        if start > self.today:
            return None
        return start, end if end is not None and end <= self.today else None

    def _chair_spells(self) -> dict[tuple[str, int], list[ChairSpell]]:
        """Each chair's stretches of holding a chair's post, off leave, by (kind, area)."""
        leaves: dict[str, list[Leave]] = {}
        for leave in self.leaves:
            leaves.setdefault(leave.holding.id, []).append(leave)
        spells: dict[tuple[str, int], list[ChairSpell]] = {
            (kind, area): [] for kind in CHAIR_KINDS for area in range(self.unit.areas)
        }
        for holding in self.holdings:
            post = holding.post
            if post.kind not in CHAIR_KINDS:
                continue
            start: Day | None = holding.start
            found = spells[(post.kind, post.area)]
            for leave in sorted(leaves.get(holding.id, []), key=lambda leave: leave.start):
                if start is not None and leave.start > start:
                    found.append(ChairSpell(holding.staff, start, leave.start, post.fte))
                start = leave.end
            if start is not None and (holding.end is None or start < holding.end):
                found.append(ChairSpell(holding.staff, start, holding.end, post.fte))
        return spells
