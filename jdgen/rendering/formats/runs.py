"""Inline Markdown as runs of styled text, for writers that are not HTML (DOCX).

The spans come from the same inline rendering as HTML (``foundation.inline.to_html``), so
every format agrees on what is bold, a link or code; only a handful of tags can appear in
it (markdown-it with HTML off), and each one is mapped here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html.parser import HTMLParser

from jdgen.foundation.inline import to_html


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    href: str | None = None
    lang: str | None = None  # text left in another language (an untranslated fallback)
    image: str | None = None  # an image's address, whose text is its description


BREAK = Run("\n")  # a hard line break


class _Runs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self.stack: list[tuple[str, Run]] = [("", Run(""))]

    @property
    def style(self) -> Run:
        return self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        style = self.style
        if tag == "br":
            self.runs.append(BREAK)
            return
        if tag == "img":
            self.runs.append(replace(style, text=values.get("alt") or "", image=values.get("src")))
            return
        changes = {
            "strong": {"bold": True},
            "b": {"bold": True},
            "em": {"italic": True},
            "i": {"italic": True},
            "code": {"code": True},
            "s": {"strike": True},
            "del": {"strike": True},
            "a": {"href": values.get("href")},
            "span": {"lang": values.get("lang")},
        }.get(tag, {})
        self.stack.append((tag, replace(style, **changes)))  # type: ignore[arg-type]

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if data:
            self.runs.append(replace(self.style, text=data))


def runs(text: str) -> list[Run]:
    """The runs of one inline Markdown string; a soft line break is a space, as in print."""
    parser = _Runs()
    parser.feed(to_html(text))
    parser.close()
    out: list[Run] = []
    for run in parser.runs:
        if run is not BREAK:
            run = replace(run, text=run.text.replace("\n", " "))
        if out and out[-1] is not BREAK and run is not BREAK and _same(out[-1], run):
            out[-1] = replace(out[-1], text=out[-1].text + run.text)
        else:
            out.append(run)
    return out


def _same(a: Run, b: Run) -> bool:
    return replace(a, text="") == replace(b, text="") and a.image is None


def plain(text: str) -> str:
    """The characters a reader sees of an inline string (for glyph checks)."""
    return "".join(r.text for r in runs(text))
