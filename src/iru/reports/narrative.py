"""The narrative sections the Head of Service writes for a report, in the app, in Markdown.

Each has a key (kept with its text), a title, and a prompt shown while writing it: what the
seed's report says there, so a new Head of Service knows what the Boards expect.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_LENGTH = 20_000  # characters: about six pages, more than any section of the seed


@dataclass(frozen=True)
class NarrativeSection:
    key: str
    title: str
    prompt: str


ANNUAL: tuple[NarrativeSection, ...] = (
    NarrativeSection(
        "summary", "Summary",
        "What the report shows, in a few sentences: the year's key messages for the Corporate "
        "Parenting Board and the Safeguarding Children Board.",
    ),
    NarrativeSection(
        "purpose", "Purpose of the service and legal context",
        "The chairs' statutory role: the IRO Handbook, the Care Planning, Placement and Case "
        "Review (England) Regulations 2010, Working Together to Safeguard Children.",
    ),
    NarrativeSection(
        "profile", "The Independent Reviewing Unit",
        "Where the unit sits, its functions, its staff and their experience, caseloads and "
        "what the numbers alone do not show.",
    ),
    NarrativeSection(
        "activities", "Activities during the year",
        "What the unit did and changed this year: training, new processes, audits.",
    ),
    NarrativeSection(
        "looked_after", "Commentary: looked-after children",
        "What the numbers of children starting and ceasing to be looked after say about "
        "permanence and the authority's strategy.",
    ),
    NarrativeSection(
        "reviews", "Commentary: care plan reviews",
        "Timeliness of reviews: months that fell short, and why.",
    ),
    NarrativeSection(
        "stability", "Commentary: placement stability",
        "How stable children's placements are, against England and statistical neighbours.",
    ),
    NarrativeSection(
        "child_protection", "Commentary: child protection",
        "Timeliness of conferences, categories of abuse, long and repeat plans.",
    ),
    NarrativeSection(
        "participation", "Children's participation",
        "How children took part in their reviews and conferences: attendance, consultation "
        "booklets, advocates, seeing the chair before the meeting.",
    ),
    NarrativeSection(
        "audits", "Case file audits",
        "The chairs' quality assurance: audits done, what they found, learning passed on.",
    ),
    NarrativeSection(
        "disputes", "Dispute resolution",
        "The RAG rating process: what the ratings show, themes, improvements, escalations.",
    ),
    NarrativeSection(
        "priorities", "Priorities for next year",
        "What the unit will focus on next year.",
    ),
    NarrativeSection(
        "recommendations", "Recommendations",
        "What the Boards are asked to note or agree.",
    ),
)  # fmt: skip

RAG: tuple[NarrativeSection, ...] = (
    NarrativeSection(
        "commentary", "Commentary",
        "Themes this month: practice to improve, improved practice to highlight.",
    ),
)  # fmt: skip

BY_KIND: dict[str, tuple[NarrativeSection, ...]] = {"annual": ANNUAL, "rag": RAG}


def narrative_section(kind: str, key: str) -> NarrativeSection:
    """The section of a report kind with this key: KeyError if there is none."""
    for section in BY_KIND[kind]:
        if section.key == key:
            return section
    raise KeyError(key)
