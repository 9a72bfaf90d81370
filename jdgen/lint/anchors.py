"""A cheap test that lets a rule skip a text: the openings of the words its patterns can
start with, worked out from the patterns themselves. Word rules match whole words (their
patterns are wrapped in word boundaries), so a rule can only match a text that has a
word starting with one of its openings. A rule whose patterns may start with anything
(a digit class, an optional letter) has no openings and always runs: the test skips
work, never a finding."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

LENGTH = 4  # a word's opening: its first four letters, or the whole of a shorter word
LIMIT = 400  # more openings than this, and the rule just runs
_WORD = re.compile(r"\w+")


def anchors(patterns: Sequence[str]) -> frozenset[str] | None:
    """The openings of every word the patterns can start with, or None when some way
    they can match cannot be told by its first word."""
    out: set[str] = set()
    for pattern in patterns:
        try:
            parsed = list(sre_parse.parse(pattern))
        except Exception:
            return None
        if not _openings(parsed, "", out):
            return None
    return frozenset(out)


def openings(text: str) -> set[str]:
    """The opening of every word of a text, lower-cased, to test anchors against."""
    return {word[:LENGTH] for word in _WORD.findall(text.lower())}


def _is_word(char: str) -> bool:
    return _WORD.fullmatch(char) is not None


def _openings(seq: list[Any], prefix: str, out: set[str]) -> bool:
    if len(prefix) >= LENGTH:
        out.add(prefix[:LENGTH])
        return len(out) <= LIMIT
    if not seq:
        return _whole(prefix, out)
    (op, av), rest = seq[0], seq[1:]
    if op is sre.LITERAL:
        char = chr(av).lower()
        if not _is_word(char):
            return _whole(prefix, out)
        return _openings(rest, prefix + char, out)
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
        return all(_openings([(sre.LITERAL, code), *rest], prefix, out) for _, code in av)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _openings(rest, prefix, out)
    if op is sre.SUBPATTERN:
        return _openings(list(av[-1]) + rest, prefix, out)
    if op is sre.BRANCH:
        return all(_openings(list(branch) + rest, prefix, out) for branch in av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = av
        if high != 1:
            return False
        taken = _openings(list(sub) + rest, prefix, out)
        return taken and (low == 1 or _openings(rest, prefix, out))
    return False


def _whole(prefix: str, out: set[str]) -> bool:
    """A word that ends here: the whole (short) word is its opening."""
    if not prefix:
        return False
    out.add(prefix)
    return len(out) <= LIMIT


def any_in(wanted: Iterable[str] | None, present: set[str]) -> bool:
    return wanted is None or not present.isdisjoint(wanted)
