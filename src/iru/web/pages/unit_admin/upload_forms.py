"""The upload form for SSDA903 and CIN census files, and the size limit on each file (admin).

The limit is enforced while the request body is read (`SizeLimitUploadHandler` skips the rest
of a file past it, so it is never stored) and again by the form, before any file is parsed.
A file's name decides only which table it holds; it is never used as a path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from iru.data.tables903 import table_for_file_name
from iru.web.core.forms import GovukForm

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILES = 20
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


def display_name(raw: str) -> str:
    """The file's own name, without any folders a browser sent and without control characters."""
    name = PurePosixPath(raw.replace("\\", "/")).name
    return _UNPRINTABLE.sub("", name)[:120] or "unnamed file"


def is_source_file(name: str) -> bool:
    """An SSDA903 table's CSV (by its name) or an XML file (903 or CIN census)."""
    return name.lower().endswith(".xml") or table_for_file_name(name) is not None


class SizeLimitUploadHandler(FileUploadHandler):
    """Skips any file larger than `MAX_FILE_BYTES` as it streams in, noting its name."""

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.too_large: list[str] = []
        self._received = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self._received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self._received += len(raw_data)
        if self._received > MAX_FILE_BYTES:
            self.too_large.append(display_name(self.file_name or ""))
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler builds the file


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(GovukForm):
    # The field is named as the form's `files` (the uploads) it reads: the metaclass takes it
    # out of the class, so the two never meet at run time.
    files = forms.FileField(  # type: ignore[assignment]
        label="Upload files",
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".csv,.xml"}),
        help_text=(
            "SSDA903 tables as CSV (header, episodes, reviews) or XML, and CIN census XML. "
            f"Up to {MAX_FILES} files, each no larger than {MAX_FILE_BYTES // 2**20} MB."
        ),
    )

    def __init__(
        self, *args: Any, uploads: Sequence[UploadedFile] = (), too_large: Sequence[str] = (),
        **kwargs: Any,
    ) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.uploads, self.too_large = list(uploads), list(too_large)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        errors = [f"{name} is larger than 20 MB" for name in self.too_large]
        if not self.uploads and not errors:
            errors.append("Select at least one file")
        if len(self.uploads) > MAX_FILES:
            errors.append(f"Upload no more than {MAX_FILES} files at once")
        seen: set[str] = set()
        for upload in self.uploads:
            name = display_name(upload.name or "")
            if (upload.size or 0) > MAX_FILE_BYTES:
                errors.append(f"{name} is larger than 20 MB")
            elif not upload.size:
                errors.append(f"{name} is empty: choose the file again")
            elif not is_source_file(name):
                errors.append(f"{name} is not an SSDA903 CSV table or an XML file")
            elif name.lower() in seen:
                errors.append(f"{name} is selected twice: upload one year's files at a time")
            seen.add(name.lower())
        for error in errors:
            self.add_error("files", error)
        return cleaned

    def chosen_names(self) -> list[str]:
        """The names of the files the user chose (those skipped for their size too)."""
        return [display_name(u.name or "") for u in self.uploads] + list(self.too_large)

    def named_contents(self) -> list[tuple[str, bytes]]:
        """(name, content) of each file, read only once the form is valid."""
        return [(display_name(u.name or ""), u.read()) for u in self.uploads]
