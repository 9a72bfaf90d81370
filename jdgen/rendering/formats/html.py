"""Write a document as an HTML fragment, and as a complete page through a template.

The fragment is what markdown-it-py renders from the same Markdown (checked in the
tests), without parsing whole pages on every build, with two additions for people and
screen readers: tables mark their column and row headers, a ``track`` code block
(a career track drawn with arrows) becomes a list, and a ``chart`` block becomes an SVG
chart (:mod:`jdgen.rendering.formats.charts`).
"""

from __future__ import annotations

import re

from jdgen.foundation.inline import escape
from jdgen.foundation.inline import to_html as inline
from jdgen.rendering.document import (
    Block,
    Code,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Table,
)
from jdgen.rendering.formats.charts import CHART, to_svg
from jdgen.rendering.templates import ARROW

TRACK = "track"  # the info string of a code block that draws a career track


def to_html(doc: Document) -> str:
    """The document body as HTML."""
    out: list[str] = []
    heading = ""
    charts = 0
    for block in doc.blocks:
        if isinstance(block, Heading):
            heading = block.text
        if isinstance(block, Code) and block.info == CHART:
            charts += 1
            out.append(to_svg(block.text, charts))
            continue
        _block(block, out, heading)
    return "".join(out)


def _block(block: Block, out: list[str], heading: str = "") -> None:
    if isinstance(block, Heading):
        out.append(f"<h{block.level}>{inline(block.text)}</h{block.level}>\n")
    elif isinstance(block, Paragraph):
        out.append(f"<p>{inline(block.text)}</p>\n")
    elif isinstance(block, ListBlock):
        if block.ordered:
            start = f' start="{block.start}"' if block.start != 1 else ""
            out.append(f"<ol{start}>\n")
        else:
            out.append("<ul>\n")
        for item in block.items:
            _item(item, block.tight, out)
        out.append("</ol>\n" if block.ordered else "</ul>\n")
    elif isinstance(block, Table):
        _table(block, out, heading)
    elif isinstance(block, Code) and block.info == TRACK:
        out.append(_track(block.text))
    elif isinstance(block, Code):
        cls = f' class="language-{escape(block.info)}"' if block.info else ""
        out.append(f"<pre><code{cls}>{escape(block.text)}</code></pre>\n")
    elif isinstance(block, Quote):
        out.append("<blockquote>\n" if block.blocks else "<blockquote>")
        for child in block.blocks:
            _block(child, out)
        out.append("</blockquote>\n")
    elif isinstance(block, Rule):
        out.append("<hr>\n")
    else:  # pragma: no cover
        raise TypeError(f"unknown block {block!r}")


def _item(item: ListItem, tight: bool, out: list[str]) -> None:
    # Mirrors markdown-it's renderer: a tight list's paragraphs are "hidden" (no <p>),
    # and a block tag that follows a hidden paragraph starts on a new line.
    blocks = item.blocks
    out.append("<li>")
    if blocks and not (tight and isinstance(blocks[0], Paragraph)):
        out.append("\n")
    after_hidden = False
    for child in blocks:
        if tight and isinstance(child, Paragraph):
            out.append(inline(child.text))
            after_hidden = True
            continue
        if after_hidden and not isinstance(child, Code):
            out.append("\n")
        _block(child, out)
        after_hidden = False
    out.append("</li>\n")


_STYLE = {
    None: "",
    "left": ' style="text-align:left"',
    "center": ' style="text-align:center"',
    "right": ' style="text-align:right"',
}


def _track(diagram: str) -> str:
    """A career track drawn with arrows, as a list (a branch nests under its step)."""
    from jdgen.rendering.formats.width import width

    lines = [line for line in diagram.rstrip("\n").split("\n") if line.strip()]
    steps = lines[0].split(ARROW)
    branch: list[str] = []
    at = -1
    if len(lines) >= 3 and "↓" in lines[1]:
        column = width(lines[1][: lines[1].index("↓")])
        branch = lines[2].strip().split(ARROW)
        start = 0
        for i, step in enumerate(steps):
            if start <= column < start + width(step) + width(ARROW):
                at = i
                break
            start += width(step) + width(ARROW)
    out = ['<ol class="track">\n']
    for i, step in enumerate(steps):
        out.append(f"<li>{inline(step.strip())}")
        if i == at:
            out.append('\n<ol class="track">\n')
            out.extend(f"<li>{inline(b.strip())}</li>\n" for b in branch)
            out.append("</ol>\n")
        out.append("</li>\n")
    out.append("</ol>\n")
    return "".join(out)


def _table(table: Table, out: list[str], heading: str) -> None:
    # Column headers, and the first cell of each row as its header: screen readers
    # announce both for every cell (a skills matrix is read row by row). The table is
    # captioned by the heading it is under, and sits in a region that keyboard users can
    # focus and scroll where it is wider than the screen.
    align = [_STYLE[a] for a in table.align]
    caption = inline(heading) if heading else ""
    # The caption's words, as an attribute: its markup dropped, its escapes kept.
    words = re.sub(r"<[^>]+>", "", caption).replace('"', "&quot;")
    label = f' aria-label="{words}"' if heading else ""
    out.append(f'<div class="table" role="region" tabindex="0"{label}>\n<table>\n')
    if caption:
        out.append(f'<caption class="visually-hidden">{caption}</caption>\n')
    out.append("<thead>\n<tr>\n")
    for cell, style in zip(table.header, align, strict=False):
        out.append(f'<th scope="col"{style}>{inline(cell)}</th>\n')
    out.append("</tr>\n</thead>\n")
    if table.rows:
        out.append("<tbody>\n")
        for row in table.rows:
            out.append("<tr>\n")
            for i, (cell, style) in enumerate(zip(row, align, strict=False)):
                tag = '<th scope="row"' if i == 0 else "<td"
                out.append(f"{tag}{style}>{inline(cell)}</{'th' if i == 0 else 'td'}>\n")
            out.append("</tr>\n")
        out.append("</tbody>\n")
    out.append("</table>\n</div>\n")
