"""Golden files: every built-in role, in es, zh and en, as Markdown, HTML and text.

A diff in tests/golden/ shows reviewers exactly what changed for users. Refresh with
``pytest tests/test_golden.py --update-goldens``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jdgen.config import find_project
from jdgen.formats import EXTENSIONS, FORMATS
from jdgen.renderer import Renderer

from .conftest import GOLDEN, REPO, check_golden

ROLES = ("ml-engineer-china", "ml-engineer-lima")
LOCALES = ("es", "zh", "en")


def golden_path(role: str, locale: str, fmt: str) -> Path:
    return GOLDEN / role / f"posting.{locale}{EXTENSIONS[fmt]}"


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(find_project(REPO))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("role", ROLES)
def test_golden(renderer: Renderer, role: str, locale: str, fmt: str, update_goldens: bool) -> None:
    result = renderer.render(role, locale, fmt=fmt)
    path = golden_path(role, locale, fmt)
    check_golden(path, result.text, update_goldens, f"pytest {__file__} --update-goldens")


def test_rendering_is_deterministic(renderer: Renderer) -> None:
    first = renderer.render("ml-engineer-china", "zh", fmt="html").text
    again = Renderer(find_project(REPO)).render("ml-engineer-china", "zh", fmt="html").text
    assert first == again
