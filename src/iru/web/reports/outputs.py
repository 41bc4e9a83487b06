"""A report document as each file the unit downloads: HTML, PDF, Word, Excel, CSV.

The HTML is the app's own template (the same one the pages use, standalone); the PDF is that
HTML through WeasyPrint; Word, Excel and CSV are drawn from the document directly. The public
edition is the document with small numbers suppressed (`iru.reports.published`).
"""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from iru.reports.document import Edition, ReportDocument
from iru.reports.docx import docx_from_document
from iru.reports.pdf import pdf_from_html
from iru.reports.published import public_edition
from iru.reports.spreadsheets import csv_zip_from_document, xlsx_from_document


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    content_type: str
    extension: str


FORMATS: dict[str, Format] = {
    "pdf": Format("pdf", "PDF", "application/pdf", "pdf"),
    "docx": Format(
        "docx", "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
    ),
    "xlsx": Format(
        "xlsx", "Excel (every table)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
    ),
    "csv": Format("csv", "CSV (every table, zipped)", "application/zip", "zip"),
    "html": Format("html", "Web page", "text/html; charset=utf-8", "html"),
}  # fmt: skip
# What a page offers to download (the web page itself is the page).
DOWNLOADS = {name: format for name, format in FORMATS.items() if name != "html"}
EDITIONS: dict[str, str] = {
    "full": "Full figures, for use within the council",
    "public": "For publication: small numbers suppressed",
}


def edition_of(document: ReportDocument, edition: Edition) -> ReportDocument:
    return public_edition(document) if edition == "public" else document


def document_html(document: ReportDocument) -> str:
    """The whole report as one standalone HTML document (no scripts, no external requests;
    each chart an image of its SVG, as on the page: ADR 26)."""
    context = {"document": document, "logo_url": logo_data_url()}
    return render_to_string("reports/document.html", context)


def render_file(document: ReportDocument, format: str) -> bytes:
    """The document (already in its edition) as a file of `format` (a key of FORMATS)."""
    if format == "html":
        return document_html(document).encode("utf-8")
    if format == "pdf":
        return pdf_from_html(document_html(document))
    if format == "docx":
        template = settings.IRU_REPORT_DOCX_TEMPLATE
        return docx_from_document(document, template=Path(template) if template else None)
    if format == "xlsx":
        return xlsx_from_document(document)
    if format == "csv":
        return csv_zip_from_document(document)
    raise ValueError(f"no such format: {format}")


def file_name(document: ReportDocument, format: str) -> str:
    """ "annual-report-2016-03-31-public.pdf": what the file is, for which period, which
    edition, and a draft says so."""
    name = "annual-report" if document.kind == "annual" else "rag-report"
    status = "-draft" if document.status == "draft" else ""
    return f"{name}-{document.period}-{document.edition}{status}.{FORMATS[format].extension}"


def every_file(document: ReportDocument) -> dict[tuple[str, str], bytes]:
    """Every format of both editions: what publishing keeps."""
    files: dict[tuple[str, str], bytes] = {}
    editions: tuple[Edition, ...] = ("full", "public")
    for edition in editions:
        shown = edition_of(document, edition)
        for format in FORMATS:
            files[format, edition] = render_file(shown, format)
    return files


def logo_data_url() -> str:
    """The council's logo (IRU_COUNCIL_LOGO, a PNG, JPEG or SVG file) as a data: URL, so no
    output ever fetches it; "" when none is set."""
    path = settings.IRU_COUNCIL_LOGO
    if not path:
        return ""
    kind = mimetypes.guess_type(path)[0]
    if kind not in {"image/png", "image/jpeg", "image/svg+xml"}:
        return ""
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return f"data:{kind};base64,{data}"
