"""Rule packs: the lint rules are data (``jdgen/lint/rules/<language>.yaml``, and
``checks.yaml`` for the checks on a role's data), each with an id, a severity, the reason,
the fix and its source. This module loads them and defines what a finding is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jdgen.errors import Position
from jdgen.foundation.data import read_data
from jdgen.lint.anchors import anchors
from jdgen.lint.classes import expand

RULES_DIR = Path(__file__).resolve().parent / "rules"


SEVERITIES = ("info", "warning", "error")

# Between the texts of one role when they are read in one pass: it ends a sentence and a
# clause in every language, and no pattern matches across it.
FIELD_BREAK = "\n\n\x00\n\n"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    category: str
    reason: str
    fix: str
    source: str
    language: str
    pattern: re.Pattern[str] | None = None
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # How the match is read in context (jdgen/lint/context.py): whether a negation
    # excuses it, which other contexts do (benefit, audience, named-person,
    # proper-noun), and the rule's own neighbours that make it harmless.
    negatable: bool = True
    context: tuple[str, ...] = ()
    unless_before: re.Pattern[str] | None = None
    unless_after: re.Pattern[str] | None = None
    # Terms that are a finding only where their clause states a requirement or a
    # preference about the candidate ("applicants must be men", "要求具有北京户籍").
    when_required: re.Pattern[str] | None = None
    # The openings of the words each can start with (jdgen/lint/anchors.py): a text
    # with none of them is skipped. None: always run.
    anchors: frozenset[str] | None = None
    required_anchors: frozenset[str] | None = None
    # The same two kinds of pattern matched on the text's lemmas (jdgen/lint/lemmas.py),
    # so that one pattern catches every inflection of its words; their anchors are
    # openings of lemmas.
    lemmas: re.Pattern[str] | None = None
    lemmas_required: re.Pattern[str] | None = None
    lemma_anchors: frozenset[str] | None = None
    lemma_required_anchors: frozenset[str] | None = None

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        # Between processes a rule travels by its id (and its severity, which a law not
        # yet enforced lowers), not with its compiled patterns.
        return rule, (self.id, self.severity)


@dataclass(frozen=True)
class Finding:
    """One thing a rule found, where, and whether it is suppressed (and why)."""

    rule: Rule
    message: str
    position: Position | None
    field: str = ""
    locale: str = ""
    match: str = ""
    suppressed: str | None = None  # the reason written in the role

    @property
    def severity(self) -> str:
        return self.rule.severity

    def line(self) -> str:
        where = f"{self.position}: " if self.position else ""
        context = "".join(f"[{x}] " for x in (self.locale, self.field) if x)
        text = f"{where}{self.severity} {self.rule.id}: {context}{self.message} ({self.rule.fix})"
        return text + (f" [suppressed: {self.suppressed}]" if self.suppressed else "")

    def to_json(self) -> dict[str, Any]:
        pos = self.position
        return {
            "rule": self.rule.id,
            "severity": self.severity,
            "category": self.rule.category,
            "message": self.message,
            "fix": self.rule.fix,
            "reason": self.rule.reason,
            "source": self.rule.source,
            "path": pos.path if pos else None,
            "line": pos.line if pos else None,
            "column": pos.column if pos else None,
            "locale": self.locale or None,
            "field": self.field or None,
            "match": self.match or None,
            "suppressed": self.suppressed,
        }

    def github(self) -> str:
        level = {"error": "error", "warning": "warning"}.get(self.severity, "notice")
        pos = self.position
        where = (
            f" file={pos.path},line={pos.line},col={pos.column}"
            if pos and pos.line
            else f" file={pos.path}"
            if pos
            else ""
        )
        text = self.line().split(": ", 1)[-1] if pos else self.line()
        return f"::{level}{where},title={self.rule.id}::{text}".replace("\n", " ")


def _compile(language: str, patterns: Sequence[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    if language == "zh":
        return re.compile(body)
    return re.compile(rf"(?<![\w@])(?:{body})(?![\w@])", re.IGNORECASE)


def _anchors(language: str, patterns: Sequence[str]) -> frozenset[str] | None:
    # Chinese patterns match inside runs of characters, not at word starts.
    return anchors(patterns) if patterns and language != "zh" else None


def _near(language: str, patterns: Sequence[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(body, re.IGNORECASE if language != "zh" else 0)


@functools.cache
def pack(language: str) -> tuple[Rule, ...]:
    """The rules of one language (en, es, zh), or of data checks ("checks")."""
    path = RULES_DIR / f"{language}.yaml"
    if not path.is_file():
        return ()
    if language == "checks":
        from jdgen.lint.laws import law_rules  # the laws are read with the rules they use

        return _load(language) + tuple(law_rules())
    return _load(language)


@functools.cache
def pack_data(language: str) -> Any:
    """The parsed file of one pack, read once: its rules, and what else it keeps (the
    English pack's coded-wording thresholds)."""
    return read_data(RULES_DIR / f"{language}.yaml")


def _load(language: str) -> tuple[Rule, ...]:
    data = pack_data(language)
    rules = []
    lists = (
        "patterns",
        "when_required",
        "unless_before",
        "unless_after",
        "lemmas",
        "lemmas_required",
    )
    for item in data["rules"]:
        known = {"id", "severity", "category", "reason", "fix", "source", "patterns"}
        known |= {"negatable", "context", "unless_before", "unless_after", "when_required"}
        known |= {"lemmas", "lemmas_required"}
        if "classes" in data:  # word classes used as {{name}} (jdgen/lint/classes.py)
            item = item | {k: expand(item[k], data["classes"]) for k in lists if k in item}
        rules.append(
            Rule(
                item["id"],
                item["severity"],
                item["category"],
                item["reason"],
                item["fix"],
                item["source"],
                language,
                _compile(language, item.get("patterns", ())),
                {k: v for k, v in item.items() if k not in known},
                bool(item.get("negatable", True)),
                tuple(item.get("context", ())),
                _near(language, item.get("unless_before", ())),
                _near(language, item.get("unless_after", ())),
                _compile(language, item.get("when_required", ())),
                _anchors(language, item.get("patterns", ())),
                _anchors(language, item.get("when_required", ())),
                _compile(language, item.get("lemmas", ())),
                _compile(language, item.get("lemmas_required", ())),
                _anchors(language, item.get("lemmas", ())),
                _anchors(language, item.get("lemmas_required", ())),
            )
        )
    return tuple(rules)


_OTHERS: dict[str, Rule] = {}
#: The pack of each rule-id prefix that is not a language.
_PACKS = {"comp": "checks", "hyg": "checks", "kit": "interview"}


def register(extra: Rule) -> Rule:
    """A rule that is not in a pack (worked out from a whole posting), so that ``rule``
    finds it by its id."""
    _OTHERS[extra.id] = extra
    return extra


def rule(rule_id: str, severity: str = "") -> Rule:
    """The rule with this id; with ``severity``, as that severity."""
    found = _OTHERS.get(rule_id)
    if found is None:
        language = rule_id.split(".", 1)[0]
        found = next(
            (r for r in pack(_PACKS.get(language, language)) if r.id == rule_id),
            None,
        )
    if found is None:
        raise KeyError(rule_id)
    return replace(found, severity=severity) if severity and severity != found.severity else found


def all_rule_ids() -> list[str]:
    return [r.id for language in ("en", "es", "zh", "checks", "interview") for r in pack(language)]


def offset_position(base: Position | None, offset: int, source: str) -> Position | None:
    """Where a match is: on the value's line, ``offset`` characters in when the text is
    written as it is in the file (a single line)."""
    if base is None:
        return None
    if "\n" in source or not base.column:
        return base
    return Position(base.path, base.line, base.column + offset)
