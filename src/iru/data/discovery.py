"""Finding the files of a source and reading each one into tables (FIGURES.md, "Output of iru
figures": SOURCE discovery; path order for reconciling).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import polars as pl

from iru.data import cin_types
from iru.data.cin_xml import CIN_TABLES, cin_rows, header_collection_year
from iru.data.code_checks import CIN_CODES, invalid_codes
from iru.data.collection_year import year_from_dates, year_from_path
from iru.data.findings import file_finding
from iru.data.problems import UnreadableFile
from iru.data.read903 import TableRead, read_903_csv
from iru.data.tables903 import table_for_file_name
from iru.data.xml903 import read_903_xml
from iru.data.xml_safe import parse_xml


@dataclass
class FileReads:
    """Every table read from a source's files, in path order, with the findings so far."""

    tables_903: dict[str, list[pl.DataFrame]] = field(default_factory=dict)
    cin: dict[str, list[pl.DataFrame]] = field(default_factory=dict)
    findings: list[pl.DataFrame] = field(default_factory=list)


def path_order(name: str) -> tuple[str, ...]:
    """Sort key: folder by folder, each name by code point (FIGURES.md)."""
    return PurePosixPath(name.replace("\\", "/")).parts


def source_files(folder: Path) -> list[str]:
    """Relative paths (POSIX) of the candidate files under `folder`, in path order."""
    found = [
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and _is_candidate(path.name)
    ]
    return sorted(found, key=path_order)


def _is_candidate(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith(".xml") or table_for_file_name(name) is not None


def read_all(files: Sequence[tuple[str, bytes]], *, strict: bool = False) -> FileReads:
    """Read `files` (name, content) in path order. Unrecognised files are skipped, or, when
    `strict`, raise `UnreadableFile`; a file that cannot be read always raises. An `.xml` whose
    root is neither `Message` nor `EXPSSDA903` is skipped with a problem, except when it is the
    only file (then it raises, as asked for by name).

    Files are read two at a time (lxml and polars let go of the GIL while they work), and
    gathered in path order, so the result and the first file to raise are as if read in turn.
    """
    ordered = sorted(files, key=lambda item: path_order(item[0]))
    strict_root = strict or len(ordered) == 1
    reads = FileReads()
    if len(ordered) <= 1:
        pieces = [_read_one(name, content, strict, strict_root) for name, content in ordered]
        for piece in pieces:
            _gather(reads, piece)
        return reads
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        futures = [
            pool.submit(_read_one, name, content, strict, strict_root) for name, content in ordered
        ]
        try:
            for future in futures:
                _gather(reads, future.result())
        finally:
            for future in futures:
                future.cancel()
    return reads


_WORKERS = 2


@dataclass
class _FileRead:
    """What one file adds: 903 tables, CIN tables, findings (in the order they were found)."""

    tables_903: list[tuple[str, pl.DataFrame]] = field(default_factory=list)
    cin: list[tuple[str, pl.DataFrame]] = field(default_factory=list)
    findings: list[pl.DataFrame] = field(default_factory=list)


def _gather(reads: FileReads, piece: _FileRead) -> None:
    for name, frame in piece.tables_903:
        reads.tables_903.setdefault(name, []).append(frame)
    for name, frame in piece.cin:
        reads.cin.setdefault(name, []).append(frame)
    reads.findings += piece.findings


def _read_one(name: str, content: bytes, strict: bool, strict_root: bool) -> _FileRead:
    piece = _FileRead()
    if name.lower().endswith(".xml"):
        _read_xml(name, content, piece, strict_root)
    elif (table := table_for_file_name(PurePosixPath(name).name)) is not None:
        _add_903(piece, read_903_csv(name, content, table))
    elif strict:
        raise UnreadableFile(name, "is not an SSDA903 CSV file (by its name) or an XML file")
    return piece


def _read_xml(name: str, content: bytes, piece: _FileRead, strict_root: bool) -> None:
    root = parse_xml(name, content)
    if root.tag == "Message":
        _add_cin(piece, name, root)
    elif root.tag == "EXPSSDA903":
        for table_read in read_903_xml(name, root):
            _add_903(piece, table_read)
    elif strict_root:
        reason = f"has root element <{root.tag}>, not <Message> (CIN census) or <EXPSSDA903>"
        raise UnreadableFile(name, reason)
    else:
        message = f"not a CIN census or SSDA903 XML file (root element {root.tag}); ignored"
        piece.findings.append(file_finding(name, message))


def _add_903(piece: _FileRead, read: TableRead) -> None:
    year = year_from_path(read.file) or year_from_dates(read.frame, list(read.table.dates))
    piece.tables_903.append((read.table.name, read.frame))
    piece.findings += [read.findings, invalid_codes(read.frame, read.table.codes, year)]


def _add_cin(piece: _FileRead, name: str, root: object) -> None:
    rows = cin_rows(root)
    year = header_collection_year(root)
    for table in CIN_TABLES:
        frame, findings = cin_types.cin_frame(table, name, rows)
        piece.cin.append((table, frame))
        piece.findings += [findings, invalid_codes(frame, CIN_CODES.get(table, {}), year)]
