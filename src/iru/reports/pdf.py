"""A report's HTML document (reports/document.html) as a PDF, with WeasyPrint.

The print stylesheet in the document gives the pages (A4, the council and the title in the
header, "Page N of M" in the footer, the contents with page numbers, each section on a new
page, no table row split); this module only lays it out. Children's figures go into the PDF,
so WeasyPrint is never allowed to reach the network: only `data:` URLs and files inside the
`iru` package (its templates and static files) can be loaded, and anything else is refused
(the image or stylesheet is left out, the rest of the report still made).
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # src/iru


class RefusedFetch(ValueError):
    """A resource the report may not load (anything but data: and the package's own files)."""


class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """Fetches `data:` URLs and files under `root`; refuses every other URL before any
    connection is attempted."""

    def __init__(self, root: Path = PACKAGE_ROOT) -> None:
        super().__init__(allowed_protocols={"data", "file"})
        self._root = root.resolve()

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(self._root) and path.is_file():
                return URLFetcherResponse(url, path.read_bytes())
        raise RefusedFetch(f"not loaded in a report: {url[:80]}")


class _SvgPresentationNoise(logging.Filter):
    """Drops WeasyPrint's warning for each SVG presentation property it reads from a `style`
    attribute (`fill`, `stroke`, `text-anchor`: matplotlib's charts carry hundreds), which its
    CSS parser calls unknown although the SVG renderer applies them; every other warning of
    WeasyPrint's is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Ignored `") and message.endswith("unknown property."))


logging.getLogger("weasyprint").addFilter(_SvgPresentationNoise())


def pdf_from_html(html: str, *, base_url: str | None = None, tagged: bool = True) -> bytes:
    """The PDF of a report's HTML document. `base_url` resolves relative links (a file URL
    inside the package); nothing outside the package is ever loaded.

    `tagged`: a tagged PDF (its headings, lists and tables marked as such, the reading order
    kept), which screen readers need and which a report published on the council's website
    must be (the public sector accessibility regulations); it costs about a tenth more time."""
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=LocalOnlyFetcher())
    pdf: bytes = document.write_pdf(pdf_tags=tagged)
    return pdf
