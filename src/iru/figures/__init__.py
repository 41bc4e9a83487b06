"""Every figure of FIGURES.md, computed from a `Dataset` with polars (no Django, no clock).

`compute_figures(dataset, year_end)` returns the nested JSON object `iru figures` prints;
`prepare` + `figures_for_year` compute several years from one dataset without repeating the
year-independent work.
"""

from iru.figures.compute import Prepared, compute_figures, figures_for_year, prepare

__all__ = ["Prepared", "compute_figures", "figures_for_year", "prepare"]
