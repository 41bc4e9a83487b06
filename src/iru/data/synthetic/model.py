"""The synthetic authority's records, in memory, before they are written.

Dates are day ordinals (`calendar.Day`); `None` is an open end. Everything after `today` has
already been cut away: an episode or plan open on `today` has no end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from iru.data.synthetic.calendar import Day


@dataclass(slots=True)
class Placement:
    """Where and with whom a child lives: one or more episodes share it."""

    place: str
    provider: str
    post: str
    urn: str
    distance: str  # miles, one decimal place, "" when not known
    location: str  # IN / OUT / ""


@dataclass(slots=True)
class Episode:
    decom: Day
    rne: str
    ls: str
    cin: str
    placement: Placement
    home_post: str
    dec: Day | None = None
    rec: str = ""
    reason_place_change: str = ""


@dataclass(slots=True)
class Review:
    """A statutory LAC review: its date and the child's participation (PN code)."""

    date: Day
    code: str
    due: Day


@dataclass(slots=True)
class Period:
    """A period of care (or, for short breaks, a series of V3/V4 episodes)."""

    episodes: list[Episode]
    reviews: list[Review] = field(default_factory=list)
    short_breaks: bool = False

    @property
    def start(self) -> Day:
        return self.episodes[0].decom

    @property
    def end(self) -> Day | None:
        return self.episodes[-1].dec


@dataclass(slots=True)
class Section47:
    start: Day
    target: Day
    icpc: Day | None
    not_required: bool


@dataclass(slots=True)
class Plan:
    start: Day
    end: Day | None
    initial_category: str
    latest_category: str
    previous_plans: int
    reviews: list[Day] = field(default_factory=list)


@dataclass(slots=True)
class CinEpisode:
    """A CINdetails block: referral to closure, with its assessment, enquiries and plans."""

    referral: Day
    source: str
    need: str
    closure: Day | None = None
    closure_reason: str = ""
    assessment_start: Day | None = None
    assessment_authorised: Day | None = None
    factors: tuple[str, ...] = ()
    section47s: list[Section47] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    cin_plan: tuple[Day, Day | None] | None = None


@dataclass(slots=True)
class Child:
    id: str
    sex: str  # M / F
    dob: Day
    ethnic: str
    upn: str
    given_name: str
    family_name: str
    family_id: int
    home_post: str = ""
    periods: list[Period] = field(default_factory=list)
    cin: list[CinEpisode] = field(default_factory=list)
    death: Day | None = None  # CIN census PersonDeathDate


@dataclass(slots=True)
class Conference:
    """A child protection conference: siblings share one."""

    kind: str  # icpc / rcpc
    date: Day
    child_ids: list[str]
    outcome: str = ""  # an ICPC's: plan / no_plan / change_of_category / child_died
    category: str = ""
