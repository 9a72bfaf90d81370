"""Wording: the rule packs' patterns matched against a text, with the Spanish generic
masculine and the balance of gender-coded words (Gaucher, Friesen & Kay 2011).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from jdgen.errors import Position
from jdgen.foundation.inline import to_text as inline_text
from jdgen.lint import first
from jdgen.lint.anchors import any_in, openings
from jdgen.lint.context import Reading
from jdgen.lint.hanzi import simplified
from jdgen.lint.lemmas import LANGUAGES as LEMMATIZED
from jdgen.lint.lemmas import LemmaView, view
from jdgen.lint.rules import (
    FIELD_BREAK,
    SEVERITIES,
    Finding,
    Rule,
    pack,
    pack_data,
    register,
)
from jdgen.lint.spanish import Hit, spanish_masculine

# A line break inside a paragraph is a space, unless the next line is a list item ("- ",
# "1. ", and in Chinese "1、", "（1）", "一、", "•").
_SOFT_BREAK = re.compile(
    r"(?<!\n)\n(?![\n\-*+#|>•·●▪①-⑳]|\s*\d+[.)]\s|\s*\d+[、．）)]|\s*[（(]\d+[)）]|\s*[一二三四五六七八九十]+[、.．])"
)


def _plain(text: str) -> str:
    plain = inline_text(text) if any(c in text for c in "*_[`") else text
    return _SOFT_BREAK.sub(" ", plain)  # a wrapped line is one sentence; same length


def scan(text: str, language: str, style: str = "slash") -> list[Hit]:
    """Every word-rule hit in ``text`` (inline Markdown is read as plain text), read in
    context (jdgen/lint/context.py), one per phrase and category."""
    return _scan_plain(_plain(text), language, style)


def scan_fields(texts: dict[str, str], language: str, style: str = "slash") -> dict[str, list[Hit]]:
    """``scan`` for every text of a role at once (one pass over them all, which is what
    keeps linting fast), with each hit's offsets in its own text."""
    keys = list(texts)
    plains = [_plain(texts[k]) for k in keys]
    starts = []
    at = 0
    for plain in plains:
        starts.append(at)
        at += len(plain) + len(FIELD_BREAK)
    found: dict[str, list[Hit]] = {k: [] for k in keys}
    for hit in _scan_plain(FIELD_BREAK.join(plains), language, style):
        i = bisect.bisect_right(starts, hit.start) - 1
        shift = starts[i]
        found[keys[i]].append(replace(hit, start=hit.start - shift, end=hit.end - shift))
    return found


def _scan_plain(shown: str, language: str, style: str) -> list[Hit]:
    # Chinese is read in Simplified characters, one for one (jdgen/lint/hanzi.py); a
    # hit quotes the text as written.
    plain = simplified(shown) if language == "zh" else shown
    reading = Reading(plain, language)
    # The zh patterns start with word classes, which re cannot skip ahead to by itself.
    matches = first.finditer if language == "zh" else re.Pattern.finditer
    present = openings(plain)
    lemmas = view(plain, language) if language in LEMMATIZED else None
    pieces = Pieces.of(lemmas.text) if lemmas else Pieces([], {})
    hits: list[Hit] = []
    for r in pack(language):
        if r.id == "es.generic-masculine":
            found = spanish_masculine(r, plain, style)
        else:
            found = (
                [_hit(r, m, shown) for m in matches(r.pattern, plain)]
                if r.pattern is not None and any_in(r.anchors, present)
                else []
            )
            if r.when_required is not None and any_in(r.required_anchors, present):
                found += [
                    _hit(r, m, shown)
                    for m in matches(r.when_required, plain)
                    if reading.required(m.start(), m.end())
                ]
            if lemmas is not None:
                found += _on_lemmas(r, lemmas, pieces, reading, plain)
        hits.extend(h for h in found if reading.excuse(r, h.start, h.end) is None)
    return _one_per_phrase(hits)


def _hit(rule: Rule, m: re.Match[str], shown: str) -> Hit:
    text = shown[m.start() : m.end()]
    return Hit(rule, m.start(), m.end(), text, f'"{text}": {rule.reason}')


_PIECE = re.compile(r"[^.;!?\n]*(?:[.;!?\n]+|$)")


