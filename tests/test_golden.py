"""Golden files: every document of every built-in role, in every locale and format.

The golden files are examples/documents/, the committed output of `jdgen export`: a diff
there shows reviewers exactly what changed for users. Refresh them with `jdgen export`.
"""

from __future__ import annotations

import pytest

from jdgen.foundation.write import MARKER
from jdgen.project.config import find_project
from jdgen.rendering.renderer import Renderer
from jdgen.site.export import plan

from .conftest import EXAMPLES, REPO

FILES, WARNINGS = plan(find_project(REPO))


def test_the_built_in_roles_render_without_warnings() -> None:
    assert [str(w) for w in WARNINGS] == []


def test_every_document_has_a_golden_file_and_nothing_else_does() -> None:
    on_disk = sorted(p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*") if p.is_file())
    assert on_disk == sorted(FILES), "refresh with: jdgen export"


@pytest.mark.parametrize("rel", sorted(rel for rel in FILES if rel != MARKER))
def test_golden(rel: str) -> None:
    path = EXAMPLES / rel
    assert path.is_file(), "missing; refresh with: jdgen export"
    assert FILES[rel].decode("utf-8") == path.read_text(encoding="utf-8"), (
        "out of date; refresh with: jdgen export (if the change is intended)"
    )


def test_rendering_is_deterministic() -> None:
    first = Renderer(find_project(REPO)).render("ml-engineer-china", "zh", fmt="html").text
    again = Renderer(find_project(REPO)).render("ml-engineer-china", "zh", fmt="html").text
    assert first == again
