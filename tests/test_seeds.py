"""The seed documents (../shared/seeds) reproduced from roles in examples/seeds.

examples/seeds/rendered/ is committed so that reviewers can read the output beside the seed;
this test keeps it current. Refresh with ``pytest tests/test_seeds.py --update-goldens``.
"""

from __future__ import annotations

import re

import pytest

from jdgen.config import find_project
from jdgen.formats import EXTENSIONS, FORMATS
from jdgen.renderer import Renderer
from jdgen.validation import validate

from .conftest import REPO, check_golden

SEEDS = REPO / "examples" / "seeds"
#: (role, kind, locale): one per seed reproduced so far.
DOCUMENTS = (("ml-engineer-skills", "skills-matrix", "es"),)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(find_project(SEEDS))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("role", "kind", "locale"), DOCUMENTS)
def test_rendered_is_current(
    renderer: Renderer, role: str, kind: str, locale: str, fmt: str, update_goldens: bool
) -> None:
    text = renderer.render(role, locale, kind=kind, fmt=fmt).text
    path = SEEDS / "rendered" / f"{kind}.{locale}{EXTENSIONS[fmt]}"
    check_golden(path, text, update_goldens, f"pytest {__file__} --update-goldens")


def test_seed_projects_are_clean() -> None:
    report = validate(find_project(SEEDS))
    assert [str(p) for p in report.problems] == []


def test_skills_matrix_counts_come_from_the_data(renderer: Renderer) -> None:
    text = renderer.render("ml-engineer-skills", "es", kind="skills-matrix").text
    assert "Tiene 58 habilidades en 5 niveles (de Junior a Principal)." in text
    assert "58 habilidades × 5 niveles." in text
    assert "125" not in text  # the seed's self-contradiction
    assert len(re.findall(r"^### ", text, re.M)) == 14
    rows = [line for line in text.splitlines() if re.match(r"\| (?!Habilidad |---)", line)]
    assert len(rows) == 58
    assert "\n1 habilidad\n" in text  # the CLDR plural, not "1 habilidades"
