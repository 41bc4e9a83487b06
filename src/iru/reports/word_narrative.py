"""A section's narrative (Markdown) as Word paragraphs: headings, paragraphs, quotes, bulleted
and numbered lists, bold, italic and links, in the template's own styles.

The narrative's headings are one level under the section's (a section is Heading 1, so `#`
is Heading 2). Text is only ever text: whatever was typed as HTML is written out as the
characters typed, never interpreted.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph as WordParagraph

from iru.reports.markdown import Heading, ListItem, MarkdownBlock, Run, markdown_blocks
from iru.reports.word_styles import StyleBook

LINK_BLUE = RGBColor(0x1D, 0x70, 0xB8)
MONOSPACE = "Courier New"


def add_narrative(word: Document, styles: StyleBook, text: str) -> None:
    """The Markdown `text` as paragraphs at the end of the document."""
    numbering: dict[int, str] = {}  # the numbering instance of each depth's current list
    counts: dict[int, int] = {}  # each depth's items so far, when numbered by hand
    for block in markdown_blocks(text):
        style = styles.paragraph(_style_name(block))
        paragraph = word.add_paragraph(style=style)
        if isinstance(block, ListItem):
            if style is None or not style.name.startswith(("List Bullet", "List Number")):
                # the template has no list style: the bullet or number written out
                counts[block.depth] = 1 if block.first else counts.get(block.depth, 0) + 1
                paragraph.add_run(f"{counts[block.depth]}. " if block.ordered else "• ")
            elif block.ordered:
                _number(word, paragraph, block, numbering)
        for run in block.runs:
            _add_run(paragraph, styles, run)


def _style_name(block: MarkdownBlock) -> str:
    if isinstance(block, Heading):
        return f"Heading {block.level - 1}"  # h3 under the section's Heading 1: Heading 2
    if isinstance(block, ListItem):
        kind = "List Number" if block.ordered else "List Bullet"
        return kind if block.depth == 0 else f"{kind} 2"
    return "Quote" if block.quote else "Normal"


def _add_run(paragraph: WordParagraph, styles: StyleBook, run: Run) -> None:
    if run.text == "\n":
        paragraph.add_run().add_break()
        return
    word_run = paragraph.add_run(run.text)
    word_run.bold = run.bold or None
    word_run.italic = run.italic or None
    if run.code:
        word_run.font.name = MONOSPACE
    if run.href:
        _as_link(paragraph, word_run._r, run.href, styles)


def _as_link(paragraph: WordParagraph, run: CT_R, href: str, styles: StyleBook) -> None:
    """Wrap the run just added in a hyperlink to `href` (an external relationship)."""
    relationship = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    style = styles.character("Hyperlink")
    properties = run.get_or_add_rPr()
    if style is not None:
        properties.style = style.style_id
    else:
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), str(LINK_BLUE))
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        properties.append(colour)
        properties.append(underline)
    run.addprevious(link)
    link.append(run)


def _number(
    word: Document, paragraph: WordParagraph, item: ListItem, numbering: dict[int, str]
) -> None:
    """Each numbered list counts from 1: its first item starts a new numbering instance of
    the style's list, which its other items share. A style with no numbering is left as is."""
    style = paragraph.style
    style_properties = style.element.pPr if style is not None else None
    style_numbering = style_properties.numPr if style_properties is not None else None
    if style_numbering is None or style_numbering.numId is None:
        return
    if item.first or item.depth not in numbering:
        definitions = word.part.numbering_part.element
        current = definitions.num_having_numId(style_numbering.numId.val)
        instance = definitions.add_num(current.abstractNumId.val)
        instance.add_lvlOverride(ilvl=0).add_startOverride(1)
        numbering[item.depth] = str(instance.numId)
    properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    properties.get_or_add_ilvl().val = 0
    properties.get_or_add_numId().val = int(numbering[item.depth])
