"""Synthetic people: names from short lists of common names, ethnicity mixes, postcodes, UPNs.

Nothing here is anyone's data: names are drawn at random from common given and family names,
postcodes use invented areas (XS for the authority, XN/XE/XW outside it), UPNs carry no valid
check letter.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

GIVEN_NAMES_GIRLS = [
    "Olivia",
    "Amelia",
    "Isla",
    "Ava",
    "Mia",
    "Ivy",
    "Lily",
    "Isabella",
    "Rosie",
    "Sophia",
    "Grace",
    "Freya",
    "Evie",
    "Poppy",
    "Ella",
    "Emily",
    "Chloe",
    "Jessica",
    "Ruby",
    "Daisy",
    "Sophie",
    "Holly",
    "Megan",
    "Lucy",
    "Ellie",
    "Charlotte",
    "Millie",
    "Hannah",
    "Amber",
    "Lola",
]
GIVEN_NAMES_BOYS = [
    "Oliver",
    "George",
    "Noah",
    "Arthur",
    "Harry",
    "Leo",
    "Jack",
    "Charlie",
    "Oscar",
    "Jacob",
    "Henry",
    "Thomas",
    "Freddie",
    "Alfie",
    "Theo",
    "William",
    "Theodore",
    "Archie",
    "Joshua",
    "Alexander",
    "James",
    "Isaac",
    "Edward",
    "Lucas",
    "Tommy",
    "Finley",
    "Max",
    "Logan",
    "Ethan",
    "Mason",
]
FAMILY_NAMES = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall",
    "Lewis",
    "Harris",
    "Clarke",
    "Patel",
    "Jackson",
    "Wood",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
    "Allen",
    "James",
    "Scott",
    "Phillips",
    "Watson",
    "Davis",
    "Parker",
    "Price",
    "Bennett",
    "Young",
    "Griffiths",
    "Mitchell",
    "Kelly",
    "Cook",
    "Carter",
    "Richardson",
    "Bailey",
    "Collins",
    "Bell",
    "Shaw",
    "Murphy",
    "Miller",
    "Cox",
    "Richards",
    "Khan",
    "Marshall",
    "Anderson",
    "Simpson",
    "Ellis",
    "Adams",
    "Singh",
    "Begum",
    "Wilkinson",
    "Foster",
    "Chapman",
    "Powell",
    "Webb",
    "Rogers",
    "Gray",
    "Mason",
    "Ali",
    "Hunt",
    "Hussain",
    "Campbell",
    "Matthews",
    "Owen",
    "Palmer",
    "Holmes",
    "Mills",
    "Barnes",
    "Knight",
    "Lloyd",
    "Butler",
    "Russell",
    "Barker",
    "Fisher",
    "Stevens",
    "Jenkins",
    "Murray",
    "Dixon",
    "Harvey",
]

# The seed's ethnicity mixes at 31 March 2016, as percentages (unlisted codes share the rest).
LAC_ETHNICITY = {
    "WBRI": 90.5, "MOTH": 2.1, "WOTH": 2.1, "MWBC": 1.1, "ABAN": 0.7, "BCRB": 0.7, "MWBA": 0.7,
    "OOTH": 0.7, "AOTH": 0.4, "BAFR": 0.4, "WROM": 0.4, "MWAS": 0.4,
}  # fmt: skip
CP_ETHNICITY = {
    "WBRI": 81.2, "WOTH": 4.9, "MWAS": 2.6, "MWBA": 2.3, "WROM": 1.9, "NOBT": 1.5, "AOTH": 1.1,
    "BAFR": 1.1, "MOTH": 1.1, "MWBC": 1.1, "WIRT": 0.8, "REFU": 0.4,
}  # fmt: skip


class Weighted:
    """A fixed weighted choice, with its cumulative weights computed once."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.values = list(weights)
        self.cumulative = list(itertools.accumulate(weights.values()))

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.values, cum_weights=self.cumulative)[0]


LAC_ETHNIC = Weighted(LAC_ETHNICITY)
CP_ETHNIC = Weighted(CP_ETHNICITY)


def one_of(rng: random.Random, values: Sequence[T]) -> T:
    return values[int(rng.random() * len(values))]


def given_name(rng: random.Random, sex: str) -> str:
    return one_of(rng, GIVEN_NAMES_GIRLS if sex == "F" else GIVEN_NAMES_BOYS)


def family_name(rng: random.Random) -> str:
    return one_of(rng, FAMILY_NAMES)


_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng: random.Random, area: str = "XS") -> str:
    """An invented postcode: `area` is XS inside the authority, XN/XE/XW outside."""
    district = 1 + int(rng.random() * 19)
    return (
        f"{area}{district} {int(rng.random() * 10)}{one_of(rng, _LETTERS)}{one_of(rng, _LETTERS)}"
    )


def upn(rng: random.Random) -> str:
    """A UPN-shaped string (letter, 11 digits, letter) that is no real pupil's."""
    digits = f"{int(rng.random() * 10**11):011d}"
    return f"{one_of(rng, _LETTERS)}{digits}{one_of(rng, _LETTERS)}"
