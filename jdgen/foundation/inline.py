"""Inline Markdown (emphasis, links, code spans) to HTML and to plain text.

markdown-it-py parses each distinct inline string once (results are cached); strings
with no Markdown punctuation, the great majority, skip the parser entirely. Raw HTML
is never passed through: ``<script>`` in a role comes out as text. markdown-it refuses
``javascript:``, ``vbscript:``, ``file:`` and ``data:`` links, which then stay literal.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it is imported when a string needs it (0.1 s of a start)
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


# Text left in another language (an untranslated fallback) is wrapped in private-use
# characters by the localizer: OPEN tag SEP text CLOSE. HTML turns them into
# <span lang="tag">; every other output drops them.
LANG_OPEN, LANG_SEP, LANG_CLOSE = "\ue000", "\ue001", "\ue002"
_LANG_MARK = re.compile(f"{LANG_OPEN}([A-Za-z0-9-]{{1,35}}){LANG_SEP}")
_STRIP = {ord(LANG_OPEN): None, ord(LANG_SEP): None, ord(LANG_CLOSE): None}


def mark_language(text: str, tag: str) -> str:
    """Mark ``text`` as being in language ``tag`` (see LANG_OPEN)."""
    return f"{LANG_OPEN}{tag}{LANG_SEP}{text}{LANG_CLOSE}"


def strip_language(text: str) -> str:
    """Remove language marks (and their tags)."""
    if LANG_OPEN not in text:
        return text
    return _LANG_MARK.sub("", text).translate(_STRIP)


def _lang_spans(html: str) -> str:
    if LANG_OPEN not in html:
        return html
    return _LANG_MARK.sub(r'<span lang="\1">', html).replace(LANG_CLOSE, "</span>")


def text_html(text: str) -> str:
    """Plain text (no Markdown) as HTML: escaped, and text left in another language (an
    untranslated fallback) in a ``<span lang>``."""
    return _lang_spans(escape(text))


def escape(text: str) -> str:
    """HTML-escape exactly as markdown-it does, so both paths give the same bytes."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


@functools.cache
def markdown_it() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", OPTIONS).enable("table")


_SPECIAL_RE = re.compile("[" + re.escape("".join(sorted(_SPECIAL))) + "]")


def _plain(text: str) -> bool:
    return _SPECIAL_RE.search(text) is None


def _tokens(text: str) -> list[Token]:
    md = markdown_it()
    tokens = md.parseInline(text)
    return tokens[0].children or [] if tokens else []


_STRONG = re.compile(r"\*\*(.+?)\*\*")


def _edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


def _strong_only(text: str) -> list[tuple[str, bool]] | None:
    """Text whose only markup is ``**strong**`` spans that CommonMark surely reads as
    strong (no space or punctuation just inside, no other ``*`` or backslash next to the
    delimiters), as (text, strong) parts; None for anything else. Templates write labels
    this way ("**Salary**: ..."), so most inline strings skip the parser."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _STRONG.finditer(text):
        inner = m.group(1)
        if not _plain(inner) or _edge(inner[0]) or _edge(inner[-1]):
            return None
        before = text[m.start() - 1] if m.start() else ""
        if before in ("*", "\\") or text[m.end() : m.end() + 1] == "*":
            return None
        parts.append((text[pos : m.start()], False))
        parts.append((inner, True))
        pos = m.end()
    parts.append((text[pos:], False))
    if not all(_plain(p) for p, strong in parts if not strong):
        return None
    return parts


@functools.lru_cache(maxsize=1 << 12)
def to_html(text: str) -> str:
    """Inline Markdown as an HTML fragment (escaped, links checked)."""
    if _plain(text):
        return _lang_spans(escape(text))
    if "**" in text and (parts := _strong_only(text)) is not None:
        return _lang_spans(
            "".join(f"<strong>{escape(p)}</strong>" if strong else escape(p) for p, strong in parts)
        )
    md = markdown_it()
    html = md.renderer.renderInline(_tokens(text), md.options, {})  # type: ignore[attr-defined]
    return _lang_spans(str(html))


@functools.lru_cache(maxsize=1 << 12)
def to_text(text: str) -> str:
    """Inline Markdown as plain text: markers dropped, a link's address after its text."""
    if _plain(text):
        return strip_language(text)
    text = strip_language(text)
    if "**" in text and (parts := _strong_only(text)) is not None:
        return "".join(p for p, _ in parts)
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
