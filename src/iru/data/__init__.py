"""Reading SSDA903 and CIN census files into one reconciled `Dataset`.

`read_source(path)` reads a folder (searched recursively) or a single file; `read_files(files)`
reads uploaded files given as (name, content). Both return a `Dataset` whose `problems` list the
row-level data-quality findings, and raise `UnreadableFile` for a file that cannot be read at all.
"""

from __future__ import annotations

from iru.data.dataset import Dataset
from iru.data.problems import Problem, UnreadableFile
from iru.data.source import read_files, read_source

__all__ = ["Dataset", "Problem", "UnreadableFile", "read_files", "read_source"]
