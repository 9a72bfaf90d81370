"""Reading a match in its context, so that a rule fires on a requirement or a preference
about the candidate and not on a word.

A match is excused, with the reason, when it is:
- quoted («buena presencia», "culture fit"): a mention, not a demand;
- negated within its clause ("regardless of age", "sin importar la edad", "不限男女",
  "男女不限"), in the language's own way of negating;
- inside an equal-opportunity sentence, for the protected characteristics it names
  (a rule that no negation excuses, such as a slur or the form of a word, is not
  excused by such a sentence either);
- for rules that ask: a benefit ("可协助办理上海户口落户", "maternity leave"), about the
  product's users ("涉及18岁以下用户"), a named person ("report to Ana Ruiz; she…"), or a
  product name ("CMake and Ninja", "Zeek (formerly Bro)");
- welcoming rather than limiting ("recent graduates welcome", "欢迎应届生投递"), unless the
  clause also says "only";
- one of the rule's ``senses``: a technical term ("Unicorn workers" for a Ruby server, a
  "hero section" of a page), the trade's own vocabulary ("beers" at a brewery, "embarazo"
  in a midwife's job, where no requirement is stated) or people who are not the hire
  (a "girls' school"), each kept in the rule pack with its reason;
- in Chinese, not a word of its own: a match that starts or ends inside a word
  (jdgen/lint/segment.py);
- next to what the rule's own ``unless_before``/``unless_after`` patterns describe.

The cues are data: ``rules/context.yaml``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

from jdgen.foundation.data import read_data
from jdgen.lint.rules import RULES_DIR, Rule
from jdgen.lint.segment import on_word_boundaries

QUOTES = (("«", "»"), ("“", "”"), ("„", "“"), ('"', '"'), ("「", "」"), ("『", "』"), ("‘", "’"))
_PRODUCT_BEFORE = re.compile(r"(?:\band|\bor|&|,|\bformerly|\bcalled|\bnamed|\blike|\bvia|\()\s*$")
_PRODUCT_AFTER = re.compile(r"\s*(?:and|or|&|,|\))\s*[A-Z(]")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|our|your|un|una|el|la)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Sense:
    """A sense of a rule's words that is not a finding: where ``match`` (the whole
    matched text; any, when None) has ``near`` in its sentence or in the posting."""

    match: re.Pattern[str] | None
    near: re.Pattern[str]
    posting: bool
    reason: str


@functools.cache
def senses(rule: Rule) -> tuple[Sense, ...]:
    flags = re.IGNORECASE if rule.language != "zh" else 0
    return tuple(
        Sense(
            re.compile(s["match"], flags) if "match" in s else None,
            re.compile(s["near"], flags),
            s.get("scope", "sentence") == "posting",
            str(s["reason"]),
        )
        for s in rule.data.get("senses", ())
    )


@dataclass(frozen=True)
class Cues:
    clause: re.Pattern[str]
    sentence: re.Pattern[str]
    window: int
    patterns: dict[str, re.Pattern[str]]


@functools.cache
def _data() -> dict[str, Any]:
    loaded: dict[str, Any] = read_data(RULES_DIR / "context.yaml")
    return loaded


def protected() -> frozenset[str]:
    return frozenset(_data()["protected"])


@functools.cache
def affixes() -> frozenset[str]:
    return frozenset(_data()["languages"]["zh"].get("affixes", ()))


@functools.cache
def cues(language: str) -> Cues | None:
    spec = _data()["languages"].get(language)
    if spec is None:
        return None
    flags = re.IGNORECASE if language != "zh" else 0
    names = ["negation_before", "negation_after", "equal_opportunity", "benefit", "audience"]
    names += ["stance", "named_person", "welcoming", "exclusive"]
    patterns = {name: re.compile(spec[name], flags) for name in names}
    for optional in ("people", "audience_after", "benefit_unless"):
        if optional in spec:
            patterns[optional] = re.compile(spec[optional], flags)
    return Cues(
        re.compile(spec["clause"], flags),
        re.compile(spec["sentence"]),
        int(spec["window"]),
        patterns,
    )


_QUOTED = [
    re.compile(re.escape(opening) + "[^" + re.escape(closing) + "\n]{1,200}" + re.escape(closing))
    for opening, closing in QUOTES
]


def _quoted(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern in _QUOTED:
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return spans


class Reading:
    """One text, read once: its clauses, sentences and quotations."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self.cues = cues(language)
        self.quotes = _quoted(text)
        self._clauses = self._bounds(self.cues.clause) if self.cues else []
        self._sentences = self._bounds(self.cues.sentence) if self.cues else []

    def _bounds(self, pattern: re.Pattern[str]) -> list[int]:
        return [m.end() for m in pattern.finditer(self.text)]

    def _span(self, bounds: list[int], start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(bounds, start)
        begin = bounds[i - 1] if i else 0
        j = bisect.bisect_left(bounds, end)
        finish = bounds[j] if j < len(bounds) else len(self.text)
        return begin, finish

    def required(self, start: int, end: int) -> bool:
        """Whether the clause around ``start:end`` states a requirement or a preference
        (other than through the matched term itself)."""
        if self.cues is None:
            return False
        cs, ce = self._span(self._clauses, start, end)
        stance = self.cues.patterns["stance"]
        return any(
            m.end() <= start or m.start() >= end
            for m in stance.finditer(self.text, cs, max(ce, end))
        )

    def excuse(self, rule: Rule, start: int, end: int) -> str | None:
        """Why the match at ``start:end`` is not a finding, or None when it is one."""
        text, c = self.text, self.cues
        if any(q0 < start and end <= q1 for q0, q1 in self.quotes):
            return "quoted"
        if (
            self.language == "zh"
            and rule.data.get("word_boundaries", True)
            and not on_word_boundaries(text, start, end, affixes())
        ):
            return "inside a longer word"
        if c is None:
            return None
        cs, ce = self._span(self._clauses, start, end)
        ce = max(ce, end)
        sense = self._sense(rule, start, end)
        if sense:
            return sense
        if rule.negatable:
            lead = max(cs, start - c.window)
            for m in c.patterns["negation_before"].finditer(text, lead, end):
                if m.start() < start:
                    return "negated"
            people = c.patterns.get("people")
            about_people = people is not None and people.search(text, start, end)
            if not about_people and c.patterns["negation_after"].search(text[end:ce]):
                return "negated"
        if (
            rule.negatable
            and rule.category in protected()
            and c.patterns["welcoming"].search(text, cs, ce)
            and not c.patterns["exclusive"].search(text, cs, ce)
        ):
            return "welcoming"
        if rule.negatable and rule.category in protected():
            ss, se = self._span(self._sentences, start, end)
            if c.patterns["equal_opportunity"].search(text, ss, max(se, end)):
                return "an equal-opportunity statement"
        for name in rule.context:
            reason = self._context(name, rule, start, end, cs, ce)
            if reason:
                return reason
        if rule.unless_before is not None and rule.unless_before.search(text, cs, start):
            return "its context"
        if rule.unless_after is not None and rule.unless_after.search(text[end:ce]):
            return "its context"
        return None

    def _sense(self, rule: Rule, start: int, end: int) -> str:
        found = senses(rule)
        if not found:
            return ""
        word = self.text[start:end]
        ss, se = self._span(self._sentences, start, end)
        for sense in found:
            if sense.match is not None and not sense.match.fullmatch(word):
                continue
            if sense.posting:
                if sense.near.search(self.text) and not self.required(start, end):
                    return sense.reason
            elif sense.near.search(self.text, ss, max(se, end)):
                return sense.reason
        return ""

    def _context(self, name: str, rule: Rule, start: int, end: int, cs: int, ce: int) -> str:
        text, c = self.text, self.cues
        assert c is not None
        if name == "benefit":
            refused = c.patterns.get("benefit_unless")
            if refused is not None and refused.search(text, cs, ce):
                return ""  # "must not ... go on maternity leave": a refusal, not a benefit
            # A cue inside the match is the match's own word ("planes de ser madre"),
            # not a benefit around it.
            outside = (
                m.end() <= start or m.start() >= end
                for m in c.patterns["benefit"].finditer(text, cs, ce)
            )
            return "a benefit" if any(outside) else ""
        if name == "audience":
            if c.patterns["exclusive"].search(text, start, end):
                return ""  # "female staff only": who may apply, whoever the clients are
            audience = c.patterns["audience"]
            if self.language == "zh":
                near = text[max(cs, start - 10) : start] + "|" + text[end : min(ce, end + 5)]
                return "about the users" if audience.search(near) else ""
            before = text[max(cs, start - 50) : start]
            after = text[end : min(ce, end + 30)]
            words_before = [w.strip("'") for w in re.findall(r"[\w'-]+", before)[-5:]]
            words_after = [w.strip("'") for w in re.findall(r"[\w'-]+", after)[:2]]
            # After the match only the people it is about count ("alumnos de 12 a 16
            # años", not "muchacha de 18 a 25 años para atender el local").
            people_after = c.patterns.get("audience_after", audience)
            if any(audience.fullmatch(w) for w in words_before) or any(
                people_after.fullmatch(w) for w in words_after
            ):
                return "about the users"
            return ""
        if name == "named-person":
            named = c.patterns["named_person"]
            if named.search(text, max(0, start - 300), start) or named.search(text[end : end + 60]):
                return "about a named person"
            return ""
        if name == "proper-noun":
            word = text[start:end]
            if not word[:1].isupper() or word.isupper():
                return ""
            before = text[max(0, start - 12) : start]
            if _ARTICLE_BEFORE.search(before):
                return ""
            if _PRODUCT_BEFORE.search(before) or _PRODUCT_AFTER.match(text, end):
                return "a product name"
            return ""
        raise ValueError(f"{rule.id}: unknown context {name!r}")
