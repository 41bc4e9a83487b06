"""Word fields: page numbers and the table of contents.

A field is Word's live text: `PAGE`, `NUMPAGES`, `TOC`. It is written as its code and the
text to show until Word works it out again (its "result"), so the document reads right even
before the fields are updated; `update_fields_on_open` asks Word to update them on opening.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def _field_char(run: Run, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    run._r.append(element)


def _instruction(run: Run, code: str) -> None:
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = f" {code} "
    run._r.append(element)


def add_field(paragraph: Paragraph, code: str, result: str) -> None:
    """A field in one paragraph: `code` (e.g. "PAGE"), showing `result` until updated."""
    _field_char(paragraph.add_run(), "begin")
    _instruction(paragraph.add_run(), code)
    _field_char(paragraph.add_run(), "separate")
    paragraph.add_run(result)
    _field_char(paragraph.add_run(), "end")


def add_contents_field(paragraphs: Sequence[Paragraph], entries: Sequence[str]) -> None:
    """A table of contents of the Heading 1 paragraphs across `paragraphs` (one per entry):
    the entries are its result, a plain list of the sections until Word updates it."""
    first, last = paragraphs[0], paragraphs[-1]
    _field_char(first.add_run(), "begin")
    _instruction(first.add_run(), 'TOC \\o "1-1" \\h \\z \\u')
    _field_char(first.add_run(), "separate")
    for paragraph, entry in zip(paragraphs, entries, strict=True):
        paragraph.add_run(entry)
    _field_char(last.add_run(), "end")


# What may follow w:updateFields in w:settings: Word refuses a file whose settings are out of
# the schema's order, so it goes before the first of these.
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
)  # fmt: skip


def update_fields_on_open(word: Document) -> None:
    """Ask Word to update every field (the contents' page numbers) when the file opens."""
    settings = word.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    later = {qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS}
    following = next((child for child in settings if child.tag in later), None)
    if following is None:
        settings.append(element)
    else:
        following.addprevious(element)
