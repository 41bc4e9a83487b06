"""Placements: which type a child gets, and where it is (provider, postcode, URN, distance)."""

from __future__ import annotations

import math
import random

from iru.data.synthetic.calendar import Day, ordinal
from iru.data.synthetic.model import Placement
from iru.data.synthetic.people import Weighted, postcode

# First placement of a period by age band at entry.
FIRST_PLACE = {
    "under_1": Weighted({"U6": 58, "U3": 15, "U5": 15, "R3": 12}),
    "1_4": Weighted({"U6": 65, "U3": 22, "U5": 10, "K2": 3}),
    "5_9": Weighted({"U6": 68, "U3": 25, "K2": 7}),
    "10_14": Weighted({"U6": 66, "U3": 16, "K2": 13, "S1": 5}),
    "15": Weighted({"U6": 64, "U3": 12, "K2": 17, "H5": 7}),
    "16_plus": Weighted({"U6": 64, "U3": 12, "K2": 12, "H5": 12}),
}
# A later move, by age band on the day of the move.
LATER_PLACE = {
    "under_1": Weighted({"U6": 60, "U3": 20, "U5": 20}),
    "1_4": Weighted({"U6": 55, "U4": 20, "U3": 20, "U5": 5}),
    "5_9": Weighted({"U4": 40, "U6": 35, "U1": 12, "K2": 10, "S1": 3}),
    "10_14": Weighted({"U4": 37, "U6": 31, "U1": 9, "K2": 16, "S1": 5, "K1": 2}),
    "15": Weighted({"U4": 41, "U6": 28, "K2": 16, "H5": 8, "K1": 2, "P2": 5}),
    "16_plus": Weighted({"U4": 50, "U6": 24, "K2": 9, "H5": 11, "P2": 6}),
}
REMAND_PLACE = Weighted({"U6": 35, "K2": 20, "K1": 20, "R5": 25})
PROVIDER = {
    "U1": Weighted({"PR1": 100}),
    "U2": Weighted({"PR1": 100}),
    "U3": Weighted({"PR1": 100}),
    "U4": Weighted({"PR1": 70, "PR4": 25, "PR5": 5}),
    "U5": Weighted({"PR1": 80, "PR4": 10, "PR5": 10}),
    "U6": Weighted({"PR1": 65, "PR4": 30, "PR5": 5}),
    "A3": Weighted({"PR1": 100}),
    "A4": Weighted({"PR1": 60, "PR2": 20, "PR5": 20}),
    "A5": Weighted({"PR1": 100}),
    "A6": Weighted({"PR1": 55, "PR2": 25, "PR5": 20}),
    "K1": Weighted({"PR1": 40, "PR2": 60}),
    "K2": Weighted({"PR4": 75, "PR1": 20, "PR5": 5}),
    "H5": Weighted({"PR4": 60, "PR5": 30, "PR1": 10}),
    "K3": Weighted({"PR4": 60, "PR5": 30, "PR1": 10}),
    "P1": Weighted({"PR0": 100}),
    "P2": Weighted({"PR1": 70, "PR4": 30}),
    "R1": Weighted({"PR4": 100}),
    "R3": Weighted({"PR4": 60, "PR1": 40}),
    "R5": Weighted({"PR3": 100}),
    "S1": Weighted({"PR4": 80, "PR5": 20}),
    "T4": Weighted({"PR1": 100}),
}
# The seed's split of where children starting care were placed (FIGURES.md distance bands).
# Residential and semi-independent placements are more often far away and outside the authority.
DISTANCE = Weighted(
    {"under_20_in": 67, "under_20_out": 4, "over_20_in": 16, "over_20_out": 5, "": 8}
)
FAR_DISTANCE = Weighted(
    {"under_20_in": 25, "under_20_out": 10, "over_20_in": 20, "over_20_out": 37, "": 8}
)
NEEDS_URN = frozenset({"K1", "K2", "K3", "R1", "S1"})
# P2 is not valid from 28 October 2023 (rule 217t); H5 needs a URN from then (rule 230) and gives
# way to K3 (registered supported accommodation) from 2024-25.
H5_URN_FROM = P2_UNTIL = ordinal(2023, 10, 28)
K3_FROM = ordinal(2024, 4, 1)
TEMPORARY = frozenset({"T0", "T1", "T2", "T3", "T4"})


def age_band(age: int) -> str:
    if age < 1:
        return "under_1"
    if age < 5:
        return "1_4"
    if age < 10:
        return "5_9"
    if age < 15:
        return "10_14"
    return "15" if age == 15 else "16_plus"


def placement(rng: random.Random, place: str, home_post: str, when: Day) -> Placement:
    """A new placement of type `place` starting on `when`."""
    if place == "P2" and when >= P2_UNTIL:
        place = "H5"
    if place == "H5" and when >= K3_FROM:
        place = "K3"
    if place == "P1":
        return Placement(place, "PR0", home_post, "XXXXXXX", f"{rng.random() * 3:.1f}", "IN")
    far = place in {"K1", "K2", "K3", "S1", "R5", "H5"}
    band = (FAR_DISTANCE if far else DISTANCE).pick(rng)
    provider = PROVIDER[place].pick(rng) if place in PROVIDER else ""
    needs_urn = place in NEEDS_URN or (place == "H5" and when >= H5_URN_FROM)
    urn = f"SC{100000 + int(rng.random() * 899999)}" if needs_urn else "XXXXXXX"
    if not band:
        return Placement(place, provider, postcode(rng), urn, "", "")
    inside = band.endswith("_in")
    miles = rng.uniform(0.5, 20.0) if band.startswith("under") else 20.1 + rng.expovariate(1 / 25)
    area = "XS" if inside else ("XN", "XE", "XW")[int(rng.random() * 3)]
    return Placement(
        place, provider, postcode(rng, area), urn, f"{miles:.1f}", "IN" if inside else "OUT"
    )


def temporary(rng: random.Random, place: str) -> Placement:
    """A temporary placement (T0-T4): no provider for T0-T3, and no settled address."""
    provider = "PR1" if place == "T4" else ""
    return Placement(place, provider, "", "XXXXXXX", "", "")


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth), for small means."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
