"""Strict cells of the unit's CSV files: each value parsed or refused with a `UnitFileError`
naming the file, row, column and value (row numbers are spreadsheet rows: the header is row 1)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

Date = date  # `Cells.date` is a method: annotations inside the class use this name


class UnitFileError(Exception):
    """A unit file that cannot be read, or a value in it that is wrong."""

    def __init__(
        self, file: str, row: int | None, column: str | None, value: str | None, message: str
    ) -> None:
        where = file + (f", row {row}" if row else "") + (f", column {column}" if column else "")
        shown = f" (value {value!r})" if value not in (None, "") else ""
        super().__init__(f"{where}: {message}{shown}")
        self.file, self.row, self.column, self.value = file, row, column, value


class Cells:
    """One CSV row's values, parsed strictly; every error names file, row and column."""

    def __init__(self, file: str, row: int, record: dict[str, str | None]) -> None:
        self.file, self.row, self._record = file, row, record

    def fail(self, column: str, message: str) -> UnitFileError:
        return UnitFileError(self.file, self.row, column, self._record.get(column), message)

    def text(self, column: str, *, required: bool = False) -> str:
        value = (self._record.get(column) or "").strip()
        if required and not value:
            raise self.fail(column, "a value is required")
        return value

    def choice(self, column: str, choices: Sequence[str], *, required: bool = True) -> str:
        value = self.text(column, required=required)
        if value and value not in choices:
            raise self.fail(column, f"must be one of {', '.join(choices)}")
        return value

    def date(self, column: str, *, required: bool = False) -> Date | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(column, "is not a date YYYY-MM-DD") from None

    def required_date(self, column: str) -> Date:
        value = self.date(column, required=True)
        if value is None:  # unreachable: `date(required=True)` raises first
            raise self.fail(column, "a value is required")
        return value

    def boolean(self, column: str, *, required: bool = False) -> bool | None:
        value = self.text(column, required=required).lower()
        if not value:
            return None
        if value not in ("true", "false"):
            raise self.fail(column, "must be true or false")
        return value == "true"

    def decimal(self, column: str, low: Decimal, high: Decimal) -> Decimal | None:
        number = self._number(column)
        if number is not None and not (low <= number <= high):
            raise self.fail(column, f"must be from {low} to {high}")
        return number

    def _number(self, column: str) -> Decimal | None:
        value = self.text(column)
        if not value:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise self.fail(column, "is not a number") from None
        if not number.is_finite():
            raise self.fail(column, "is not a number")
        return number

    def integer(self, column: str, choices: Sequence[int]) -> int:
        value = self.text(column, required=True)
        if not value.isdigit() or int(value) not in choices:
            raise self.fail(column, f"must be one of {', '.join(map(str, choices))}")
        return int(value)

    def items(self, column: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in self.text(column).split(";") if item.strip())

    def fte(self, column: str) -> Decimal:
        """A full-time equivalent: more than 0, at most 1 (37 hours a week)."""
        number = self._number(column)
        if number is None:
            raise self.fail(column, "a value is required")
        if not (0 < number <= 1):
            raise self.fail(column, "must be more than 0 and at most 1")
        return number

    def span(self, start: str = "start", end: str = "end") -> tuple[Date, Date | None]:
        """A required start and an optional end after it (exclusive, empty while it lasts)."""
        first, last = self.required_date(start), self.date(end)
        if last is not None and last <= first:
            raise self.fail(end, f"must be after {start} ({first.isoformat()})")
        return first, last
