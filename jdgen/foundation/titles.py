"""Pay and places in a job title: job boards want the title alone (Indeed: "no salary,
type, location or headline"), with pay and place in fields of their own. Lint tells of
them (jdgen/lint/channels.py); the Indeed feed leaves out what it can cleanly cut off
(``Data Engineer (Lima)`` → ``Data Engineer``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

PAY = re.compile(
    r"[$€£¥₹]\s*\d|\d\s*[$€£¥]|\d[\d.,]*\s*(?:k|K|mil|万|千|元)(?![\w])"
    r"|\d[\d.,]*\s*(?:USD|EUR|GBP|CNY|PEN|MXN|ARS|COP|CLP|BRL)\b"
    r"|\b(?:per|an?)\s+(?:hour|year|month)\b|/\s*(?:hr|h|mes|año|月|年)\b|月薪|年薪|薪资"
)
_BRACKETS = re.compile(r"\s*[(\[（【][^)\]）】]*[)\]）】]")
_SEPARATOR = re.compile(r"(\s+[-–—|·/]\s+|\s*[|·]\s*|,\s+)")


def holds_pay(text: str) -> bool:
    return PAY.search(text) is not None


def holds_place(text: str, places: Iterable[str]) -> bool:
    """Whether ``text`` names one of ``places`` (as a whole word, where words are spaced)."""
    folded = text.casefold()
    for place in places:
        word = " ".join(place.split()).casefold()
        if len(word) < 2:
            continue
        if not word.isascii():
            if word in folded:
                return True
        elif _whole_word(word).search(folded):
            return True
    return False


@functools.lru_cache(maxsize=1024)
def _whole_word(word: str) -> re.Pattern[str]:
    # Compiled once per place: a site names few places, and re's own cache of 512
    # patterns is shared with everything else a build compiles.
    return re.compile(rf"(?<![\w]){re.escape(word)}(?![\w])")


def bare_title(title: str, places: Iterable[str]) -> str:
    """``title`` without the bracketed or separated parts that hold pay or a place; the
    title as it is if nothing can be cut off cleanly."""
    names = list(places)

    def extra(part: str) -> bool:
        return holds_pay(part) or holds_place(part, names)

    cut = _BRACKETS.sub(lambda m: "" if extra(m.group(0)) else m.group(0), title)
    pieces = _SEPARATOR.split(cut)
    kept: list[str] = []
    for i in range(0, len(pieces), 2):
        if pieces[i].strip() and not extra(pieces[i]):
            kept += [pieces[i - 1], pieces[i]] if kept else [pieces[i]]
    return "".join(kept).strip() or title
