"""Inline Markdown (emphasis, links, code spans) to HTML and to plain text.

markdown-it-py parses each distinct inline string once (results are cached); strings
with no Markdown punctuation, the great majority, skip the parser entirely. Raw HTML
is never passed through: ``<script>`` in a role comes out as text. markdown-it refuses
``javascript:``, ``vbscript:``, ``file:`` and ``data:`` links, which then stay literal.
"""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt
from markdown_it.token import Token

#: The same options the conformance test renders with.
OPTIONS = {
    "html": False,
    "xhtmlOut": False,
    "breaks": False,
    "linkify": False,
    "typographer": False,
}

_SPECIAL = frozenset("\\`*_[]!<&\n")


def escape(text: str) -> str:
    """HTML-escape exactly as markdown-it does, so both paths give the same bytes."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


@functools.cache
def markdown_it() -> MarkdownIt:
    return MarkdownIt("commonmark", OPTIONS).enable("table")


def _plain(text: str) -> bool:
    return not any(ch in _SPECIAL for ch in text)


def _tokens(text: str) -> list[Token]:
    md = markdown_it()
    tokens = md.parseInline(text)
    return tokens[0].children or [] if tokens else []


@functools.lru_cache(maxsize=1 << 16)
def to_html(text: str) -> str:
    """Inline Markdown as an HTML fragment (escaped, links checked)."""
    if _plain(text):
        return escape(text)
    md = markdown_it()
    return str(md.renderer.renderInline(_tokens(text), md.options, {}))  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=1 << 16)
def to_text(text: str) -> str:
    """Inline Markdown as plain text: markers dropped, a link's address after its text."""
    if _plain(text):
        return text
    out: list[str] = []
    href_stack: list[tuple[str, int]] = []
    for token in _tokens(text):
        kind = token.type
        if kind in ("text", "code_inline", "html_inline"):
            out.append(token.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "image":
            out.append(token.content or str(token.attrGet("alt") or ""))
        elif kind == "link_open":
            href_stack.append((str(token.attrGet("href") or ""), len(out)))
        elif kind == "link_close" and href_stack:
            href, start = href_stack.pop()
            label = "".join(out[start:])
            shown = href.removeprefix("mailto:")
            if shown and shown != label:
                out.append(f" <{shown}>")
    return "".join(out)


def links(text: str) -> list[str]:
    """The link targets markdown-it accepted in an inline string."""
    if _plain(text):
        return []
    return [str(t.attrGet("href")) for t in _tokens(text) if t.type == "link_open"]