@dataclass(frozen=True)
class Pieces:
    """The text's sentences and clauses, indexed by the openings of their words: a
    lemma pattern is only run on the pieces that have one of its openings."""

    bounds: list[tuple[int, int]]
    index: dict[str, list[int]]

    @classmethod
    def of(cls, text: str) -> Pieces:
        bounds: list[tuple[int, int]] = []
        index: dict[str, list[int]] = {}
        for m in _PIECE.finditer(text):
            if m.group(0):
                for opening in openings(m.group(0)):
                    index.setdefault(opening, []).append(len(bounds))
                bounds.append((m.start(), m.end()))
        return cls(bounds, index)

    def matches(
        self, pattern: re.Pattern[str], wanted: frozenset[str] | None, text: str
    ) -> list[re.Match[str]]:
        if wanted is None:
            return list(pattern.finditer(text))
        chosen = sorted({i for w in wanted & self.index.keys() for i in self.index[w]})
        found: list[re.Match[str]] = []
        for i in chosen:
            found.extend(pattern.finditer(text, *self.bounds[i]))
        return found


def _on_lemmas(
    r: Rule, lemmas: LemmaView, pieces: Pieces, reading: Reading, plain: str
) -> list[Hit]:
    """The rule's lemma patterns' hits, at their places in the original text."""
    spans = []
    if r.lemmas is not None:
        spans += [
            lemmas.span(m.start(), m.end())
            for m in pieces.matches(r.lemmas, r.lemma_anchors, lemmas.text)
        ]
    if r.lemmas_required is not None:
        spans += [
            (s, e)
            for m in pieces.matches(r.lemmas_required, r.lemma_required_anchors, lemmas.text)
            for s, e in [lemmas.span(m.start(), m.end())]
            if reading.required(s, e)
        ]
    return [Hit(r, s, e, plain[s:e], f'"{plain[s:e]}": {r.reason}') for s, e in spans]


def _one_per_phrase(hits: list[Hit]) -> list[Hit]:
    """Overlapping hits of one category are one finding: the most severe, then the longest."""
    order = sorted(
        hits, key=lambda h: (-SEVERITIES.index(h.rule.severity), -(h.end - h.start), h.start)
    )
    kept: list[Hit] = []
    for hit in order:
        if not any(
            k.rule.category == hit.rule.category and k.start < hit.end and hit.start < k.end
            for k in kept
        ):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.rule.id))


def balance(hits: Iterable[Hit]) -> tuple[int, int]:
    masculine = sum(1 for h in hits if h.rule.id.endswith("masculine-coded"))
    feminine = sum(1 for h in hits if h.rule.id.endswith("feminine-coded"))
    return masculine, feminine


@functools.cache
def _thresholds() -> dict[str, Any]:
    data = pack_data("en")
    found: dict[str, Any] = data["coded_balance"]
    return found


BALANCE = register(
    Rule(
        "en.coded-balance",
        "info",
        "coded",
        "Postings with more masculine- than feminine-coded words draw fewer women; a "
        "strongly masculine-coded one with no communal wording to balance it is a warning.",
        "replace some masculine-coded words, or describe the collaborative side of the job",
        _thresholds()["source"],
        "en",
    )
)


def lint_text(text: str, language: str, display: str, style: str = "slash") -> list[Finding]:
    """Lint a plain text or Markdown file (or stdin): every hit, with its line and column."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    findings = []
    hits = scan(text, language, style)
    for hit in hits:
        line = max(i for i, s in enumerate(starts) if s <= hit.start)
        pos = Position(display, line + 1, hit.start - starts[line] + 1)
        findings.append(Finding(hit.rule, hit.message, pos, match=hit.text))
    findings.extend(coded_verdict(hits, Position(display), ""))
    return sorted(findings, key=finding_order)


def finding_order(finding: Finding) -> tuple[str, int, int, str]:
    pos = finding.position or Position("")
    return (pos.path, pos.line, pos.column, finding.rule.id)


def coded_verdict(hits: Sequence[Hit], where: Position | None, locale: str) -> list[Finding]:
    masculine, feminine = balance(hits)
    limits = _thresholds()
    if masculine - feminine >= limits["note_difference"]:
        strong = (
            masculine - feminine >= limits["warning_difference"]
            and feminine <= limits["warning_max_feminine"]
        )
        return [
            Finding(
                replace(BALANCE, severity="warning") if strong else BALANCE,
                f"{masculine} masculine-coded and {feminine} feminine-coded "
                "words: the posting reads as masculine-coded",
                where,
                locale=locale,
            )
        ]
    return []
