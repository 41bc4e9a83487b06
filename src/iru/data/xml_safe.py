"""Parsing untrusted XML: any DTD or entity declaration is refused (docs/adr/0002-hostile-xml.md).

The CIN census and the 903 XML need no DTD, so a document that has one is hostile or broken either
way. lxml parses with entity resolution, DTD loading and network access all off (so nothing is
expanded or fetched even while we look), then any doctype found is rejected loudly.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from iru.data.problems import UnreadableFile

_HOSTILE = "contains a DTD/entity declaration, which is not allowed"


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(file: str, content: bytes) -> Any:
    """The root element of `content`, namespaces stripped from tags.

    Raises `UnreadableFile` naming `file` when it is not well-formed XML or declares a DTD or
    entity (billion laughs, quadratic blowup, external entities and DTDs, plain internal DTDs).
    """
    if _contains(content, (b"<!DOCTYPE", b"<!ENTITY"), 1):
        raise UnreadableFile(file, _HOSTILE)
    try:
        root = etree.fromstring(content, _parser())
    except (etree.XMLSyntaxError, ValueError) as error:
        raise UnreadableFile(file, f"is not well-formed XML ({_first_line(error)})") from error
    if root is None:
        raise UnreadableFile(file, "is not well-formed XML (no root element)")
    info = root.getroottree().docinfo
    # Catches declarations the byte scan cannot see (e.g. a UTF-16 document).
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise UnreadableFile(file, _HOSTILE)
    if _may_have_namespaces(root, content):
        _strip_namespaces(root)
    return root


# Encodings in which the bytes of "xmlns" are those of ASCII (or of UTF-16, checked too).
_BYTE_SEARCHABLE = ("utf-8", "utf8", "us-ascii", "ascii", "iso-8859", "latin", "windows-125")


def _may_have_namespaces(root: Any, content: bytes) -> bool:
    """False only when no namespace can be declared: no `xmlns` in the bytes, in an encoding
    where that search is exact."""
    encoding = str(root.getroottree().docinfo.encoding or "").lower()
    if not encoding.startswith((*_BYTE_SEARCHABLE, "utf-16")):
        return True
    # The UTF-16 spelling has NUL bytes, so a document without any cannot hold it.
    return _contains(content, (b"xmlns",), 0) or (
        b"\x00" in content and b"x\x00m\x00l\x00n\x00s" in content
    )


# Occurrences of the rare byte checked one by one before falling back to a full search.
_HOPS = 16


def _contains(content: bytes, needles: tuple[bytes, ...], pivot: int) -> bool:
    """Whether any of `needles` is in `content`, each having the same byte at index `pivot`.

    Exactly `any(needle in content ...)`, but national-scale files are scanned several times:
    a search for a byte rare in them (`!` of `<!DOCTYPE`, `x` of `xmlns`) runs at memchr speed,
    several times faster than a search for the whole string, so its few occurrences are checked
    one by one, and only a file with many falls back to the full search.
    """
    mark = needles[0][pivot : pivot + 1]
    at = content.find(mark, pivot)
    for _ in range(_HOPS):
        if at < 0:
            return False
        if any(content.startswith(needle, at - pivot) for needle in needles):
            return True
        at = content.find(mark, at + 1)
    return at >= 0 and any(content.find(needle, at - pivot) >= 0 for needle in needles)


def _strip_namespaces(root: Any) -> None:
    """Some suppliers' tools add a default namespace; the element names are what matter."""
    # Most files have none: find the namespaced elements in C rather than visit every element.
    for element in root.xpath("descendant-or-self::*[namespace-uri() != '']"):
        element.tag = element.tag.split("}", 1)[1]


def root_name(file: str, content: bytes) -> str:
    """The name of the root element (parsing the whole file safely)."""
    return str(parse_xml(file, content).tag)


def child_texts(element: Any) -> dict[str, str | None]:
    """The text of each direct child element, by tag (the last of repeated tags wins)."""
    return {child.tag: child.text for child in element.iterchildren(etree.Element)}


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__
