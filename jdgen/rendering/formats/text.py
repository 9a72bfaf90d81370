"""Write a document as plain text for e-mail and job boards.

No Markdown syntax survives: headings are underlined, emphasis markers are dropped,
a link shows its address after its text, tables are aligned by display width. Lines
wrap by display columns (a CJK character counts as two) and never start with closing
punctuation such as ``，`` or ``。``.

``columns=0`` is the form for pasting into a job board (LinkedIn, BOSS直聘), which wraps
text itself: every paragraph and list item on one line, and no underlines.
"""

from __future__ import annotations

from jdgen.foundation.inline import strip_language
from jdgen.foundation.inline import to_text as inline
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
from jdgen.rendering.formats.width import pad, width, wrap

_UNDERLINE = {1: "=", 2: "-"}
_BULLETS = ("-", "*", "+")


#: ``columns`` for the paste form: no wrapping, no underlines.
PASTE = 0


def _wrap(text: str, columns: int) -> list[str]:
    return text.split("\n") if columns == PASTE else wrap(text, columns)


def _narrower(columns: int, by: int) -> int:
    return PASTE if columns == PASTE else max(columns - by, 10)


def to_text(doc: Document, columns: int = 80) -> str:
    lines = _blocks(without_charts(doc.blocks), columns, depth=0)
    return "\n".join(lines).rstrip("\n") + "\n" if lines else ""


def _blocks(blocks: tuple[Block, ...], columns: int, depth: int, tight: bool = False) -> list[str]:
    out: list[str] = []
    for i, block in enumerate(blocks):
        if i and not (tight and isinstance(blocks[i - 1], Paragraph)):
            out.append("")
        out.extend(_block(block, columns, depth))
    return out


def _block(block: Block, columns: int, depth: int) -> list[str]:
    if isinstance(block, Heading):
        text = inline(block.text).replace("\n", " ")
        lines = _wrap(text, columns)
        rule = _UNDERLINE.get(block.level)
        if rule and columns != PASTE:
            lines.append(rule * min(max(width(line) for line in lines), columns))
        return lines
    if isinstance(block, Paragraph):
        return _wrap(inline(block.text), columns)
    if isinstance(block, ListBlock):
        return _list(block, columns, depth)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Code):
        code = strip_language(block.text).rstrip("\n")
        return ["    " + line if line else "" for line in code.split("\n")]
    if isinstance(block, Quote):
        inner = _blocks(block.blocks, _narrower(columns, 2), depth)
        return ["| " + line if line else "|" for line in inner]
    if isinstance(block, Rule):
        return ["-" * min(columns or 40, 40)]
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover


def _list(block: ListBlock, columns: int, depth: int) -> list[str]:
    out: list[str] = []
    last = block.start + len(block.items) - 1
    number_width = len(str(last))
    for n, item in enumerate(block.items, block.start):
        if out and not block.tight:
            out.append("")
        marker = (
            f"{n}.".rjust(number_width + 1) if block.ordered else _BULLETS[depth % len(_BULLETS)]
        ) + " "
        hang = " " * len(marker)
        body = _blocks(item.blocks, _narrower(columns, len(marker)), depth + 1, block.tight)
        if not body:
            out.append(marker.rstrip())
            continue
        out.append(marker + body[0])
        out.extend(hang + line if line else "" for line in body[1:])
    return out


def _table(table: Table) -> list[str]:
    rows = [[inline(c).replace("\n", " ") for c in table.header]]
    rows += [[inline(c).replace("\n", " ") for c in row] for row in table.rows]
    count = len(table.header)
    widths = [max(width(r[i]) for r in rows if i < len(r)) for i in range(count)]
    align = list(table.align) + [None] * (count - len(table.align))

    def line(cells: list[str]) -> str:
        return "  ".join(pad(c, widths[i], align[i]) for i, c in enumerate(cells)).rstrip()

    out = [line(rows[0]), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows[1:])
    return out
