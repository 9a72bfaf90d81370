"""jdgen/lint/first.py: trying a pattern only where its match can start finds exactly
what ``finditer`` finds, for every zh rule, on every Chinese text of the corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from jdgen.lint.first import finditer, starts
from jdgen.lint.hanzi import simplified
from jdgen.lint.rules import pack

CORPUS = Path(__file__).parent / "lint_corpus"
TEXTS = [
    simplified(item["text"])
    for path in [CORPUS / "zh.yaml", *sorted((CORPUS / "fresh").glob("zh-*.yaml"))]
    for item in yaml.safe_load(path.read_text(encoding="utf-8"))
]
PATTERNS = [(r.id, p) for r in pack("zh") for p in (r.pattern, r.when_required) if p is not None]


def spans(matches: object) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("rule_id", "pattern"), PATTERNS, ids=[i for i, _ in PATTERNS])
def test_the_same_matches_as_finditer(rule_id: str, pattern: re.Pattern[str]) -> None:
    for text in TEXTS:
        assert spans(finditer(pattern, text)) == spans(pattern.finditer(text)), text


def test_every_zh_rule_has_a_set_of_first_characters() -> None:
    # Without one a rule is searched at every position again (slower, still right).
    assert [rule_id for rule_id, p in PATTERNS if starts(p) is None] == []


@pytest.mark.parametrize(
    "source",
    [
        r"(?:^|(?<=[，\n]))\s*(?:男|女)(?=，)",
        r"(?i:tmd)|卧槽",
        r"[\u4e00-\u9fff]{1,2}人勿扰",
        r"a*b",
        r"x?",
        r"\d{2}岁",
        r"\s*限男",
    ],
)
@given(st.text(alphabet="男女，\n tTmMdD卧槽甲乙丙人勿扰abx35３５岁限\u3000\u2003", max_size=30))
def test_any_text(source: str, text: str) -> None:
    pattern = re.compile(source)
    assert spans(finditer(pattern, text)) == spans(pattern.finditer(text))
