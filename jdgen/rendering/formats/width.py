"""Display width and line wrapping for mixed Latin and CJK text.

``textwrap`` counts characters and breaks only at spaces: it lets Chinese run past the
margin and starts lines with ``，`` or ``。``. Here a wide character (East Asian Width
W or F) takes two columns, a line may break between any two CJK characters, and the
line-breaking rules of UAX #14 (kinsoku) are kept: closing punctuation never starts a
line and opening punctuation never ends one.
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: Characters that may not start a line (closing brackets, full stops, commas, ...).
NO_START = frozenset("，。、；：！？）」』】〕》〉”’…‥・ー々ゝゞ〻,.;:!?)]}%’”·～")
#: Characters that may not end a line (opening brackets and quotes).
NO_END = frozenset("（「『【〔《〈“‘([{")


@functools.lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal or monospaced font."""
    if text.isascii():
        return len(text)
    return _wide_width(text)


@functools.lru_cache(maxsize=1 << 14)
def _wide_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def _breaks_anywhere(ch: str) -> bool:
    """CJK ideographs, kana, and full-width forms allow a break on either side."""
    return char_width(ch) == 2


# Break only at ordinary white space: a no-break space (U+00A0, as in CLDR's "60.000 €")
# keeps its neighbours together, which Python's str.split() and \s would not.
_SPACE = "[ \t\n\r\f\v]"
_TOKEN = re.compile(f"{_SPACE}+|[^ \t\n\r\f\v]")
_SPACES = re.compile(f"{_SPACE}+")


def _units(text: str) -> list[tuple[str, bool]]:
    """Split into unbreakable units, each with whether a space preceded it."""
    if text.isascii() or not any(char_width(ch) == 2 for ch in text if not ch.isascii()):
        return _spaced_units(text)
    return _cjk_units(text)


def _spaced_units(text: str) -> list[tuple[str, bool]]:
    """Units of text without wide characters: words, with the same joins as below."""
    units: list[tuple[str, bool]] = []
    for word in _SPACES.split(text.strip(" \t\n\r\f\v")):
        if not word:
            continue
        if units and (word[0] in NO_START or units[-1][0][-1] in NO_END):
            units[-1] = (units[-1][0] + " " + word, units[-1][1])
        else:
            units.append((word, bool(units)))
    return units


def _cjk_units(text: str) -> list[tuple[str, bool]]:
    units: list[tuple[str, bool]] = []
    current = ""
    space_before = False
    pending_space = False
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0] in " \t\n\r\f\v":
            if current:
                units.append((current, space_before))
                current = ""
            pending_space = True
            continue
        ch = tok
        if not current and pending_space and ch in NO_START and units:
            # UAX #14 LB13: no break before closing punctuation, even after a space.
            current, space_before = units.pop()
            current += " "
        elif current:
            prev = current[-1]
            # Keep together: a character that may not start a line stays with what precedes
            # it; what follows an opening bracket stays with it; Latin runs stay whole.
            joined = (
                ch in NO_START
                or prev in NO_END
                or not (_breaks_anywhere(ch) or _breaks_anywhere(prev))
            )
            if not joined:
                units.append((current, space_before))
                current = ""
                space_before = False
        if not current:
            space_before = pending_space
        current += ch
        pending_space = False
    if current:
        units.append((current, space_before))
    return units


def wrap(text: str, columns: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """Wrap ``text`` to ``columns`` display columns; hard line breaks (``\\n``) are kept."""
    later = indent if subsequent is None else subsequent
    lines: list[str] = []
    first = True
    for paragraph in text.split("\n"):
        prefix = indent if first else later
        lines.extend(_wrap_one(paragraph, columns, prefix, later))
        first = False
    return lines


def _wrap_one(text: str, columns: int, first: str, later: str) -> list[str]:
    if width(first) + width(text) <= columns and text == text.strip() and "  " not in text:
        return [(first + text).rstrip()]  # it fits as it is
    lines: list[str] = []
    line, used = first, width(first)
    empty = True
    # Text without wide characters (most of a Latin-script posting) is measured by len(),
    # which is what width() gives it, without a call per word.
    measure = len if text.isascii() else width
    for unit, spaced in _units(text):
        unit_width = measure(unit)
        gap = 1 if spaced and not empty else 0
        if not empty and used + gap + unit_width > columns:
            lines.append(line.rstrip())
            line, used, empty, gap = later, width(later), True, 0
        if empty and used + unit_width > columns:
            # A unit longer than a whole line (a URL): split it by columns.
            for piece in _hard_split(unit, max(columns - used, 1)):
                if not empty:
                    lines.append(line.rstrip())
                    line, used = later, width(later)
                line += piece
                used += width(piece)
                empty = False
            continue
        line += " " * gap + unit
        used += gap + unit_width
        empty = False
    lines.append(line.rstrip())
    return lines


def _hard_split(unit: str, columns: int) -> list[str]:
    pieces, current, used = [], "", 0
    for i, ch in enumerate(unit):
        w = char_width(ch)
        # Closing punctuation may overhang the margin rather than start a line, and so
        # may the space before it (UAX #14 LB13).
        holds = ch in NO_START or (ch == " " and unit[i + 1 : i + 2] in NO_START)
        if current and used + w > columns and not holds:
            pieces.append(current)
            current, used = "", 0
        current += ch
        used += w
    if current:
        pieces.append(current)
    return pieces


def pad(text: str, columns: int, align: str | None = None) -> str:
    """Pad ``text`` with spaces to ``columns`` display columns."""
    room = max(columns - width(text), 0)
    if align == "right":
        return " " * room + text
    if align == "center":
        left = room // 2
        return " " * left + text + " " * (room - left)
    return text + " " * room
