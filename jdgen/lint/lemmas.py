"""A text read as lemmas, for the rules that match on a word whatever its inflection
("casadas", "casados", "se casó" → casado/casar; "married", "marrying" → marry).

Spanish and English mark number, gender and tense in the word's ending, so a pattern
written for one form misses the others. Each word of the text is replaced by its lemma
(simplemma's dictionaries, built from Wiktionary and other open lexicons), everything
between words is kept as it is, and a match in that view is mapped back to the original
text's offsets, where the context (negation, who it is about, senses) is read as for any
other match.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

LANGUAGES = frozenset({"en", "es"})
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=65536)
def lemma(word: str, language: str) -> str:
    """The lemma of one lower-cased word (the word itself when the dictionary lacks it)."""
    if word.isdigit() or len(word) < 3:
        return word
    from simplemma import lemmatize  # its dictionary loads on first use (~1 s for es)

    return lemmatize(word, lang=language).lower()


def preload(languages: Iterable[str]) -> None:
    """Load the dictionaries now: a pool of worker processes forked after this shares
    them, instead of each loading its own."""
    for language in set(languages) & LANGUAGES:
        lemma("casas", language)


@dataclass(frozen=True)
class LemmaView:
    """The text with each word replaced by its lemma, and the way back."""

    text: str
    # The words whose lemma differs from them: where each is in this view, and in the
    # original (everything else is where it was, shifted).
    starts: tuple[int, ...]
    changes: tuple[tuple[int, int, int, int], ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's offsets of the view's ``start:end`` (whole words)."""
        return self._at(start, True), self._at(end, False)

    def _at(self, offset: int, opening: bool) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:  # before the first changed word: the texts agree up to there
            return offset
        view_start, view_end, start, end = self.changes[i]
        if offset >= view_end:  # after it, where the view keeps the text
            return end + offset - view_end
        return start if opening or offset == view_start else end


def view(text: str, language: str) -> LemmaView:
    """The lemma view of ``text``: the words that have another lemma replaced by it
    (lower-cased), the rest as it is."""
    changes: list[tuple[int, int, int, int]] = []
    shift = 0

    def replace(m: re.Match[str]) -> str:
        nonlocal shift
        word = m.group(0)
        new = lemma(word.lower(), language)
        if new == word or new == word.lower():
            return word
        at = m.start() + shift
        changes.append((at, at + len(new), m.start(), m.end()))
        shift += len(new) - len(word)
        return new

    lemmatized = _WORD.sub(replace, text)
    return LemmaView(lemmatized, tuple(c[0] for c in changes), tuple(changes))
