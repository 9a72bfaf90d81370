"""Every built-in document in the markets beyond the site's es, zh and en: Spain, Latin
America, Argentina, Taiwan and Britain, as golden files read by a native of each
(tests/golden/regional/). Refresh with ``pytest tests/test_regional.py --update-goldens``.

examples/documents/ holds the site's locales; these are the regional readings, where
the defects of issue 29 were: Simplified Chinese in Taiwan pages, Latin American words in
Spain's, tú in Argentina's voseo, US spelling in Britain's.
"""

from __future__ import annotations

import re

import pytest

from jdgen.project.config import find_project
from jdgen.rendering.renderer import Renderer
from jdgen.site.export import own_kinds

from .conftest import GOLDEN, REPO, check_golden

REGIONS = ("es-ES", "es-419", "es-AR", "zh-TW", "en-GB")
_RENDERER = Renderer(find_project(REPO))
DOCUMENTS = [
    (role, kind)
    for role in sorted(_RENDERER.index.files)
    for kind in own_kinds(_RENDERER.index.resolve(role, family_ok=True))
]


def _text(role: str, kind: str, tag: str) -> str:
    return _RENDERER.render(role, tag, fmt="markdown", kind=kind).text


@pytest.mark.parametrize("tag", REGIONS)
@pytest.mark.parametrize(("role", "kind"), DOCUMENTS)
def test_golden(role: str, kind: str, tag: str, update_goldens: bool) -> None:
    path = GOLDEN / "regional" / f"{role}.{kind}.{tag}.md"
    check_golden(
        path, _text(role, kind, tag), update_goldens, f"pytest {__file__} --update-goldens"
    )


def _all(tag: str) -> str:
    return "\n".join(_text(role, kind, tag) for role, kind in DOCUMENTS)


#: Words a native reader of each market flagged (issue 29), as whole words.
NOT_HERE = {
    "es-ES": [
        "monitorear",
        "monitoreo",
        "maestría",
        "computación",
        "semi senior",
        "chequeo",
        "financiamiento",
        "confiables?",
        "costo",
        "recolección",
        "manejo",
        "fortalezas",
    ],
    "es-AR": ["destaca", "quieres", "Pregunta «", "Pide que", "Profundiza en", "busca que"],
    "en-GB": [r"\w+izes?", r"\w+ization", "stock options", "holiday gifts", "Middle"],
    "zh-TW": ["釋出", "應聘", "簡歷", "任職要求", "技術棧", "電子郵箱", "合同制", "志願者", "在招"],
}
EXCEPT = {"en-GB": {"size", "sizes", "prize", "prizes", "seize"}}


@pytest.mark.parametrize("tag", sorted(NOT_HERE))
def test_each_market_reads_in_its_own_words(tag: str) -> None:
    text = _all(tag)
    found = set()
    for word in NOT_HERE[tag]:
        bound = r"(?<!\w)" if word[:1].isascii() else ""
        for m in re.finditer(bound + word + (r"(?!\w)" if bound else ""), text, re.IGNORECASE):
            if m.group(0).lower() not in EXCEPT.get(tag, set()):
                found.add(m.group(0))
    assert found == set(), f"{tag} pages still say: {sorted(found)}"


def test_no_simplified_chinese_on_a_taiwan_page() -> None:
    simplified = set("职资围点经验语数据发简历应聘网络软质项")
    assert not simplified & set(_all("zh-TW"))


def test_the_matrix_speaks_the_page_language() -> None:
    for tag, codes, marks in (
        ("zh-TW", "| 技能 | 初階 | 中階 | 資深 | 主管 | 首席 |", "**瞭**：瞭解"),
        ("es-ES", "| Habilidades | Jr | Int | Sr | Líder | Ppal |", "**C**: Conocimiento"),
        ("en-GB", "| Skill | Jr | Mid | Sr | Lead | Princ |", "**A**: Awareness"),
    ):
        text = _text("ml-engineer-skills", "skills-matrix", tag)
        assert codes in text, tag
        assert marks in text, tag
