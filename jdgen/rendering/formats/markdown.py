"""Write a document as CommonMark (with GFM pipe tables).

The output parses back to the same document: ``parse(to_markdown(doc)) == doc``, a
property the tests check (charts aside: only the formats that draw show them). Chinese
text is never hard-wrapped, because a soft line break becomes a space.
"""

from __future__ import annotations

import re

from jdgen.foundation.inline import strip_language
from jdgen.rendering.document import (
    Block,
    Code,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Table,
)
from jdgen.rendering.formats.charts import without_charts

_ALIGN = {None: "---", "left": ":---", "center": ":---:", "right": "---:"}


def to_markdown(doc: Document) -> str:
    blocks = without_charts(doc.blocks)
    return strip_language(_blocks(blocks)) + "\n" if blocks else ""


def _blocks(blocks: tuple[Block, ...], tight: bool = False) -> str:
    sep = "\n" if tight else "\n\n"
    return sep.join(_block(b) for b in blocks)


def _indent(text: str, first: str, rest: str) -> str:
    lines = text.split("\n")
    return "\n".join([first + lines[0]] + [(rest + ln) if ln else "" for ln in lines[1:]])


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + (" " + block.text if block.text else "")
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, ListBlock):
        items = []
        for n, item in enumerate(block.items, block.start):
            marker = f"{n}{block.marker} " if block.ordered else f"{block.marker} "
            body = _blocks(item.blocks, tight=block.tight) if item.blocks else ""
            items.append(_indent(body, marker, " " * len(marker)).rstrip())
        return ("\n" if block.tight else "\n\n").join(items)
    if isinstance(block, Table):
        rows = [block.header, *block.rows]
        lines = ["| " + " | ".join(cells) + " |" for cells in rows]
        lines.insert(1, "| " + " | ".join(_ALIGN[a] for a in block.align) + " |")
        return "\n".join(lines)
    if isinstance(block, Code):
        longest = max((len(m) for m in re.findall(r"`+", block.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"{fence}{block.info}\n{block.text}{fence}"
    if isinstance(block, Quote):
        return _indent(_blocks(block.blocks), "> ", "> ")
    if isinstance(block, Rule):
        return "---"
    raise TypeError(f"unknown block {block!r}")
