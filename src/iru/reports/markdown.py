"""The narrative's Markdown, for the web page and the PDF (safe HTML) and for Word (blocks).

The Head of Service writes each section's narrative in Markdown (CommonMark). It is parsed
once by markdown-it-py with raw HTML switched off, so anything typed as HTML stays text; the
HTML is then cleaned by nh3 against a short allow-list, so that nothing the parser lets
through can run a script or fetch from elsewhere: only http, https and mailto links, which
open with no referrer. A section's title is the report's own h2, so the narrative's headings
start at h3 (`#` is h3, `##` and deeper h4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeAlias

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

_ALLOWED_TAGS = {
    "p", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre", "br",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
LINK_SCHEMES = ("http://", "https://", "mailto:")


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def heading_level(markdown_level: int) -> int:
    """The HTML heading level of a Markdown heading: `#` h3, anything deeper h4."""
    return 3 if markdown_level <= 1 else 4


def safe_href(href: str) -> str:
    """The link if it is http, https or mailto, else "" (no javascript:, data:, relative)."""
    return href if href.strip().lower().startswith(LINK_SCHEMES) else ""


def markdown_html(text: str) -> str:
    """The narrative as sanitised HTML (no scripts, event handlers, images or unsafe links)."""
    parser = _parser()
    tokens = parser.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{heading_level(int(token.tag[1]))}"
        if token.children:
            token.children = _without_unsafe_links(token.children)
    html = parser.renderer.render(tokens, parser.options, {})
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        attribute_filter=_attribute_filter,
    )


def _without_unsafe_links(children: list[Token]) -> list[Token]:
    """An unsafe link (not http, https or mailto) kept as its words, not as a dead `<a>`."""
    kept: list[Token] = []
    dropping: list[bool] = []  # per open link: whether it is dropped
    for child in children:
        if child.type == "link_open":
            dropping.append(not safe_href(str(child.attrs.get("href", ""))))
            if dropping[-1]:
                continue
        elif child.type == "link_close" and dropping.pop():
            continue
        kept.append(child)
    return kept


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return safe_href(value) or None
    return value


# For Word: the same Markdown as a flat list of typed blocks.


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look; `text` "\\n" is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""  # a safe link (http, https, mailto), or ""


@dataclass(frozen=True)
class Heading:
    level: int  # 3 or 4, as in the HTML
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    quote: bool = False  # inside a block quote
    code: bool = False  # a code block: keep its lines


@dataclass(frozen=True)
class ListItem:
    runs: tuple[Run, ...]
    ordered: bool
    depth: int  # 0 for a top-level item, 1 for an item of a list inside it, ...
    first: bool = False  # the first item of its list (a numbered list starts again at 1)


MarkdownBlock: TypeAlias = Heading | Paragraph | ListItem


def markdown_blocks(text: str) -> list[MarkdownBlock]:
    """The narrative as headings, paragraphs (and quotes) and list items, in order."""
    walk = _Walk()
    for token in _parser().parse(text):
        step = _STEPS.get(token.type)
        if step is not None:
            step(walk, token)
    return walk.blocks


@dataclass
class _Walk:
    """Where the walk through markdown-it's tokens is: which lists and quotes are open."""

    blocks: list[MarkdownBlock] = field(default_factory=list)
    lists: list[bool] = field(default_factory=list)  # open lists, innermost last: ordered?
    items: list[int] = field(default_factory=list)  # how many items each has had so far
    quoted: int = 0
    item_open: bool = False  # an item's first paragraph is the item, any further one not
    heading: int = 0

    def open_list(self, token: Token) -> None:
        self.lists.append(token.type == "ordered_list_open")
        self.items.append(0)

    def close_list(self, token: Token) -> None:
        self.lists.pop()
        self.items.pop()

    def open_item(self, token: Token) -> None:
        self.item_open = True
        self.items[-1] += 1

    def quote(self, token: Token) -> None:
        self.quoted += 1 if token.type == "blockquote_open" else -1

    def open_heading(self, token: Token) -> None:
        self.heading = heading_level(int(token.tag[1]))

    def inline(self, token: Token) -> None:
        runs = inline_runs(token.children or [])
        if self.heading:
            self.blocks.append(Heading(self.heading, runs))
            self.heading = 0
        elif self.lists and self.item_open:
            first = self.items[-1] == 1
            depth = len(self.lists) - 1
            self.blocks.append(ListItem(runs, self.lists[-1], depth, first))
            self.item_open = False
        else:
            self.blocks.append(Paragraph(runs, quote=self.quoted > 0))

    def code(self, token: Token) -> None:
        self.blocks.append(Paragraph((Run(token.content.rstrip("\n"), code=True),), code=True))


_STEPS: dict[str, Callable[[_Walk, Token], None]] = {
    "bullet_list_open": _Walk.open_list,
    "ordered_list_open": _Walk.open_list,
    "bullet_list_close": _Walk.close_list,
    "ordered_list_close": _Walk.close_list,
    "list_item_open": _Walk.open_item,
    "blockquote_open": _Walk.quote,
    "blockquote_close": _Walk.quote,
    "heading_open": _Walk.open_heading,
    "inline": _Walk.inline,
    "fence": _Walk.code,
    "code_block": _Walk.code,
}


def inline_runs(children: list[Token]) -> tuple[Run, ...]:
    """An inline token's children as runs, bold, italic and links carried through."""
    runs: list[Run] = []
    bold = italic = 0
    href = ""
    for child in children:
        kind = child.type
        if kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            href = safe_href(str(child.attrs.get("href", "")))
        elif kind == "link_close":
            href = ""
        elif kind in ("text", "code_inline"):
            code = kind == "code_inline"
            runs.append(Run(child.content, bold > 0, italic > 0, code, href))
        elif kind == "softbreak":
            runs.append(Run(" ", bold > 0, italic > 0, href=href))
        elif kind == "hardbreak":
            runs.append(Run("\n"))
    return tuple(run for run in runs if run.text)
