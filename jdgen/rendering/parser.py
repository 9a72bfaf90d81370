"""The block parser: the Markdown a template renders → a :class:`Document` tree.

It follows CommonMark for the blocks templates write, and a test pins its HTML to
markdown-it-py's, byte for byte, on every golden page and on generated documents.
"""

from __future__ import annotations

import re

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

_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")


_ATX_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")


_RULE = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")


_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")


_FENCE = re.compile(r"( {0,3})(`{3,}|~{3,})[ \t]*([^`]*?)[ \t]*$")


_BULLET = re.compile(r"( {0,3})([-+*])( {1,4}(?=\S)| *$)")


_ORDERED = re.compile(r"( {0,3})(\d{1,9})([.)])( {1,4}(?=\S)| *$)")


_QUOTE = re.compile(r" {0,3}> ?")


_DELIM_CELL = re.compile(r":?-+:?")


#: What a line's first character after up to three spaces must be for it to open (or
#: interrupt a paragraph with) a heading, rule, fence, quote or list item: most lines a
#: template writes are text, and skip the patterns. A table row needs a "|" anywhere.
_OPENERS = frozenset("#-*_`~>+0123456789")
_LIST_OPENERS = frozenset("-+*0123456789")


def _opener(line: str) -> str:
    """The first character of ``line`` after its spaces ('' for a blank line)."""
    return line.lstrip(" ")[:1]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    return not line.strip()


def split_cells(line: str) -> list[str]:
    """Split a pipe-table row as markdown-it does: on unescaped pipes, then drop an empty
    first and last cell (the outer pipes)."""
    cells, current, i = [], "", 0
    text = line.strip()
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] == "|":
            current += "\\|"
            i += 2
            continue
        if ch == "|":
            cells.append(current)
            current = ""
        else:
            current += ch
        i += 1
    cells.append(current)
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return [c.strip() for c in cells]


def _delimiter_row(line: str) -> list[str | None] | None:
    # markdown-it: at least two characters of "|-:" and spaces, not starting "- " (a list).
    text = line.lstrip(" ")
    if len(text) < 2 or text[0] not in "|-:" or (text[0] == "-" and text[1] in " \t"):
        return None
    if any(ch not in "|-: \t" for ch in text):
        return None
    columns = text.strip().split("|")
    aligns: list[str | None] = []
    for i, cell in enumerate(columns):
        c = cell.strip()
        if not c:
            if i in (0, len(columns) - 1):
                continue
            return None
        if not _DELIM_CELL.fullmatch(c):
            return None
        if c.startswith(":") and c.endswith(":"):
            aligns.append("center")
        elif c.endswith(":"):
            aligns.append("right")
        elif c.startswith(":"):
            aligns.append("left")
        else:
            aligns.append(None)
    return aligns


def _list_marker(line: str) -> tuple[bool, int, str, int] | None:
    """(ordered, start, marker, content offset) if ``line`` opens a list item."""
    if _opener(line) not in _LIST_OPENERS:
        return None
    m = _BULLET.match(line)
    if m and not _RULE.match(line):
        ordered, start, marker, width = False, 1, m.group(2), len(m.group(1)) + 1
        pad = m.group(3)
    else:
        m = _ORDERED.match(line)
        if m is None:
            return None
        ordered, start, marker = True, int(m.group(2)), m.group(3)
        width = len(m.group(1)) + len(m.group(2)) + 1
        pad = m.group(4)
    empty = not line[m.end() :].strip()
    # Content starts after the spaces that follow the marker; an empty item takes one.
    return ordered, start, marker, width + (1 if empty else len(pad))


