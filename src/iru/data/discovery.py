"""Finding the files of a source and reading each one into tables (FIGURES.md, "Output of iru
figures": SOURCE discovery; path order for reconciling).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import polars as pl

from iru.data import cin_types
from iru.data.cin_xml import cin_rows, collection_year
from iru.data.code_checks import CIN_CODES, invalid_codes
from iru.data.collection_year import year_from_dates, year_from_path
from iru.data.problems import UnreadableFile
from iru.data.read903 import TableRead, read_903_csv
from iru.data.tables903 import table_for_file_name
from iru.data.xml903 import read_903_xml
from iru.data.xml_safe import parse_xml

CIN_TABLES = ("cin_children", "cin_details", "section47", "cp_plans", "cp_reviews")


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
    `strict`, raise `UnreadableFile`; a file that cannot be read always raises."""
    reads = FileReads()
    for name, content in sorted(files, key=lambda item: path_order(item[0])):
        if name.lower().endswith(".xml"):
            _read_xml(name, content, reads)
        elif (table := table_for_file_name(PurePosixPath(name).name)) is not None:
            _add_903(reads, read_903_csv(name, content, table))
        elif strict:
            raise UnreadableFile(name, "is not an SSDA903 CSV file (by its name) or an XML file")
    return reads


def _read_xml(name: str, content: bytes, reads: FileReads) -> None:
    root = parse_xml(name, content)
    if root.tag == "Message":
        _add_cin(reads, name, root)
    elif root.tag == "EXPSSDA903":
        for table_read in read_903_xml(name, root):
            _add_903(reads, table_read)
    else:
        reason = f"has root element <{root.tag}>, not <Message> (CIN census) or <EXPSSDA903>"
        raise UnreadableFile(name, reason)


def _add_903(reads: FileReads, read: TableRead) -> None:
    year = year_from_path(read.file) or year_from_dates(read.frame, list(read.table.dates))
    reads.tables_903.setdefault(read.table.name, []).append(read.frame)
    reads.findings += [read.findings, invalid_codes(read.frame, read.table.codes, year)]


def _add_cin(reads: FileReads, name: str, root: object) -> None:
    rows = cin_rows(root)
    year = collection_year(root)
    for table in CIN_TABLES:
        frame, findings = cin_types.cin_frame(table, name, rows)
        reads.cin.setdefault(table, []).append(frame)
        reads.findings += [findings, invalid_codes(frame, CIN_CODES.get(table, {}), year)]
