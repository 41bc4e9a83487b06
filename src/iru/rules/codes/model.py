"""The shape of a code list: codes with descriptions, each valid for a span of collection years.

A collection year is named by the year its 31 March falls in (2016 = 2015-16), as in the DfE's
SSDA903 and CIN census specifications and the schema file names (`SSDA903_schema_2019`,
`CIN_schema_2025.xsd`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

FIRST_COLLECTION_YEAR = 2014
LAST_COLLECTION_YEAR = 2027


@dataclass(frozen=True)
class Code:
    """One code of a list, valid from `first_year` to `last_year` (collection years, inclusive)."""

    code: str
    description: str
    first_year: int = FIRST_COLLECTION_YEAR
    last_year: int = LAST_COLLECTION_YEAR

    def valid_in(self, collection_year: int) -> bool:
        return self.first_year <= collection_year <= self.last_year


def normalise_code(code: str) -> str:
    """Codes are compared trimmed and upper-cased (FIGURES.md "Missing values")."""
    return code.strip().upper()


@dataclass(frozen=True)
class CodeList:
    """The valid codes of one list in one collection year, with their descriptions.

    `collection_year` is the year whose rules apply (after clamping to the supported years).
    Lookups trim and upper-case the code first, so `is_valid(" u1 ")` is True.
    """

    name: str
    collection_year: int
    codes: frozenset[str]
    descriptions: Mapping[str, str] = field(compare=False, hash=False, repr=False)

    @classmethod
    def for_year(cls, name: str, table: tuple[Code, ...], collection_year: int) -> CodeList:
        """Build the list `name` of `collection_year` from its all-years `table`."""
        valid = {
            entry.code: entry.description for entry in table if entry.valid_in(collection_year)
        }
        return cls(name, collection_year, frozenset(valid), MappingProxyType(valid))

    def description(self, code: str) -> str | None:
        """Return the DfE description of `code`, or None when it is not valid this year."""
        return self.descriptions.get(normalise_code(code))

    def is_valid(self, code: str) -> bool:
        """Return True when `code` is a valid code of this list in this collection year."""
        return normalise_code(code) in self.codes


def clamp_collection_year(collection_year: int) -> int:
    """Map a year to the nearest supported one: earlier years use 2014's lists, later 2027's."""
    return min(max(collection_year, FIRST_COLLECTION_YEAR), LAST_COLLECTION_YEAR)
