"""References between the unit's files, resolved to primary keys."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from iru.data.unit_files import UnitFileError
from iru.data.unit_rows import UnitData


class Refs:
    """External ids -> primary keys, checked: an unknown id is an error naming where it was."""

    def __init__(self, unit: UnitData, children: dict[str, int]) -> None:
        self.unit, self.children = unit, children

    def file(self, base: str) -> str:
        return next((f for f in self.unit.files if f.rsplit("/", 1)[-1] == base), base)

    def find(self, table: Mapping[str, Any], value: str, base: str, row: int, column: str) -> Any:
        if not value:
            return None
        if value not in table:
            raise UnitFileError(self.file(base), row, column, value, "no record with this id")
        return table[value]
