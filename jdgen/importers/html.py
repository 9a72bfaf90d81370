"""Description HTML → blocks (headings, paragraphs, lists) of jdgen's inline Markdown.

The HTML is parsed with lxml's HTML parser, which recovers from broken markup the way a
browser does. Only text and ``https:``/``mailto:`` links are kept: scripts, styles,
frames and every attribute but a link's target are dropped, so nothing in a posting can
reach a page as markup. Strong, emphasis, links and code become inline Markdown; every
other character that inline Markdown would read is escaped.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

#: Elements whose content is never text of the posting.
_DROP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "svg",
        "math",
        "head",
        "title",
        "meta",
        "link",
        "form",
        "button",
        "select",
        "textarea",
        "input",
        "canvas",
        "audio",
        "video",
        "picture",
        "img",
    ]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_LISTS = frozenset(("ul", "ol", "menu", "dl"))
_ITEMS = frozenset(("li", "dt", "dd"))
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "pre",
        "address",
        "figure",
        "figcaption",
        "center",
        "body",
        "html",
        "hr",
        "nav",
        "details",
        "summary",
    ]
)
_STRUCTURE = _BLOCKS | _LISTS | _ITEMS | _HEADINGS
_STRONG = frozenset(("strong", "b"))
_EM = frozenset(("em", "i", "cite"))
# What inline Markdown would read as markup: emphasis, code, links, HTML, entities. (A
# character that would start a block is escaped by the renderer, as for all role text.)
_MD_SPECIAL = re.compile(r"([\\`*\[\]<]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)|!(?=\[))")
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
#: A line that is a list item written as text ("• Python", "- SQL", "· 沟通能力").
_BULLET = re.compile(
    r"^\s*(?:[•·‣▪▫●◦○■□◆◇★☆✓✔➢➤►▶]\s*|[–—*-]\s+|\d{1,2}[.)]\s+|\d{1,2}、\s*|[（(]\d{1,2}[)）]\s*)"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclass
class Block:
    """A heading, a paragraph or a list; ``text``/``items`` are inline Markdown, ``plain``
    the same without markup (for matching headings and repeated text)."""

    kind: str  # "heading", "para" or "list"
    text: str = ""
    items: list[str] = field(default_factory=list)
    plain: str = ""
    bold: bool = False  # a paragraph that is bold throughout: perhaps a heading


def md_escape(text: str) -> str:
    """Plain text as inline Markdown that reads back as the same text."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def plain_of(markdown: str) -> str:
    """Inline Markdown (as written here) back to plain text, for comparisons."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = text.replace("**", "").replace("`", "")
    text = re.sub(r"(?<!\\)\*", "", text)
    return re.sub(r"\\(.)", r"\1", text).strip()


def squash(text: str) -> str:
    return _SPACE.sub(" ", text)


def _safe_href(href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    low = href.lower()
    if low.startswith(("https://", "mailto:")) and not re.search(r"[\s()<>]", href):
        return href
    return None


def _wrap(marker: str, inner: str) -> str:
    """``inner`` in emphasis markers, with its outer spaces kept outside them."""
    core = inner.strip()
    if not core or marker in core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


class _Walker:
    def __init__(self, decode: bool = False) -> None:
        self.decode = decode
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.loose: list[str] = []  # <li> found outside any list

    def text(self, raw: str) -> str:
        """A text node as inline Markdown (its entities decoded once more if asked)."""
        return md_escape(squash(htmllib.unescape(raw) if self.decode else raw))

    # -- inline -------------------------------------------------------------------------

    def inline(self, el: etree._Element, skip_lists: bool = False) -> str:
        """The inline Markdown of ``el``'s content (its tail excluded)."""
        parts = [self.text(el.text)] if el.text else []
        for child in el:
            nested = isinstance(child.tag, str) and child.tag.lower() in _LISTS
            if not (skip_lists and nested):
                parts.append(self.inline_element(child))
            if child.tail:
                parts.append(self.text(child.tail))
        return "".join(parts)

    def inline_element(self, el: etree._Element) -> str:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if not tag or tag in _DROP:
            return ""
        if tag == "br":
            return "\n"
        inner = self.inline(el)
        if tag in _STRONG:
            return _wrap("**", inner)
        if tag in _EM:
            return _wrap("*", inner)
        if tag == "code" and "`" not in inner:
            return _wrap("`", inner.replace("\\", ""))
        if tag == "a":
            href = _safe_href(el.get("href"))
            text = inner.strip()
            if href and text and "\n" not in text:
                return f"[{text}]({href})"
            return inner
        if tag in _BLOCKS or tag in _LISTS or tag in _ITEMS or tag in _HEADINGS:
            return f"\n{inner}\n"
        return inner

    # -- blocks -------------------------------------------------------------------------

    def flush(self) -> None:
        self.flush_loose()
        text = "".join(self.buffer)
        self.buffer = []
        lines = [ln.strip() for ln in text.split("\n")]
        para: list[str] = []
        items: list[str] = []

        def end_para() -> None:
            if para:
                self.paragraph(" ".join(para))
                para.clear()

        def end_items() -> None:
            if items:
                self.blocks.append(Block("list", items=list(items)))
                items.clear()

        for line in lines:
            if not line:
                end_para()
                continue
            plain = plain_of(line)
            m = _BULLET.match(plain)
            if m and len(plain) > m.end():
                end_para()
                items.append(_strip_bullet(line))
            else:
                end_items()
                para.append(line)
        end_para()
        end_items()

    def paragraph(self, text: str) -> None:
        text = text.strip()
        plain = plain_of(text)
        if not plain:
            return
        bold = text.startswith("**") and text.endswith("**") and text.count("**") == 2
        self.blocks.append(Block("para", text=text, plain=plain, bold=bold))

    def flush_loose(self) -> None:
        if self.loose:
            self.blocks.append(Block("list", items=self.loose))
            self.loose = []

    def items_of(self, el: etree._Element, out: list[str]) -> None:
        """The items of list ``el``; a nested list's items follow their parent's."""
        for child in el:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag in _ITEMS:
                self.item(child, out)
            elif tag in _LISTS:
                self.items_of(child, out)
            elif tag and tag not in _DROP:
                text = _item_text(self.inline_element(child))
                if text:
                    out.append(text)

    def item(self, li: etree._Element, out: list[str]) -> None:
        nested = [c for c in li if isinstance(c.tag, str) and c.tag.lower() in _LISTS]
        text = _item_text(self.inline(li, skip_lists=True))
        if text:
            out.append(text)
        for sub in nested:
            self.items_of(sub, out)

    def walk(self, el: etree._Element) -> None:
        for child in el:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag and tag not in _DROP:
                self.element(child, tag)
            if child.tail and child.tail.strip():
                self.flush_loose()
                self.buffer.append(self.text(child.tail))
            elif child.tail and self.buffer:
                self.buffer.append(" ")  # the space between two inline elements

    def element(self, el: etree._Element, tag: str) -> None:
        if tag in _HEADINGS:
            self.flush()
            # A heading left open swallows what follows (<h3>Skills<ul>...): its own text
            # is the heading, the blocks inside it are read as blocks.
            head = [self.text(el.text)] if el.text else []
            rest: list[etree._Element] = []
            for child in el:
                inner = child.tag.lower() if isinstance(child.tag, str) else ""
                if rest or inner in _STRUCTURE:
                    rest.append(child)
                    continue
                head.append(self.inline_element(child))
                if child.tail:
                    head.append(self.text(child.tail))
            text = " ".join("".join(head).split("\n")).strip()
            if plain_of(text):
                self.blocks.append(
                    Block("heading", text=" ".join(text.split()), plain=plain_of(text))
                )
            for child in rest:
                inner = child.tag.lower() if isinstance(child.tag, str) else ""
                if inner and inner not in _DROP:
                    self.element(child, inner)
                if child.tail and child.tail.strip():
                    self.buffer.append(self.text(child.tail))
            self.flush()
        elif tag in _LISTS:
            self.flush()
            items: list[str] = []
            self.items_of(el, items)
            if items:
                self.blocks.append(Block("list", items=items))
        elif tag in _ITEMS:
            if self.buffer and "".join(self.buffer).strip():
                self.flush()
            self.item(el, self.loose)
        elif tag in _BLOCKS:
            self.flush()
            if el.text and el.text.strip():
                self.buffer.append(self.text(el.text))
            self.walk(el)
            self.flush()
        else:
            self.flush_loose()
            self.buffer.append(self.inline_element(el))


def _item_text(markdown: str) -> str:
    text = " ".join(p.strip() for p in markdown.split("\n") if p.strip())
    text = _strip_bullet(text)
    return text if plain_of(text) else ""


def _strip_bullet(line: str) -> str:
    """``line`` without the bullet it starts with, written as text."""
    bare = line[1:] if line.startswith("\\") else line
    m = _BULLET.match(bare)
    return bare[m.end() :].strip() if m and bare[m.end() :].strip() else line


def blocks(fragment: str, decode: bool = False) -> list[Block]:
    """The blocks of an HTML fragment (or of plain text, one paragraph per blank line).
    ``decode``: the text holds entities written once more (``&amp;nbsp;``), as
    Greenhouse's does; they are decoded after parsing."""
    fragment = _CONTROL.sub("", fragment)  # lxml refuses them, and no text needs them
    if not fragment or not fragment.strip():
        return []
    if "<" not in fragment:
        fragment = "".join(
            f"<p>{htmllib.escape(p).replace(chr(10), '<br>')}</p>"
            for p in re.split(r"\n\s*\n", fragment)
        )
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    walker = _Walker(decode)
    if root.text and root.text.strip():
        walker.buffer.append(walker.text(root.text))
    walker.walk(root)
    walker.flush()
    return walker.blocks
