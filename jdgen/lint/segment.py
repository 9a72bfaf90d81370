"""Chinese word boundaries, so that a zh rule never matches across two words: "生活照"
(a personal photo) is not a finding inside "生活照料" (daily care), nor "孕妇" inside
"孕妇装" (maternity wear).

Chinese is written without spaces, so the boundaries come from a segmenter made for it
(jieba, its default dictionary and HMM for unknown words). Its dictionary takes a second
or two to load, so it is loaded once per process, and only when a Chinese match has
Chinese characters on a side (a match between punctuation, digits or Latin letters needs
no segmenter). jieba's own cache file is not used: the core writes nothing outside the
output directory.
"""

from __future__ import annotations

import functools
from typing import Any


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


@functools.cache
def _tokenizer() -> Any:
    import jieba  # type: ignore[import-untyped]

    tokenizer = jieba.Tokenizer()
    # What Tokenizer.initialize does, without its cache file in the temp directory and
    # without its log lines on stderr.
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    return tokenizer


@functools.lru_cache(maxsize=4096)
def _bounds(run: str) -> frozenset[int]:
    at, out = 0, {0}
    for word in _tokenizer().cut(run, HMM=True):
        at += len(word)
        out.add(at)
    return frozenset(out)


def _word(part: str) -> bool:
    """A word of two characters or more in the segmenter's dictionary."""
    return len(part) >= 2 and bool(_tokenizer().FREQ.get(part))


def _run(text: str, at: int) -> tuple[int, int]:
    """The run of Han characters around ``at`` (the unit the segmenter reads)."""
    begin = at
    while begin > 0 and _is_han(text[begin - 1]):
        begin -= 1
    end = at
    while end < len(text) and _is_han(text[end]):
        end += 1
    return begin, end


def on_word_boundaries(
    text: str, start: int, end: int, affixes: frozenset[str] = frozenset()
) -> bool:
    """Whether ``text[start:end]`` begins and ends between two words. A word that only
    adds one of ``affixes`` to the match ("信仰者" for "信仰", "无残疾" for "残疾"), or a
    compound of two words the dictionary knows, split where the match is ("帅哥美女"),
    still counts as the match's own word."""
    for at in (start, end):
        if 0 < at < len(text) and _is_han(text[at - 1]) and _is_han(text[at]):
            begin, finish = _run(text, at)
            bounds = _bounds(text[begin:finish])
            if at - begin in bounds:
                continue
            before = max(b for b in bounds if b < at - begin) + begin
            after = min(b for b in bounds if b > at - begin) + begin
            left, right = text[before:at], text[at:after]
            if (right if at == end else left) in affixes:
                continue
            if not (_word(left) and _word(right)):
                return False
    return True
