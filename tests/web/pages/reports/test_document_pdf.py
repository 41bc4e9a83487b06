"""The PDF of a report (reports/document.html through WeasyPrint), read back with pypdf:
every table's numbers as the report shows them, "Page N of M", a contents page with page
numbers, and no request ever made to the network."""

from __future__ import annotations

import io
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from django.template.loader import render_to_string
from pypdf import PdfReader

from iru.reports.document import cell_text
from iru.reports.pdf import PACKAGE_ROOT, LocalOnlyFetcher, RefusedFetch, pdf_from_html
from tests.reports.sample_document import public_document, sample_document

pytestmark = pytest.mark.renders


def _pages(document) -> list[str]:
    html = render_to_string("reports/document.html", {"document": document})
    reader = PdfReader(io.BytesIO(pdf_from_html(html)))
    return [page.extract_text() for page in reader.pages]


@pytest.fixture(scope="module")
def pages() -> list[str]:
    return _pages(sample_document())


def _words(text: str) -> str:
    return " ".join(text.split())


def test_every_table_s_numbers_are_in_the_pdf_as_the_report_shows_them(pages) -> None:
    text = _words("\n".join(pages))
    for table in sample_document().tables:
        assert _words(table.caption) in text
        for label, cells in table.rows:
            # a row reads left to right: its label, then each value
            values = [re.escape(cell_text(cell)) for cell in cells]
            assert re.search(
                re.escape(_words(label)) + r"\s+" + r"\s+(?:\S+ of \S+\s+)?".join(values), text
            ), label


def test_each_page_after_the_title_page_says_page_n_of_m(pages) -> None:
    total = len(pages)
    assert "Page" not in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text


def test_the_contents_gives_each_section_s_page(pages) -> None:
    contents = pages[1].split("\n")
    assert "Contents" in contents
    for number, section in enumerate(sample_document().sections, start=1):
        heading = f"{number}. {section.title}"
        # the page the section starts on: its heading at the top (under the watermark's word)
        start = next(n for n, text in enumerate(pages, start=1) if heading in text.split("\n")[:2])
        line = next(line for line in contents if line.startswith(heading))
        assert re.fullmatch(re.escape(heading) + rf" \.+\s+{start}", line.strip()), line


def test_the_header_names_the_council_and_the_report_and_says_draft(pages) -> None:
    for text in pages[1:]:
        assert "Borsetshire Council" in text
        assert "Annual Independent Chairperson's Report 2015-16" in text
        assert "Draft" in text


def test_a_public_edition_says_small_numbers_are_hidden_and_shows_c() -> None:
    pages = _pages(public_document())
    assert "For publication: small numbers suppressed." in _words(pages[0])
    assert "Draft" not in "".join(pages)
    text = _words("\n".join(pages))
    assert "August 2015 c 8" in text
    assert "Health assessment overdue c" in text


class _Recorder(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_no_request_ever_leaves_for_the_network() -> None:
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        html = render_to_string(
            "reports/document.html", {"document": sample_document(), "logo_url": f"{url}/logo.png"}
        ).replace("</head>", f'<link rel="stylesheet" href="{url}/x.css"></head>')
        pdf = pdf_from_html(html, base_url=f"{url}/")
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.requests == []
    assert pdf.startswith(b"%PDF")


def test_the_fetcher_allows_data_and_the_package_s_own_files_only(tmp_path) -> None:
    fetcher = LocalOnlyFetcher()
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    own = PACKAGE_ROOT / "web/core/static/iru/report.css"
    assert fetcher.fetch(own.as_uri()).read() == own.read_bytes()
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    escaping = PACKAGE_ROOT.as_uri() + "/../../../../" + str(outside).lstrip("/")
    for url in (
        outside.as_uri(),
        escaping,
        "https://example.org/x.png",
        "ftp://example.org/x",
        "file://server/share/x",
    ):
        with pytest.raises(RefusedFetch):
            fetcher.fetch(url)
    assert Path(PACKAGE_ROOT / "reports").is_dir()
