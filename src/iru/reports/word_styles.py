"""The Word template's styles, header and footer, used as the council left them.

A council may restyle the template, and may delete a style the report uses. Then the
report's own paragraph styles are added back plainly (a heading bold, with its outline level,
so it is still a real heading in Word's navigation pane and its table of contents), a list
style falls back to List Paragraph (the renderer then writes the bullet or number itself) and
the report's table style to Table Grid: the report is always made.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle, _TableStyle
from docx.text.paragraph import Paragraph

FALLBACKS: dict[str, tuple[str, ...]] = {
    "List Bullet": ("List Paragraph",),
    "List Bullet 2": ("List Bullet", "List Paragraph"),
    "List Number": ("List Paragraph",),
    "List Number 2": ("List Number", "List Paragraph"),
    "Report Table": ("Table Grid",),
}
# A style added back when the template has lost it: size in points, bold, italic.
PLAIN: dict[str, tuple[float, bool, bool]] = {
    "Title": (24, True, False),
    "Subtitle": (14, False, False),
    "Heading 1": (16, True, False),
    "Heading 2": (13, True, False),
    "Heading 3": (12, True, False),
    "Caption": (10, True, False),
    "Quote": (11, False, True),
    "Table Note": (9, False, False),
    "TOC Heading": (14, True, False),
}
DRAFT_RED = RGBColor(0xD4, 0x35, 0x1C)


class StyleBook:
    """The styles a report uses, looked up in the document with their fallbacks."""

    def __init__(self, word: Document) -> None:
        self._word = word

    def _get(self, name: str, kind: WD_STYLE_TYPE) -> BaseStyle | None:
        try:
            style: BaseStyle = self._word.styles[name]
        except KeyError:
            return None
        return style if style.type == kind else None

    def paragraph(self, name: str) -> ParagraphStyle | None:
        """The paragraph style `name`, or its fallback; None means Normal."""
        for candidate in (name, *FALLBACKS.get(name, ()), "Normal"):
            style = self._get(candidate, WD_STYLE_TYPE.PARAGRAPH)
            if isinstance(style, ParagraphStyle):
                return style
            if candidate == name and name in PLAIN:
                return self._add_plain(name)
        return None

    def table(self, name: str) -> _TableStyle | None:
        """The table style `name`, or Table Grid, or none (Word's plain table)."""
        for candidate in (name, *FALLBACKS.get(name, ())):
            style = self._get(candidate, WD_STYLE_TYPE.TABLE)
            if isinstance(style, _TableStyle):
                return style
        return None

    def character(self, name: str) -> CharacterStyle | None:
        style = self._get(name, WD_STYLE_TYPE.CHARACTER)
        return style if isinstance(style, CharacterStyle) else None

    def _add_plain(self, name: str) -> ParagraphStyle:
        style = self._word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        size, style.font.bold, style.font.italic = PLAIN[name]
        style.font.size = Pt(size)
        if name.startswith("Heading "):
            style.paragraph_format.keep_with_next = True
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(int(name[8:]) - 1))
            style.element.get_or_add_pPr().append(outline)
        return style


def fill_placeholders(paragraphs: list[Paragraph], values: dict[str, str]) -> bool:
    """Put `values` in for their `{name}` placeholders; True if any placeholder was there.

    A placeholder inside one run keeps the paragraph's runs (and any page-number field);
    one Word has split across runs gets the paragraph's text rewritten in its first run."""
    found = False
    for paragraph in paragraphs:
        if not any(f"{{{key}}}" in paragraph.text for key in values):
            continue
        found = True
        for run in paragraph.runs:
            run.text = _filled(run.text, values)
        if any(f"{{{key}}}" in paragraph.text for key in values):
            text = _filled(paragraph.text, values)
            for run in paragraph.runs[1:]:
                run.text = ""
            paragraph.runs[0].text = text
    return found


def _filled(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(f"{{{key}}}", value)
    return text


def fill_header(word: Document, council: str, title: str, draft: bool) -> None:
    """The running header and footer: the council, the title, and DRAFT on a draft. A
    header without a `{status}` placeholder still says DRAFT on a draft, in a line of its own."""
    values = {"council": council, "title": title, "status": "DRAFT" if draft else ""}
    for section in word.sections:
        parts = (
            section.header, section.first_page_header, section.even_page_header,
            section.footer, section.first_page_footer, section.even_page_footer,
        )  # fmt: skip
        for part in parts:
            # a part linked to the previous section has no paragraphs of its own: reading
            # them would add an empty one
            if not part.is_linked_to_previous:
                fill_placeholders(part.paragraphs, values)
        header = section.header
        said = not header.is_linked_to_previous and "DRAFT" in _text(header.paragraphs)
        if draft and not said:
            run = header.add_paragraph().add_run("DRAFT")
            run.bold = True
            run.font.color.rgb = DRAFT_RED


def _text(paragraphs: list[Paragraph]) -> str:
    return "\n".join(paragraph.text for paragraph in paragraphs)