class _Parser:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.pos = 0
        self.blank_between = False  # a blank line separated two blocks (loose lists)

    def parse(self) -> tuple[Block, ...]:
        blocks: list[Block] = []
        para: list[str] = []
        seen_blank = False

        def flush() -> None:
            if para:
                blocks.append(Paragraph("\n".join(para).strip()))
                para.clear()

        def start_block() -> None:
            nonlocal seen_blank
            if seen_blank and blocks:
                self.blank_between = True
            seen_blank = False

        lines = self.lines
        while self.pos < len(lines):
            line = lines[self.pos]
            if _blank(line):
                flush()
                seen_blank = True
                self.pos += 1
                continue
            if _indent(line) >= 4:
                if para:  # a lazy continuation of the paragraph
                    para.append(line.lstrip())
                    self.pos += 1
                    continue
                start_block()
                blocks.append(self._indented_code())
                continue
            if para:
                setext = _SETEXT.match(line)
                if setext:
                    level = 1 if setext.group(1).startswith("=") else 2
                    blocks.append(Heading(level, "\n".join(para).strip()))
                    para.clear()
                    self.pos += 1
                    continue
                if self._interrupts(line):
                    flush()
                else:
                    para.append(line.lstrip())  # trailing "  " is a hard break
                    self.pos += 1
                    continue
            start_block() if not para else None
            block = self._block(line)
            if block is None:
                para.append(line.lstrip())
                self.pos += 1
            else:
                blocks.append(block)
        flush()
        return tuple(blocks)

    def _interrupts(self, line: str) -> bool:
        if _opener(line) not in _OPENERS and "|" not in line:
            return False
        if _ATX.match(line) or _RULE.match(line) or _FENCE.match(line) or _QUOTE.match(line):
            return True
        marker = _list_marker(line)
        if marker is not None:
            ordered, start, _, offset = marker
            empty = len(line.rstrip()) < offset
            return not empty and (not ordered or start == 1)
        return self._table_starts()

    def _table_starts(self) -> bool:
        line = self.lines[self.pos]
        if "|" not in line or self.pos + 1 >= len(self.lines):
            return False
        aligns = _delimiter_row(self.lines[self.pos + 1])
        header = split_cells(line)
        return aligns is not None and len(header) > 0 and len(aligns) == len(header)

    def _block(self, line: str) -> Block | None:
        if _opener(line) not in _OPENERS and "|" not in line:
            return None
        m = _ATX.match(line)
        if m:
            self.pos += 1
            return Heading(len(m.group(1)), _ATX_CLOSING.sub("", m.group(2) or "").strip())
        if _RULE.match(line):
            self.pos += 1
            return Rule()
        m = _FENCE.match(line)
        if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            return self._fenced(len(m.group(1)), m.group(2), m.group(3))
        if _QUOTE.match(line):
            return self._quote()
        if _list_marker(line) is not None:
            return self._list()
        if self._table_starts():
            return self._table()
        return None

    def _indented_code(self) -> Code:
        out: list[str] = []
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if not _blank(line) and _indent(line) < 4:
                break
            out.append(line[4:] if len(line) >= 4 else "")
            self.pos += 1
        while out and not out[-1].strip():
            out.pop()
        return Code("\n".join(out) + "\n")

    def _fenced(self, indent: int, fence: str, info: str) -> Code:
        self.pos += 1
        out: list[str] = []
        closing = re.compile(r" {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            self.pos += 1
            if closing.match(line):
                break
            strip = min(indent, _indent(line))
            out.append(line[strip:])
        return Code("".join(line + "\n" for line in out), info.split()[0] if info else "")

    def _quote(self) -> Quote:
        inner: list[str] = []
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            m = _QUOTE.match(line)
            if m:
                inner.append(line[m.end() :])
            elif (
                not _blank(line)
                and _list_marker(line) is None  # any list item ends a quote, even an empty one
                and _ends_in_paragraph(inner)
                and not self._interrupts(line)
            ):
                inner.append(line)  # lazy continuation of the quoted paragraph
            else:
                break
            self.pos += 1
        return Quote(_Parser(inner).parse())

    def _list(self) -> ListBlock:
        first = _list_marker(self.lines[self.pos])
        assert first is not None
        ordered, start, marker, _ = first
        items: list[ListItem] = []
        tight = True
        while self.pos < len(self.lines):
            found = _list_marker(self.lines[self.pos])
            if found is None or found[0] != ordered or found[2] != marker:
                break
            offset = found[3]
            line = self.lines[self.pos]
            body = [line[offset:] if len(line) > offset else ""]
            self.pos += 1
            while self.pos < len(self.lines):
                line = self.lines[self.pos]
                if _blank(line):
                    body.append("")
                    self.pos += 1
                    continue
                if _indent(line) >= offset:
                    body.append(line[offset:])
                    self.pos += 1
                    continue
                if (
                    not self._interrupts(line)
                    and _list_marker(line) is None
                    and _ends_in_paragraph(body)
                ):
                    body.append(line.strip())  # lazy continuation of the item's paragraph
                    self.pos += 1
                    continue
                break
            trailing_blank = False
            in_fence = _open_fence(body)  # an unclosed fence keeps them, as code
            while len(body) > 1 and not body[-1].strip():
                if not in_fence:
                    body.pop()
                trailing_blank = True
                if in_fence:
                    break
            if body == [""]:  # an empty item
                body = []
            parser = _Parser(body)
            blocks = parser.parse()
            if parser.blank_between:
                tight = False
            items.append(ListItem(blocks))
            if trailing_blank:
                nxt = _list_marker(self.lines[self.pos]) if self.pos < len(self.lines) else None
                if nxt is not None and nxt[0] == ordered and nxt[2] == marker:
                    tight = False
        return ListBlock(tuple(items), ordered, start, tight, marker)

    def _table(self) -> Table:
        header = split_cells(self.lines[self.pos])
        aligns = _delimiter_row(self.lines[self.pos + 1]) or []
        self.pos += 2
        rows: list[tuple[str, ...]] = []
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if _blank(line) or "|" not in line or _indent(line) >= 4:
                break
            cells = split_cells(line)
            cells = (cells + [""] * len(header))[: len(header)]
            rows.append(tuple(cells))
            self.pos += 1
        return Table(tuple(header), tuple(aligns), tuple(rows))


def _open_fence(lines: list[str]) -> bool:
    """Whether ``lines`` end inside a fenced code block that was never closed."""
    fence = ""
    for line in lines:
        m = _FENCE.match(line)
        if fence:
            if m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence) and not m.group(3):
                fence = ""
        elif m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            fence = m.group(2)
    return bool(fence)


def _ends_in_paragraph(lines: list[str]) -> bool:
    """Whether content ends in an open paragraph, the only block a lazy line continues."""
    if not lines or not lines[-1].strip():
        return False
    blocks = _Parser(list(lines)).parse()
    while blocks:
        last = blocks[-1]
        if isinstance(last, Paragraph):
            return True
        if isinstance(last, ListBlock) and last.items:
            blocks = last.items[-1].blocks
        elif isinstance(last, Quote):
            blocks = last.blocks
        else:
            return False
    return False


def parse(markdown: str) -> Document:
    """Parse the Markdown a template rendered into a :class:`Document`."""
    text = markdown.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()  # the final newline ends the last line; it does not start another
    return Document(_Parser(lines).parse())
