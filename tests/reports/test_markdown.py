"""The narrative's Markdown: ordinary Markdown survives, nothing that could run or fetch does."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iru.reports.markdown import (
    Heading,
    ListItem,
    Paragraph,
    Run,
    markdown_blocks,
    markdown_html,
)
from tests.reports.sample_document import SUMMARY

ALLOWED = {
    "p",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "code",
    "pre",
    "br",
}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def assert_harmless(html: str) -> None:
    for tag, attributes in elements(html):
        assert tag in ALLOWED, tag
        assert not any(name.startswith("on") for name in attributes), attributes
        assert set(attributes) <= {"href", "rel", "start"}, attributes
        if tag == "a" and "href" in attributes:
            assert attributes["href"].startswith(("http://", "https://", "mailto:"))
            assert attributes["rel"] == "noopener noreferrer"


def test_ordinary_markdown_survives() -> None:
    html = markdown_html(SUMMARY)
    assert "<strong>874 reviews</strong>" in html
    assert "<em>more</em>" in html
    assert "<h3>What went well</h3>" in html
    assert (
        '<a href="https://example.org/irus" rel="noopener noreferrer">the highest rate</a>' in html
    )
    assert "<li>Every child aged 4 or over was consulted.</li>" in html
    assert "<ol>\n<li>Keep caseloads" in html
    assert "<blockquote>\n<p>Children told us" in html
    assert_harmless(html)


def test_headings_start_under_the_section_s_own_h2() -> None:
    html = markdown_html("# One\n\n## Two\n\n### Three\n\n###### Six")
    assert html.split() == ["<h3>One</h3>", "<h4>Two</h4>", "<h4>Three</h4>", "<h4>Six</h4>"]


@pytest.mark.parametrize(
    "hostile",
    [
        '<script>alert("x")</script>',
        "<img src=x onerror=alert(1)>",
        "Text <img src=x onerror=alert(1)> inline",
        '<a href="javascript:alert(1)">click</a>',
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "![chart](data:image/png;base64,iVBORw0KGgo=)",
        "![tracker](https://example.org/pixel.png)",
        "<div onclick=alert(1)>text</div>",
        "<iframe src=https://example.org></iframe>",
        "<style>body{display:none}</style>",
        "<!-- a comment -->",
        "[relative](/admin/) and [protocol](//evil.example/)",
        "<javascript:alert(1)>",
    ],
)
def test_nothing_that_could_run_or_fetch_survives(hostile: str) -> None:
    html = markdown_html(hostile)
    assert_harmless(html)
    lowered = html.lower()
    for fragment in ("<script", "<img", "<iframe", "<style", "<div", "<!--"):
        assert fragment not in lowered  # typed HTML is shown escaped, as text


def test_typed_html_is_shown_as_the_characters_typed() -> None:
    html = markdown_html('<script>alert("x")</script>')
    assert html == '<p>&lt;script&gt;alert("x")&lt;/script&gt;</p>\n'


def test_an_unsafe_link_is_not_a_link() -> None:
    # markdown-it refuses javascript: outright (the Markdown stays as typed); a relative link
    # (a page of this app, not the reader's) keeps its words
    assert markdown_html("[click](javascript:alert(1)) [home](/)") == (
        "<p>[click](javascript:alert(1)) home</p>\n"
    )
    assert markdown_html("[mail](mailto:iru@example.org)") == (
        '<p><a href="mailto:iru@example.org" rel="noopener noreferrer">mail</a></p>\n'
    )


# Pieces of Markdown and HTML, strung together at random.
markdownish = st.lists(
    st.sampled_from(
        [*"ab <>/=\"'`*_[]()!#-:\n&;", "script", "onerror", "javascript:", "img", "a href", "data:"]
    ),
    max_size=40,
).map("".join)


@given(st.lists(markdownish, max_size=6).map("".join))
def test_any_text_gives_harmless_html(text: str) -> None:
    assert_harmless(markdown_html(text))


def test_blocks_for_word_keep_the_structure_and_the_emphasis() -> None:
    blocks = markdown_blocks(SUMMARY)
    assert blocks[0] == Paragraph(
        (
            Run("The unit chaired "),
            Run("874 reviews", bold=True),
            Run(" of looked-after children this year, "),
            Run("more", italic=True),
            Run(" than last year."),
        )
    )
    assert blocks[1] == Heading(3, (Run("What went well"),))
    assert blocks[2].runs[1] == Run("the highest rate", href="https://example.org/irus")
    assert [
        (type(b).__name__, getattr(b, "ordered", None), getattr(b, "first", None))
        for b in blocks[2:6]
    ] == [
        ("ListItem", False, True),
        ("ListItem", False, False),
        ("ListItem", True, True),
        ("ListItem", True, False),
    ]
    assert blocks[6] == Paragraph(
        (Run("Children told us they want to know their IRO."),), quote=True
    )
    assert blocks[7] == Paragraph((Run('<script>alert("hostile")</script>'),))
    assert len(blocks) == 8
    assert all(not run.href for block in blocks[3:] for run in block.runs)


def test_nested_lists_line_breaks_and_unsafe_links_in_blocks() -> None:
    blocks = markdown_blocks("1. one  \n   next line\n   - inner [x](/admin)\n2. two")
    assert blocks == [
        ListItem((Run("one"), Run("\n"), Run("next line")), ordered=True, depth=0, first=True),
        ListItem((Run("inner "), Run("x")), ordered=False, depth=1, first=True),
        ListItem((Run("two"),), ordered=True, depth=0, first=False),
    ]


def test_a_list_item_of_two_paragraphs_is_an_item_then_a_paragraph() -> None:
    blocks = markdown_blocks("- first\n\n  more of it\n- second")
    assert [type(b).__name__ for b in blocks] == ["ListItem", "Paragraph", "ListItem"]
