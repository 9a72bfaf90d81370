"""Role content and translations in Markdown: shown as written, never markup.

Role text may use inline Markdown (emphasis, links), as its authors write it. It may not
open a block (a heading, a list, a fence), put raw HTML in the Markdown a site publishes
(people paste ``.md`` files into tools that render HTML), or link anywhere but to
``https:`` or ``mailto:``. The HTML output is escaped on its own; these
escapes make the Markdown output as safe, and render exactly as the text was written.
"""

from __future__ import annotations

import re

from jdgen.foundation.inline import LANG_OPEN, LANG_SEP

_BLOCK_START = re.compile(
    r"(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|`{3,}|~{3,}"
    r"|[=-]+\s*$)"
)


_LEADING_MARK = re.compile(f"{LANG_OPEN}[A-Za-z0-9-]{{1,35}}{LANG_SEP}")


def escape_markdown_blocks(text: str) -> str:
    """Escape what would make role text start a Markdown block (heading, list, fence...)."""
    out = []
    for para in text.split("\n\n"):
        para = para.replace("\n", " ")
        mark = _LEADING_MARK.match(para)  # a language mark is not text: look past it
        prefix, para = (mark.group(0), para[mark.end() :]) if mark else ("", para)
        m = _BLOCK_START.match(para)
        if m:
            lead, marker = m.group(1), m.group(2)
            if marker[0].isdigit():
                para = lead + marker[:-1] + "\\" + marker[-1] + para[m.end() :]
            else:
                para = lead + "\\" + para[len(lead) :]
        out.append(prefix + para)
    return "\n\n".join(out)


# An HTML tag, comment or declaration, or an autolink to an unsafe scheme: "<" and a
# letter, "/", "!" or "?" (autolinks to https, mailto and e-mail addresses stay).
_HTML_START = re.compile(
    r"(\\*)<(?=[A-Za-z/!?])(?!(?:https|mailto):[^\s<>]*>)(?![^\s<>@:]+@[^\s<>@]+>)",
    re.IGNORECASE,
)
# A link or image whose destination names a scheme other than the safe ones.
_UNSAFE_LINK = re.compile(
    r"(\\*)\]\((?=\s*<?\s*(?!(?:https|mailto):)[A-Za-z][A-Za-z0-9+.-]*:)", re.IGNORECASE
)
_CODE_SPAN = re.compile(r"(`+)(?:.+?)(?<!`)\1(?!`)", re.DOTALL)


def _escaped(m: re.Match[str]) -> str:
    """The match with one more backslash where it is not escaped already."""
    slashes = m.group(1)
    rest = m.group(0)[len(slashes) :]
    return m.group(0) if len(slashes) % 2 else slashes + "\\" + rest


def escape_markdown_inline(text: str) -> str:
    """Escape raw HTML and unsafe links in text that stays inside a line (code spans,
    where backslashes are literal and nothing is markup, are left as they are)."""
    out, last = [], 0
    for span in _CODE_SPAN.finditer(text):
        out.append(_escape_prose(text[last : span.start()]))
        out.append(span.group(0))
        last = span.end()
    out.append(_escape_prose(text[last:]))
    return "".join(out)


def _escape_prose(text: str) -> str:
    return _HTML_START.sub(_escaped, _UNSAFE_LINK.sub(_escaped, text))


def escape_markdown(text: str) -> str:
    """Role content as Markdown: no block it could open, no HTML, no unsafe link."""
    return escape_markdown_blocks(escape_markdown_inline(text))


_FENCE = re.compile(r"\s{0,3}(`{3,}|~{3,})")


def escape_page(markdown: str) -> str:
    """A rendered page with every raw HTML tag and unsafe link escaped, outside fenced
    code: role content is escaped as it reaches a template, but a template may put it
    together with other text first (``"**" ~ group.title ~ "**"``, a label joined from
    a city and a region), and what it makes of it is plain text again. This is the one
    check every page passes, whatever its template did; text already escaped stays as
    it is."""
    if "<" not in markdown and "](" not in markdown:
        return markdown
    out: list[str] = []
    fence = ""
    for line in markdown.split("\n"):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = ""
            out.append(line)
        elif m:
            fence = m.group(1)
            out.append(line)
        else:
            out.append(escape_markdown_inline(line) if "<" in line or "](" in line else line)
    return "\n".join(out)
