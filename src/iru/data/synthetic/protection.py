"""Children in need and child protection: referrals, section 47 enquiries, conferences, plans.

A family is referred; a section 47 enquiry starts; an initial conference (ICPC) is held, usually
within 15 working days; most children get a plan, reviewed at 3 months and then every 6 months,
which ends at a review conference (or when the child comes into care). Siblings share every
conference. Due dates come from `iru.rules.timescales`. Everything is cut at `today`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from functools import cache

from iru.data.synthetic.calendar import Day, WorkingDays, birthday
from iru.data.synthetic.model import Child, CinEpisode, Conference, Plan, Section47
from iru.data.synthetic.people import Weighted
from iru.rules.timescales import ICPC_WORKING_DAYS, icpc_due, rcpc_due

# Seed: 88% of initial conferences within 15 working days of the section 47 start. On time, an
# ICPC is held this many working days after the start at the soonest; late, up to the latest.
ICPC_ON_TIME = 0.87
SOONEST_ICPC_WORKING_DAYS, LATEST_ICPC_WORKING_DAYS = 6, 32
# The seed's initial conference outcomes, counted per child (2015-16: 267 made subject to a
# plan, 11 not, 7 whose category changed, 1 child died). A conference's outcome holds for every
# child it covers. Plans are made for most families; a baby alone at conference now and then
# died before it (about 1 a year at the default scale); a few families already on a plan come
# back to an initial conference after new concerns, which changes the plan's category (about
# 2 families a year, the seed's 4 and 3 children).
PLAN_MADE = 0.96
CHILD_DIED = 0.25
CATEGORY_CHANGED = 0.017
# The new concerns arise this many days after the plan's first review conference; the next
# review conference is held as planned, at least this many days after the initial one.
CATEGORY_CHANGE_AFTER, CATEGORY_CHANGE_BEFORE_REVIEW = (10, 120), 10
CATEGORY = Weighted({"NEG": 50, "EMO": 29, "PHY": 9, "SAB": 5, "MUL": 7})
# How many review conferences a plan has; it ends at the last (mean about a year). A few plans
# run past two years, some of them well past (the seed: 4 children, 1.5% of plans, open 2 years
# or more; few ended plans lasted that long).
REVIEWS_BEFORE_END = Weighted(
    {"1": 12, "2": 35, "3": 34, "4": 17, "5": 0.7, "6": 0.6, "7": 0.3, "8": 0.2}
)
# Review conferences held after their due date (the seed: 99% in timescale), and the days
# either side of it they are held: late, or early (up to 14 days for a plan's first review, 21
# for later ones).
RCPC_LATE = 0.005
RCPC_LATE_DAYS = (1, 20)
FIRST_RCPC_EARLY_DAYS, LATER_RCPC_EARLY_DAYS = 14, 21
REFERRAL_SOURCE = Weighted(
    {"6": 28, "2A": 16, "3A": 6, "3B": 5, "3C": 3, "5A": 9, "5B": 3, "1A": 6, "1B": 2, "4": 3,
     "7": 3, "8": 6, "9": 2, "10": 2, "3D": 2, "3E": 2, "1C": 1, "1D": 1}
)  # fmt: skip
FACTORS = ("1C", "2C", "3C", "4C", "6C", "8C", "10A", "11A", "16A", "17A", "21", "22A", "23A")
CIN_ONLY_NEED = Weighted(
    {"N1": 40, "N2": 6, "N3": 6, "N4": 16, "N5": 18, "N6": 4, "N7": 2, "N9": 8}
)
CIN_CLOSURE_BY_REC = {"E11": "RC1", "E12": "RC1", "E2": "RC2", "E41": "RC3", "E3": "RC5"}
CIN_CLOSURE_BY_REC |= {"E7": "RC6", "E45": "RC4", "E46": "RC4", "E47": "RC4", "E48": "RC4"}


@dataclass(slots=True)
class CaseOutcome:
    """What a family's child protection case left behind."""

    conferences: list[Conference]
    closed: Day | None  # the day the last child's CIN episode closed (None if still open)


