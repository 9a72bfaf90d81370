"""Chinese text as the zh rules read it: Traditional characters written as Simplified,
one for one (rules/zh-hant.yaml), so that one rule pack reads postings from the
mainland, Taiwan and Hong Kong alike, and every offset stays where it is in the text.
"""

from __future__ import annotations

import functools

from jdgen.foundation.data import read_data
from jdgen.lint.rules import RULES_DIR


@functools.cache
def _table() -> dict[int, int]:
    data = read_data(RULES_DIR / "zh-hant.yaml")
    traditional = "".join(str(data["traditional"]).split())
    simplified = "".join(str(data["simplified"]).split())
    if len(traditional) != len(simplified):
        raise ValueError("rules/zh-hant.yaml: the two strings differ in length")
    return str.maketrans(traditional, simplified)


def simplified(text: str) -> str:
    """``text`` with its Traditional characters written as Simplified ones; the same
    length, character for character."""
    return text.translate(_table())
