"""Wording: the rule packs' patterns matched against a text, with the Spanish generic
masculine and the balance of gender-coded words (Gaucher, Friesen & Kay 2011).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jdgen.errors import Position
from jdgen.foundation.inline import to_text as inline_text
from jdgen.lint.rules import Finding, Rule, pack


@dataclass(frozen=True)
class Hit:
    rule: Rule
    start: int
    end: int
    text: str
    message: str


def spanish_masculine(rule_: Rule, text: str, style: str) -> list[Hit]:
    """The generic masculine for the candidate, judged against the project's style."""
    hits = []
    suggestions = {"slash": "{m}/a", "doubled": "{m}s y {f}s", "neutral": "la persona {f}"}
    candidates = rule_.data.get("candidate_nouns", [])
    roles = rule_.data.get("role_nouns", [])
    stems = "|".join(re.escape(n[:-1] if n.endswith("o") else n) for n in candidates + roles)
    pattern = re.compile(
        rf"(?<![\w/])(?P<article>(?:el|los|un|unos|al|del)\s+)?(?P<noun>(?:{stems})(?:o|os|or|ores|es)?)"
        rf"(?P<after>/as?|\(as?\)|\s+(?:y|e|o)\s+\w+as\b)?(?![\w/])",
        re.IGNORECASE,
    )
    for m in pattern.finditer(text):
        noun = m.group("noun").lower()
        base = next(
            (n for n in candidates + roles if noun.startswith(n[:-1] if n.endswith("o") else n)),
            None,
        )
        if base is None or m.group("after") or noun.endswith(("a", "as")):
            continue
        invariable = not base.endswith(("o", "or"))
        if invariable:
            continue  # analista, líder: the same word for everyone
        is_candidate = base in candidates
        if not is_candidate and not (m.group("article") and not noun.endswith("s")):
            continue  # role nouns count when they name the person hired: "un ingeniero"
        fem = base[:-1] + "a" if base.endswith("o") else base + "a"
        hint = suggestions[style].format(m=base, f=fem)
        hits.append(
            Hit(
                rule_,
                m.start("noun"),
                m.end("noun"),
                m.group("noun"),
                f'"{m.group(0).strip()}" es masculino genérico; escribe "{hint}"',
            )
        )
    return hits


def scan(text: str, language: str, style: str = "slash") -> list[Hit]:
    """Every word-rule hit in ``text`` (inline Markdown is read as plain text)."""
    plain = inline_text(text) if any(c in text for c in "*_[`") else text
    hits: list[Hit] = []
    for r in pack(language):
        if r.id == "es.generic-masculine":
            hits.extend(spanish_masculine(r, plain, style))
        elif r.pattern is not None:
            for m in r.pattern.finditer(plain):
                hits.append(Hit(r, m.start(), m.end(), m.group(0), f'"{m.group(0)}": {r.reason}'))
    return hits


def balance(hits: Iterable[Hit]) -> tuple[int, int]:
    masculine = sum(1 for h in hits if h.rule.id.endswith("masculine-coded"))
    feminine = sum(1 for h in hits if h.rule.id.endswith("feminine-coded"))
    return masculine, feminine


BALANCE = Rule(
    "en.coded-balance",
    "warning",
    "coded",
    "Postings with more masculine- than feminine-coded words draw fewer women.",
    "replace some masculine-coded words, or describe the collaborative side of the job",
    "Gaucher, Friesen & Kay (2011), studies 3 and 4",
    "en",
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
    if masculine - feminine >= 3:
        return [
            Finding(
                BALANCE,
                f"{masculine} masculine-coded and {feminine} feminine-coded "
                "words: the posting reads as masculine-coded",
                where,
                locale=locale,
            )
        ]
    return []
