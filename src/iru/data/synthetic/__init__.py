"""A realistic synthetic authority: SSDA903 CSVs, CIN census XML and the unit's own data.

`generate(out, seed=..., scale=..., today=...)` writes one folder per collection year
(`out/2015-16/SSDA903_2015-16_Header.csv`, ..., `out/2015-16/CIN_Census_2016.xml`) and the unit's
own data under `out/unit/` (docs/unit-data.md). It is pure: the same seed, scale and `today` give
byte-identical files, and nothing dated after `today` is written. docs/synthetic.md explains
how the authority is built and which levers shape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from iru.data.synthetic.authority import build_authority
from iru.data.synthetic.cin_census import CensusWriter
from iru.data.synthetic.scales import SCALES, Scale
from iru.data.synthetic.ssda903 import write_ssda903_year, year_label
from iru.data.synthetic.unit import write_unit

__all__ = ["SCALES", "GenerationSummary", "Scale", "generate"]


@dataclass(frozen=True)
class GenerationSummary:
    """What `generate` wrote: the years, and row counts by file kind."""

    out: Path
    seed: int
    scale: str
    today: date
    years: tuple[str, ...]
    children: int
    counts: dict[str, int] = field(default_factory=dict)


def generate(
    out: Path, *, seed: int = 2016, scale: str = "default", today: date
) -> GenerationSummary:
    """Write the synthetic authority for `seed` and `scale` as known on `today` into `out`."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    authority = build_authority(seed, SCALES[scale], today.toordinal())
    counts: dict[str, int] = {}
    years = []
    for year in range(authority.first_year, authority.last_year + 1):
        label = year_label(year)
        folder = out / label
        folder.mkdir(parents=True, exist_ok=True)
        for kind, rows in write_ssda903_year(folder, year, authority.children).items():
            counts[kind] = counts.get(kind, 0) + rows
        census = CensusWriter(year, authority.today)
        cin = census.write(folder / f"CIN_Census_{year + 1}.xml", authority.children)
        counts["cin_children"] = counts.get("cin_children", 0) + cin
        years.append(label)
    areas = max(1, round(SCALES[scale].multiplier))
    counts |= write_unit(out / "unit", authority, seed, areas)
    return GenerationSummary(out, seed, scale, today, tuple(years), len(authority.children), counts)
