"""The characters a pattern's match can begin with, so that a long Chinese pattern is
tried only where the text has one of them.

Python's ``re`` tries every alternative of a pattern at every position of the text unless
the pattern starts with a plain character. The zh rules are frames around word classes
("{{place}}…{{exclusion}}"), which start with groups, so ``re`` cannot skip ahead by
itself; this module works out the first characters from the parsed pattern and the
search jumps between them (a fast scan in C), trying the whole pattern only there.
A pattern that may start with anything (a negated class, ``.``) has no such set and is
searched as it is. The matches found are the ones ``finditer`` finds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Categories stand in the set as their own escapes, so the search class keeps re's
# meaning of them (Unicode digits and spaces: "３５岁" starts with a digit too).
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}


def _cased(chars: set[str], icase: bool) -> set[str]:
    if not icase:
        return chars
    return chars | {c.swapcase() for c in chars if len(c) == 1}


def _ranges(chars: set[str]) -> str:
    """A character class for ``chars``, runs of code points written as ranges (and the
    categories as their escapes)."""
    categories = "".join(sorted(c for c in chars if len(c) > 1))
    points = sorted(ord(c) for c in chars if len(c) == 1)
    if not points:
        return "[" + categories + "]"
    parts, start, last = [], points[0], points[0]
    for point in [*points[1:], -1]:
        if point == last + 1:
            last = point
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(last)) if last > start else ""))
        start = last = point
    return "[" + "".join(parts) + categories + "]"


def _first(items: list[tuple[Any, Any]], icase: bool = False) -> tuple[set[str] | None, bool]:
    """The first characters of a sequence, and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        found, empty = _one(op, av, icase)
        if found is None:
            return None, False
        out |= found
        if not empty:
            return out, False
    return out, True


def _one(op: Any, av: Any, icase: bool) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return _cased({chr(av)}, icase), False
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            elif kind is sre.CATEGORY and value in _CATEGORIES:
                chars.add(_CATEGORIES[value])
            else:
                return None, False  # a negated class, a word class: anything
        return _cased(chars, icase), False
    if op is sre.SUBPATTERN:
        return _first(list(av[-1]), icase or bool(av[1] & re.IGNORECASE))
    if op is sre.BRANCH:
        out: set[str] = set()
        empty = False
        for branch in av[1]:
            found, can_be_empty = _first(list(branch), icase)
            if found is None:
                return None, False
            out |= found
            empty = empty or can_be_empty
        return out, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, _high, body = av
        found, empty = _first(list(body), icase)
        return found, empty or low == 0
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return set(), True  # zero-width: the next item starts the match
    return None, False


@functools.cache
def starts(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching one character a match of ``pattern`` can start with, or None."""
    # Not for patterns that ignore case: their first characters are most letters, and a
    # search from each is slower than re's own scan (measured on the en and es rules).
    if pattern.flags & re.IGNORECASE:
        return None
    found, empty = _first(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    if found is None or empty or not found:
        return None
    return re.compile(_ranges(found))


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying the pattern only where a match can start."""
    first = starts(pattern)
    if first is None:
        yield from pattern.finditer(text)
        return
    at = 0
    search, match = first.search, pattern.match
    while True:
        hit = search(text, at)
        if hit is None:
            return
        found = match(text, hit.start())
        if found is None:
            at = hit.start() + 1
        else:
            yield found
            at = found.end() if found.end() > found.start() else found.start() + 1
