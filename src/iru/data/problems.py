"""Problems found while reading SSDA903 and CIN census files.

A `Problem` is a row-level data-quality warning: it never stops an import or the figures.
An `UnreadableFile` is the one kind of error that does: the file cannot be read at all
(not CSV, required columns missing, not XML, wrong root element, hostile XML).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """Where a problem is (file, row, column, value) and what it is.

    `row` is the line a person would look at: for CSV the spreadsheet row (the header is row 1,
    the first data row is row 2); for XML the line of the element. `rule` is the DfE validation
    rule code (e.g. "8615" or "380") when one exists.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    rule: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message,
            "rule": self.rule,
        }

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        value = f" (value {self.value!r})" if self.value not in (None, "") else ""
        rule = f" [rule {self.rule}]" if self.rule else ""
        return f"{where}: {self.message}{value}{rule}"


class UnreadableFile(Exception):
    """A file that cannot be read at all. The message names the file and says why."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason
