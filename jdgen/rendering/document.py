"""The document tree every output format is written from (the parser that builds it is
:mod:`jdgen.rendering.parser`).

Templates render Markdown. Instead of handing each page to a full Markdown parser on
every build, jdgen parses the block structure itself (headings, paragraphs, lists,
pipe tables, fenced code, block quotes, rules: the subset of CommonMark + GFM tables
that documents need) into this tree, and leaves only inline spans (emphasis, links,
code) to markdown-it-py, cached per distinct string. Markdown, HTML and plain text
are then three serializations of one tree, so they always carry the same content.

``tests/test_document.py`` checks that the HTML written from this tree is identical to
markdown-it-py's rendering of the same Markdown, for every golden document.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # inline Markdown


@dataclass(frozen=True)
class Paragraph:
    text: str  # inline Markdown; may hold soft ("\n") and hard ("  \n") breaks


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ListBlock:
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1
    tight: bool = True
    marker: str = "-"  # "-", "*", "+" for bullets; "." or ")" for ordered lists


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    align: tuple[str | None, ...]  # "left", "center", "right" or None per column
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Code:
    text: str
    info: str = ""


@dataclass(frozen=True)
class Quote:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Rule:
    pass


Block = Heading | Paragraph | ListBlock | Table | Code | Quote | Rule


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str:
        """The inline source of the first heading (of the highest level), or ''."""
        headings = [b for b in self.blocks if isinstance(b, Heading)]
        if not headings:
            return ""
        top = min(h.level for h in headings)
        return next(h.text for h in headings if h.level == top)

    def summary(self) -> str:
        """Inline source that sums the document up: its first paragraph before any rule
        that is more than a label introducing a list ("In your CV, please highlight:"), or
        else the items of its first list."""
        for block in self.blocks:
            if isinstance(block, Rule):
                break
            if isinstance(block, Paragraph) and not block.text.rstrip().endswith((":", "：")):
                return block.text
        for block in self.blocks:
            if isinstance(block, ListBlock):
                # A separator no locale punctuates: "；" would be wrong in English.
                return " · ".join(
                    b.text for item in block.items for b in item.blocks if isinstance(b, Paragraph)
                )
        return ""
