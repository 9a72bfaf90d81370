"""Traditional Chinese is read by the zh rules as Simplified, one character for one
(jdgen/lint/hanzi.py), and word classes expand into the patterns (jdgen/lint/classes.py)."""

from __future__ import annotations

import re

import pytest

from jdgen.lint.classes import expand
from jdgen.lint.hanzi import simplified
from jdgen.lint.wording import scan

PAIRS = [
    ("年齡須在三十五歲以下，限女性。", "年龄须在三十五岁以下，限女性。"),
    ("有宗教信仰者請勿應徵。", "有宗教信仰者请勿应征。"),
    ("外型亮麗，身高162公分以上，需附全身照。", "外型亮丽，身高162公分以上，需附全身照。"),
    ("性別、年齡不拘，歡迎社會新鮮人。", "性别、年龄不拘，欢迎社会新鲜人。"),
]


@pytest.mark.parametrize(("traditional", "simple"), PAIRS)
def test_traditional_reads_as_simplified(traditional: str, simple: str) -> None:
    assert simplified(traditional) == simple
    found = [(h.rule.id, h.start, h.end) for h in scan(traditional, "zh")]
    assert found == [(h.rule.id, h.start, h.end) for h in scan(simple, "zh")]
    for hit in scan(traditional, "zh"):
        assert hit.text == traditional[hit.start : hit.end]  # quoted as written


def test_simplified_text_is_left_as_it_is() -> None:
    text = "负责后端开发，熟悉MySQL主从复制。"
    assert simplified(text) == text


def test_classes_expand_longest_word_first_and_nest() -> None:
    classes = {
        "place": {"words": ["东北", "东北三省", "河南"], "patterns": ["{{short}}籍"]},
        "short": {"words": ["豫", "鲁"]},
    }
    (pattern,) = expand(["{{place}}人勿扰"], classes)
    assert re.fullmatch(pattern, "东北三省人勿扰")
    assert re.fullmatch(pattern, "豫籍人勿扰")
    assert not re.fullmatch(pattern, "湖南人勿扰")
    with pytest.raises(KeyError):
        expand(["{{nowhere}}"], classes)
    with pytest.raises(ValueError, match="uses itself"):
        expand(["{{a}}"], {"a": {"patterns": ["{{a}}"]}})
