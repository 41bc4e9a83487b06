"""Zip archives whose bytes depend only on what they hold and the day they are dated.

A zip entry records the time it was written and the system that wrote it, so two archives of
the same files differ unless both are fixed. The report's exports date every entry the day the
document was made (midnight), so the same document gives the same bytes. Pure: no clock.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import date

ZIP_EARLIEST_YEAR = 1980  # a zip entry cannot be dated earlier


def zip_at(files: Iterable[tuple[str, bytes]], day: date) -> bytes:
    """A zip archive (deflated) of `files` (name, content) in that order, dated `day`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            archive.writestr(_entry(name, day), content)
    return out.getvalue()


def zip_again_at(archive: bytes, day: date) -> bytes:
    """The zip `archive` written again with its entries in the same order, dated `day`."""
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        files = [(entry.filename, source.read(entry)) for entry in source.infolist()]
    return zip_at(files, day)


def _entry(name: str, day: date) -> zipfile.ZipInfo:
    year = max(day.year, ZIP_EARLIEST_YEAR)
    entry = zipfile.ZipInfo(name, date_time=(year, day.month, day.day, 0, 0, 0))
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 3  # as if written on Unix, wherever it was
    entry.external_attr = 0o644 << 16  # rw-r--r--
    return entry
