"""Make the Word template the reports are built on: src/iru/reports/templates/report-template.docx.

It starts from python-docx's own default document and sets what a council restyles: A4
pages, the fonts and sizes of Normal, Title, Subtitle, Heading 1-3 (each section a new page),
Caption, Quote, the list styles, a character style for links, a paragraph style for the notes
under a table ("Table Note"), a table style ("Report Table": ruled rows, a bold header row),
and a header and footer. The header holds placeholders the report fills: {council},
{title} and {status} (DRAFT for a draft); the footer the page number and count as Word fields.
The title page has no header or footer.

A council can open the file in Word, change any style, header or footer, and give the app
its own copy; a style it deletes falls back to a built-in one (iru.reports.word_styles).

Usage: .venv/bin/python scripts/make_docx_template.py [OUT]. The output is the same bytes on
every run (fixed dates inside and in the zip), so the committed file only changes when this
script does.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt, RGBColor

from iru.reports.fixed_zip import zip_again_at
from iru.reports.word_fields import add_field

OUT = Path(__file__).resolve().parents[1] / "src/iru/reports/templates/report-template.docx"
FONT = "Arial"
INK = RGBColor(0x0B, 0x0C, 0x0C)
GREY = RGBColor(0x50, 0x5A, 0x5F)
BLUE = RGBColor(0x1D, 0x70, 0xB8)
MADE = datetime(2026, 1, 1)  # noqa: DTZ001 (a fixed date: the file is reproducible)


def _font(style: object, size: float, *, bold: bool = False, colour: RGBColor = INK) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, False
    font.color.rgb = colour
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)


def _paragraph_styles(word: docx.document.Document) -> None:
    styles = word.styles
    # The font and the spacing between paragraphs are the document's defaults, not Normal's,
    # so that the table style's smaller type and tighter spacing win inside tables (a
    # paragraph style, Normal included, would override the table style).
    defaults = styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = run_defaults.find(qn("w:rFonts"))
    fonts.attrib.clear()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "264")
    for name, size, before, after in (("Title", 28, 0, 12), ("Subtitle", 16, 0, 24),
                                      ("Heading 1", 18, 0, 12), ("Heading 2", 14, 12, 6),
                                      ("Heading 3", 12, 12, 4)):  # fmt: skip
        style = styles[name]
        _font(style, size, bold=name != "Subtitle")
        style.paragraph_format.space_before, style.paragraph_format.space_after = (
            Pt(before),
            Pt(after),
        )
        style.paragraph_format.keep_with_next = True
    styles["Title"].element.pPr.remove_all("w:pBdr")  # python-docx's Title has a rule under it
    styles["Heading 1"].paragraph_format.page_break_before = True  # each section a new page
    _font(styles["Caption"], 10.5, bold=True)
    styles["Caption"].paragraph_format.keep_with_next = True
    styles["Caption"].paragraph_format.space_before = Pt(12)
    _font(styles["Quote"], 11, colour=GREY)
    styles["Quote"].font.italic = True
    for name in ("List Bullet", "List Bullet 2", "List Number", "List Number 2", "TOC Heading"):
        _font(styles[name], 11, bold=name == "TOC Heading")
    note = styles.add_style("Table Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = styles["Normal"]
    _font(note, 9, colour=GREY)
    note.paragraph_format.space_after = Pt(2)
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb, link.font.underline = BLUE, True
    for name in ("Header", "Footer"):
        _font(styles[name], 8.5, colour=GREY)


TABLE_STYLE = f"""<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="ReportTable">
  <w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
  <w:tblPr><w:tblBorders>
    <w:bottom w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>
    <w:insideH w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>
  </w:tblBorders>
  <w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tcPr><w:tcBorders>
      <w:bottom w:val="single" w:sz="12" w:space="0" w:color="0B0C0C"/>
    </w:tcBorders></w:tcPr>
  </w:tblStylePr>
</w:style>"""


def _header_footer(word: docx.document.Document) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin = section.right_margin = Mm(18)
    section.header_distance = section.footer_distance = Mm(9)
    section.different_first_page_header_footer = True  # the title page has neither
    text_width = section.page_width - section.left_margin - section.right_margin
    header = section.header.paragraphs[0]
    header.add_run("{council}\t")
    status = header.add_run("{status}")  # DRAFT on a draft, nothing once published
    status.bold, status.font.color.rgb = True, RGBColor(0xD4, 0x35, 0x1C)
    header.add_run("\t{title}")
    for name in ("Header", "Footer"):  # python-docx's stops are for US Letter
        stops = word.styles[name].paragraph_format.tab_stops
        stops.clear_all()
        stops.add_tab_stop(Emu(text_width // 2), WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(Emu(text_width), WD_TAB_ALIGNMENT.RIGHT)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    add_field(footer, "NUMPAGES", "1")


def template_bytes() -> bytes:
    word = docx.Document()
    _paragraph_styles(word)
    word.styles.element.append(parse_xml(TABLE_STYLE))
    _header_footer(word)
    properties = word.core_properties
    properties.author = properties.last_modified_by = "iru"
    properties.title, properties.created, properties.modified = "Report", MADE, MADE
    properties.revision = 1
    buffer = io.BytesIO()
    word.save(buffer)
    return zip_again_at(buffer.getvalue(), MADE.date())


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(template_bytes())
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv)
