"""The two ways in: a path on disk (`iru figures`, imports) or uploaded files (the web app)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from iru.data.assemble import assemble
from iru.data.dataset import Dataset
from iru.data.discovery import read_all, source_files
from iru.data.problems import UnreadableFile


def read_source(path: Path) -> Dataset:
    """Read every SSDA903 and CIN census file under folder `path` (recursively), or the single
    file `path`, reconciled across files (FIGURES.md).

    In a folder, files are picked as FIGURES.md says (a `.csv` named after a 903 table, any `.xml`)
    and others ignored; a single file must be one of those. `Problem.file` is the path relative to
    `path` (the file's name for a single file). Raises `UnreadableFile` for a file that cannot be
    read at all, or when `path` does not exist.
    """
    if path.is_dir():
        names = source_files(path)
        return assemble(read_all([(name, _read_bytes(path / name, name)) for name in names]))
    if path.is_file():
        return assemble(read_all([(path.name, _read_bytes(path, path.name))], strict=True))
    raise UnreadableFile(str(path), "does not exist")


def read_files(files: Sequence[tuple[str, bytes]]) -> Dataset:
    """Read uploaded files, each (name, content), as if they were one folder.

    `name` may include folders (`2017/episodes.csv`): files are reconciled in path order.
    Names that are not SSDA903 CSV tables or XML are ignored, as in a folder.
    """
    return assemble(read_all(files))


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFile(name, f"cannot be opened ({error.strerror or error})") from error