class ChildProtection:
    def __init__(self, rng: random.Random, wd: WorkingDays, today: Day) -> None:
        self.rng, self.wd, self.today = rng, wd, today

    def case(
        self, children: list[Child], referral: Day, care_from: Day | None = None
    ) -> CaseOutcome:
        """A family's case from `referral`; with `care_from`, plans end when care begins and the
        CIN episodes are left open (the caller closes them with the period of care)."""
        rng, wd = self.rng, self.wd
        start = wd.on_or_after(referral + rng.randint(0, 6))
        icpc = wd.add(start, self._icpc_working_days(rng.random() < ICPC_ON_TIME))
        outcome = self._outcome(children, icpc, care_from)
        category = CATEGORY.pick(rng) if outcome == "plan" else ""
        reviews = self._review_days(icpc, care_from) if outcome == "plan" else []
        episodes = [self._cin_episode(referral, start, icpc) for _ in children]
        ids = [child.id for child in children]
        conferences = [Conference("icpc", icpc, ids, outcome, category)]
        if outcome == "plan":
            plan_end = care_from if care_from is not None else reviews[-1] if reviews else icpc
            for child, episode in zip(children, episodes, strict=True):
                episode.plans.append(self._plan(child, icpc, plan_end, reviews, category))
            conferences += _review_conferences(children, episodes, reviews)
            conferences += self._category_change(episodes, ids, reviews)
        closed = self._close(children, episodes, outcome, icpc, care_from)
        return CaseOutcome([c for c in conferences if c.date <= self.today], closed)

    def _outcome(self, children: list[Child], icpc: Day, care_from: Day | None) -> str:
        """The initial conference's outcome for the whole family: plan, no_plan, child_died."""
        rng = self.rng
        baby = len(children) == 1 and icpc - children[0].dob < 365 and care_from is None
        if baby and rng.random() < CHILD_DIED:
            return "child_died"
        return "plan" if rng.random() < PLAN_MADE else "no_plan"

    def _close(
        self, children: list[Child], episodes: list[CinEpisode], outcome: str, icpc: Day,
        care_from: Day | None,
    ) -> Day | None:  # fmt: skip
        """Close each child's CIN episode (unless care follows), cut at today, and return the
        day the last one closed: None while open, or when the child died (no repeat case)."""
        rng = self.rng
        closed: Day | None = None
        for child, episode in zip(children, episodes, strict=True):
            if outcome == "child_died":
                death = max(episode.section47s[0].start, icpc - rng.randint(0, 5))
                child.death = death if death <= self.today else None
                episode.closure, episode.closure_reason = icpc + rng.randint(0, 10), "RC2"
            elif care_from is None and episode.plans:
                plan_end = episode.plans[-1].end or icpc
                episode.closure, episode.closure_reason = plan_end + rng.randint(30, 270), "RC7"
                if rng.random() < 0.7:
                    episode.cin_plan = (plan_end, episode.closure)
            elif care_from is None:
                episode.closure, episode.closure_reason = icpc + 40, "RC7"
            if care_from is None and episode.closure is not None:
                closed = max(closed or episode.closure, episode.closure)
            child.cin.append(self._cut(episode))
        return None if outcome == "child_died" else closed

    def _category_change(
        self, episodes: list[CinEpisode], ids: list[str], reviews: list[Day]
    ) -> list[Conference]:
        """Now and then new concerns about a family on a plan: a section 47 enquiry and an
        initial conference that changes the plan's category. No new plan starts; the plan's
        review conferences go on as planned."""
        rng, wd = self.rng, self.wd
        if len(reviews) < 2 or rng.random() >= CATEGORY_CHANGED:
            return []
        start = wd.on_or_after(reviews[0] + rng.randint(*CATEGORY_CHANGE_AFTER))
        icpc = wd.add(start, self._icpc_working_days(rng.random() < ICPC_ON_TIME))
        plans = [episode.plans[-1] for episode in episodes]
        if icpc > reviews[1] - CATEGORY_CHANGE_BEFORE_REVIEW or any(
            plan.end is not None and plan.end <= icpc for plan in plans
        ):
            return []
        new = CATEGORY.pick(rng)
        while new == plans[0].latest_category:
            new = CATEGORY.pick(rng)
        for episode, plan in zip(episodes, plans, strict=True):
            episode.section47s.append(Section47(start, _icpc_due(start), icpc, False))
            if icpc <= self.today:  # the enquiry may be under way today, the conference not held
                plan.latest_category = new
        return [Conference("icpc", icpc, ids, "change_of_category", new)]

    def _icpc_working_days(self, on_time: bool) -> int:
        if on_time:
            return self.rng.randint(SOONEST_ICPC_WORKING_DAYS, ICPC_WORKING_DAYS)
        return self.rng.randint(ICPC_WORKING_DAYS + 1, LATEST_ICPC_WORKING_DAYS)

    def _review_days(self, icpc: Day, care_from: Day | None) -> list[Day]:
        rng = self.rng
        count = int(REVIEWS_BEFORE_END.pick(rng))
        days: list[Day] = []
        for number in range(count):
            due = _rcpc_due(icpc, days)
            late = rng.random() < RCPC_LATE
            early = LATER_RCPC_EARLY_DAYS if number else FIRST_RCPC_EARLY_DAYS
            day = due + rng.randint(*RCPC_LATE_DAYS) if late else due - rng.randint(0, early)
            day = self.wd.on_or_after(day) if late else self.wd.on_or_before(day)
            if care_from is not None and day >= care_from:
                break
            days.append(day)
            if day > self.today:  # the rest would be cut away
                break
        return days

    def _cin_episode(self, referral: Day, s47: Day, icpc: Day) -> CinEpisode:
        rng = self.rng
        need = "N1" if rng.random() < 0.85 else rng.choice(("N4", "N5", "N3"))
        episode = CinEpisode(referral, REFERRAL_SOURCE.pick(rng), need)
        self._assessment(episode, referral)
        episode.section47s.append(Section47(s47, _icpc_due(s47), icpc, False))
        return episode

    def _assessment(self, episode: CinEpisode, referral: Day) -> None:
        rng = self.rng
        episode.assessment_start = referral + rng.randint(0, 3)
        days = rng.randint(10, 45) if rng.random() < 0.85 else rng.randint(46, 70)
        episode.assessment_authorised = self.wd.add(episode.assessment_start, days)
        episode.factors = tuple(rng.sample(FACTORS, rng.randint(1, 4)))

    def _plan(self, child: Child, start: Day, end: Day, reviews: list[Day], category: str) -> Plan:
        eighteen = birthday(child.dob, 18)
        if eighteen <= end:
            end = eighteen
            reviews = [day for day in reviews if day < eighteen]
        previous = sum(len(episode.plans) for episode in child.cin)
        latest = category if self.rng.random() < 0.93 else CATEGORY.pick(self.rng)
        return Plan(start, end, category, latest, previous, list(reviews))

    def _cut(self, episode: CinEpisode) -> CinEpisode:
        today = self.today
        if episode.closure is not None and episode.closure > today:
            episode.closure, episode.closure_reason = None, ""
        if episode.assessment_start is not None and episode.assessment_start > today:
            episode.assessment_start = None  # a referral days before today, not yet assessed
        if episode.assessment_authorised is not None and episode.assessment_authorised > today:
            episode.assessment_authorised = None
        for s47 in episode.section47s:
            if s47.icpc is not None and s47.icpc > today:
                s47.icpc = None
        episode.section47s = [s for s in episode.section47s if s.start <= today]
        for plan in episode.plans:
            plan.reviews = [day for day in plan.reviews if day <= today]
            if plan.end is not None and plan.end > today:
                plan.end = None
        episode.plans = [plan for plan in episode.plans if plan.start <= today]
        if episode.cin_plan is not None:
            start, end = episode.cin_plan
            episode.cin_plan = (
                None if start > today else (start, end if end and end <= today else None)
            )
        return episode

    def enquiry_only(self, child: Child, referral: Day) -> None:
        """A section 47 enquiry that found no need for a conference."""
        rng = self.rng
        episode = CinEpisode(referral, REFERRAL_SOURCE.pick(rng), "N1")
        self._assessment(episode, referral)
        s47 = self.wd.on_or_after(referral + rng.randint(0, 5))
        episode.section47s.append(Section47(s47, _icpc_due(s47), None, True))
        episode.closure, episode.closure_reason = s47 + rng.randint(20, 120), "RC8"
        child.cin.append(self._cut(episode))

    def in_need_only(self, child: Child, referral: Day) -> None:
        """A referral assessed without a section 47 enquiry (or no further action)."""
        rng = self.rng
        episode = CinEpisode(referral, REFERRAL_SOURCE.pick(rng), CIN_ONLY_NEED.pick(rng))
        if rng.random() < 0.2:
            episode.closure, episode.closure_reason = referral, "RC8"
        else:
            self._assessment(episode, referral)
            reason = "RC8" if rng.random() < 0.6 else "RC7"
            episode.closure, episode.closure_reason = referral + rng.randint(20, 300), reason
        child.cin.append(self._cut(episode))

    def care_episode(self, child: Child, referral: Day, need: str) -> CinEpisode:
        """A CIN episode for a child coming into care without a plan (closed by the caller)."""
        episode = CinEpisode(referral, REFERRAL_SOURCE.pick(self.rng), need)
        self._assessment(episode, referral)
        child.cin.append(episode)
        return episode

    def close_with_care(self, episode: CinEpisode, care_end: Day | None, rec: str) -> None:
        """Close a CIN episode when the period of care it belongs to ends."""
        after = self.rng.randint(0, 45)  # drawn either way: the stream does not depend on today
        if care_end is not None:
            episode.closure = care_end + after
            episode.closure_reason = CIN_CLOSURE_BY_REC.get(rec, "RC7")
        self._cut(episode)


def _review_conferences(
    children: list[Child], episodes: list[CinEpisode], reviews: list[Day]
) -> list[Conference]:
    """The family's review conferences, each covering the children whose plan it reviewed (a
    child who turned 18 has left the plan)."""
    conferences = []
    for day in reviews:
        ids = [
            child.id
            for child, episode in zip(children, episodes, strict=True)
            if day in episode.plans[-1].reviews
        ]
        if ids:
            conferences.append(Conference("rcpc", day, ids))
    return conferences


@cache
def _icpc_due(s47: Day) -> Day:
    """The initial conference's target date (CIN census `InitialCPCtarget`)."""
    return icpc_due(date.fromordinal(s47)).toordinal()


def _rcpc_due(plan_start: Day, reviews: list[Day]) -> Day:
    """The next review conference's due date after `reviews` of the plan from `plan_start`."""
    previous = [date.fromordinal(day) for day in reviews]
    return rcpc_due(date.fromordinal(plan_start), previous).toordinal()
