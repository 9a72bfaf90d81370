"""Lint measured on labelled postings (tests/lint_corpus/<language>.yaml, and the fresh
batches in tests/lint_corpus/fresh/<language>-<n>.yaml): how many of the problems a reader
should be warned about it finds, by language and category, and how many clean postings it
wrongly flags. ``python -m tests.test_lint_corpus`` prints the table;
``python -m tests.test_lint_corpus tests/lint_corpus/fresh/en-2.yaml`` scores one batch.

Each fresh batch was written, in new wordings, before the rules were changed for it, and
scored first: that first-pass figure is the estimate of what users see (the after-fix
figure is 100 % by construction). The figures are in tests/lint_corpus/README.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from jdgen.errors import Position
from jdgen.lint.wording import coded_verdict, scan

CORPUS = Path(__file__).parent / "lint_corpus"
LANGUAGES = ("en", "es", "zh")


@dataclass
class Score:
    labelled: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    clean: int = 0
    flagged: list[str] = field(default_factory=list)  # clean postings that were flagged
    missed: list[tuple[str, str]] = field(default_factory=list)
    stray: Counter[str] = field(default_factory=Counter)  # findings outside the labels

    @property
    def recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.labelled.values()))


def flags(text: str, language: str) -> set[str]:
    """The categories of what a reader is warned about (errors and warnings)."""
    hits = scan(text, language)
    found = [(h.rule.category, h.rule.severity) for h in hits]
    found += [(f.rule.category, f.severity) for f in coded_verdict(hits, Position(""), "")]
    return {category for category, severity in found if severity != "info"}


def corpus_files(language: str) -> list[Path]:
    return [CORPUS / f"{language}.yaml", *sorted((CORPUS / "fresh").glob(f"{language}-*.yaml"))]


def measure(language: str, path: Path | None = None) -> Score:
    items = [
        item
        for file in ([path] if path else corpus_files(language))
        for item in yaml.safe_load(file.read_text(encoding="utf-8"))
    ]
    score = Score()
    for item in items:
        text, expected = item["text"], set(item["expect"])
        got = flags(text, language)
        if not expected:
            score.clean += 1
            if got:
                score.flagged.append(f"{text}  ->  {sorted(got)}")
            continue
        for category in expected:
            score.labelled[category] += 1
            if category in got:
                score.found[category] += 1
            else:
                score.missed.append((category, text))
        score.stray.update(got - expected)
    return score


@pytest.mark.parametrize("language", LANGUAGES)
def test_recall_is_at_least_85_percent(language: str) -> None:
    score = measure(language)
    assert score.recall >= 0.85, score.missed


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_most_one_clean_posting_in_15_is_flagged(language: str) -> None:
    score = measure(language)
    assert score.clean >= 15
    assert len(score.flagged) * 15 <= score.clean, score.flagged


def test_every_category_of_the_law_is_in_each_language() -> None:
    needed = {"gender", "age", "origin", "family", "pregnancy", "religion", "disability"}
    needed |= {"appearance"}
    for language in LANGUAGES:
        assert needed <= set(measure(language).labelled), language


@pytest.mark.parametrize("path", sorted((CORPUS / "public").glob("*.txt")), ids=lambda p: p.name)
def test_real_public_postings_are_not_flagged(path: Path) -> None:
    language = path.name.split("-", 1)[0]
    text = path.read_text(encoding="utf-8")
    assert flags(text, language) == set(), [
        (h.rule.id, h.text) for h in scan(text, language) if h.rule.severity != "info"
    ]


def table() -> str:
    lines = ["| language | category | labelled | found | recall |", "|---|---|---|---|---|"]
    for language in LANGUAGES:
        score = measure(language)
        for category in sorted(score.labelled):
            n, k = score.labelled[category], score.found[category]
            lines.append(f"| {language} | {category} | {n} | {k} | {k / n:.0%} |")
        lines.append(
            f"| **{language}** | **all** | {sum(score.labelled.values())} | "
            f"{sum(score.found.values())} | **{score.recall:.0%}** |"
        )
        lines.append(
            f"| {language} | clean postings flagged | {score.clean} | {len(score.flagged)} | |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    batches = [Path(a) for a in sys.argv[1:]]
    if not batches:
        print(table())
    for language, path in [(p.name.split("-")[0], p) for p in batches] or [
        (lang, None) for lang in LANGUAGES
    ]:
        score = measure(language, path)
        if path:
            found, labelled = sum(score.found.values()), sum(score.labelled.values())
            flagged = f"{len(score.flagged)}/{score.clean}"
            print(f"{path}: recall {found}/{labelled}; clean flagged {flagged}")
        for category, text in score.missed:
            print(f"missed [{language}/{category}] {text}")
        for text in score.flagged:
            print(f"flagged [{language}] {text}")
