"""PO text laid out the way GNU gettext lays it out (msgcat, msgmerge, Poedit), so that a
catalog jdgen writes is byte-identical after any of them rewrites it.

GNU's rules (gettext's write-po.c): a string is split after each ``\\n``; each piece
wraps at 79 columns (CJK characters count two) at the line-break opportunities of
Unicode's line-breaking algorithm (UAX #14: after spaces, between ideographs, never
inside an escape sequence nor before a closing ``\\n``), filling each line greedily; a
string that needs more than one line starts with an empty one (``msgid ""``). File
references fill ``#:`` lines of at most 79 columns.

UAX #14's tables come from unicode-segmentation-rs (the library translate-toolkit and
Weblate use for the same purpose).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from unicode_segmentation_rs import line_breaks

PAGE_WIDTH = 79

_STRING = re.compile(r'^(#~\| |#~ |#\| |)(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$')
_MORE = re.compile(r'^(#~\| |#~ |#\| |)"(.*)"$')


def layout(text: str) -> str:
    """PO text (as any writer wrote it) with GNU's wrapping of strings and references."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _STRING.match(line)
        if m:
            prefix, keyword, value = m.groups()
            i += 1
            while i < len(lines):
                more = _MORE.match(lines[i])
                if not more or more.group(1) != prefix:
                    break
                value += more.group(2)
                i += 1
            out.extend(wrap(prefix, keyword, value))
            continue
        if line.startswith("#:"):
            refs: list[str] = []
            while i < len(lines) and lines[i].startswith("#:"):
                refs.extend(lines[i][2:].split())
                i += 1
            out.extend(references(refs))
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def references(refs: list[str]) -> list[str]:
    """``#:`` lines as GNU fills them: as many references as fit in 79 columns."""
    out: list[str] = []
    line, column = "#:", 2
    for ref in refs:
        size = len(ref) + 1
        if column > 2 and column + size > PAGE_WIDTH:
            out.append(line)
            line, column = "#:", 2
        line += " " + ref
        column += size
    if refs:
        out.append(line)
    return out


def _units(escaped: str) -> list[str]:
    """The escaped string as units: one character, or one escape sequence."""
    return re.findall(r"\\(?:[0-7]{1,3}|.)|.", escaped, re.DOTALL)


def wrap(prefix: str, keyword: str, escaped: str) -> list[str]:
    """One keyword's string (already escaped) as GNU writes it."""
    whole = f'{prefix}{keyword} "{escaped}"'
    newline = escaped.find("\\n")
    if len(whole) <= PAGE_WIDTH and whole.isascii() and newline in (-1, len(escaped) - 2):
        return [whole]  # most strings: one short line, whatever the break rules say
    units = _units(escaped)
    # Pieces end after each \n.
    portions: list[list[str]] = [[]]
    for unit in units:
        portions[-1].append(unit)
        if unit == "\\n":
            portions.append([])
    if not portions[-1] and len(portions) > 1:
        portions.pop()
    after_break = len(prefix) + 1  # the opening quote
    width = PAGE_WIDTH - 1 - after_break  # room for the closing quote
    out: list[str] = []
    first = True
    for n, portion in enumerate(portions):
        more = n < len(portions) - 1
        if first:
            start = len(prefix) + len(keyword) + 2 - after_break
            breaks = _breaks(portion, width, start)
            if portion and (more or start > width or breaks):
                out.append(f'{prefix}{keyword} ""')
                first = False
        if first:
            out.append(f'{prefix}{keyword} "{"".join(portion)}"')
            first = False
            continue
        breaks = _breaks(portion, width, 0)
        line: list[str] = []
        for i, unit in enumerate(portion):
            if i in breaks:
                out.append(f'{prefix}"{"".join(line)}"')
                line = []
            line.append(unit)
        out.append(f'{prefix}"{"".join(line)}"')
    if not portions or (len(portions) == 1 and not portions[0]):
        return [f'{prefix}{keyword} ""']
    return out


def _breaks(portion: list[str], width: int, start: int) -> set[int]:
    """The unit indices a line break goes before, filling lines greedily (libunistring's
    ulc_width_linebreaks over UAX #14's opportunities)."""
    if not portion:
        return set()
    text = "".join(portion)
    possible = _opportunities(text)
    # Unit boundaries in characters, and which may break: never inside an escape
    # sequence, never right before the \n that ends the piece.
    starts, offset = [], 0
    for unit in portion:
        starts.append(offset)
        offset += len(unit)
    allowed = {i for i, at in enumerate(starts) if at in possible and i > 0}
    if portion[-1] == "\\n":
        allowed.discard(len(portion) - 1)
    chosen: set[int] = set()
    last: int | None = None
    column, piece = start, 0
    for i, unit in enumerate(portion):
        if i in allowed:
            if last is not None and column + piece > width:
                chosen.add(last)
                column = 0
            last = i
            column += piece
            piece = 0
        piece += sum(_width(c) for c in unit)
    if last is not None and column + piece > width:
        chosen.add(last)
    return chosen


def _opportunities(text: str) -> set[int]:
    """Character offsets where UAX #14 allows a break before (line_breaks gives byte
    offsets of UTF-8)."""
    encoded = text.encode("utf-8")
    chars = {len(encoded[:at].decode("utf-8")) for at, _ in line_breaks(text)}
    # Where libunistring, which gettext uses, follows an older UAX #14 than the Rust
    # tables: it breaks after an infix separator before a letter ("skills.|name"),
    # before a full-width opening bracket after a letter or digit ("ONNX|（"), and after
    # a space before a full-width colon or semicolon.
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        infix = before in _INFIX and _alphabetic(after)
        opening = after in _WIDE_OPEN and (_alphabetic(before) or before.isdigit())
        # ") ；" breaks after the space, "） ；" does not (a full-width close holds on).
        held = text[:i].rstrip(" ")[-1:] in _WIDE_CLOSE
        spaced = before == " " and after in "；：" and not held
        if infix or opening or spaced:
            chars.add(i)
    chars.discard(len(text))
    # No break after the spaces a piece starts with.
    lead = len(text) - len(text.lstrip(" "))
    return {i for i in chars if i > lead}


_INFIX = frozenset(",.:;")
_WIDE_OPEN = frozenset("（［｛「『【〔〈《〖〘〚｟｢")
_WIDE_CLOSE = frozenset("）］｝」』】〕〉》〗〙〛｠｣，。、")


# Characters of other UAX #14 classes than AL (alphabetic and most symbols) among the
# narrow ones: digits, brackets, quotation marks, separators, hyphen, prefixes, postfixes.
_NOT_ALPHABETIC = frozenset("0123456789([{)]}\"'!?,.:;/-|%$+\\‘’“”«»‹›…‥")


def _alphabetic(char: str) -> bool:
    """Whether a character is of UAX #14's class AL (letters, and symbols such as * or ~)."""
    return not (char.isspace() or _wide(char) or char in _NOT_ALPHABETIC or char.isdigit())


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


@functools.cache
def _width(char: str) -> int:
    """Columns a character takes in a UTF-8 terminal (wcwidth): CJK two."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.category(char) == "Cc":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
