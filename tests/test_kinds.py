"""The documents beside the posting: hiring guide, role profile and skills matrix.

Golden files come from the small project in tests/fixtures/kinds (a role family that has
all three). Refresh with ``pytest tests/test_kinds.py --update-goldens``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.cli import main
from jdgen.project.config import find_project
from jdgen.rendering.formats import EXTENSIONS, FORMATS
from jdgen.rendering.renderer import Renderer, kinds_of

from .conftest import GOLDEN, check_golden

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "kinds"
KINDS = ("hiring-guide", "role-profile", "skills-matrix", "interview-kit")


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(find_project(FIXTURE))


#: The family's three documents, and a posting derived from it with the sections of the
#: Chinese seed (pay structure, career tracks, tech stack, culture, status).
DOCUMENTS = [("ml-engineer", kind) for kind in KINDS] + [("ml-engineer-platform", "posting")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("role", "kind"), DOCUMENTS)
def test_golden(renderer: Renderer, role: str, kind: str, fmt: str, update_goldens: bool) -> None:
    result = renderer.render(role, "en", fmt=fmt, kind=kind)
    path = GOLDEN / "kinds" / f"{role}.{kind}.en{EXTENSIONS[fmt]}"
    check_golden(path, result.text, update_goldens, f"pytest {__file__} --update-goldens")


def test_a_career_track_is_a_nested_list_in_html(renderer: Renderer) -> None:
    html = renderer.render("ml-engineer-platform", "en", fmt="html").text
    assert (
        '<li>Senior ML Engineer\n<ol class="track">\n<li>Tech Lead</li>\n'
        "<li>Engineering Manager</li>\n</ol>\n</li>\n<li>Staff ML Engineer</li>"
    ) in html
    assert "→" not in html[html.index("<article") :]  # the arrows are drawing, not content


def test_a_family_has_its_documents_but_no_posting(renderer: Renderer) -> None:
    role = renderer.index.resolve("ml-engineer", family_ok=True).role
    assert kinds_of(role) == list(KINDS)


def test_skills_matrix_html_is_an_accessible_table(renderer: Renderer) -> None:
    html = renderer.render("ml-engineer", "en", fmt="html", kind="skills-matrix").text
    assert '<th scope="col" style="text-align:center">Sen</th>' in html
    assert '<th scope="row">PyTorch</th>' in html
    assert html.count("<table") == 2  # one per domain


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "p")
    return tmp_path / "p"


def _run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(project), *args])
    return result.exit_code, result.output


def test_every_bad_mark_is_reported_at_its_line(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    role = project / "roles" / "ml-engineer.yaml"
    text = role.read_text(encoding="utf-8")
    text = text.replace("levels: A W E}", "levels: A X E}").replace("W E —}", "W E}")
    role.write_text(text, encoding="utf-8")
    code, out = _run(project, "render", "ml-engineer", "--kind", "skills-matrix", "-l", "en")
    assert code == 1
    assert 'ml-engineer.yaml:61:35: skills.domains[0].skills[0].levels: "PyTorch" uses X' in out
    assert '"Model Serving" uses X' in out
    assert '"Structured Logging" has 2 mark(s) for 3 levels' in out
    assert "Traceback" not in out


def test_a_kind_the_role_has_no_data_for_is_explained(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    role = project / "roles" / "ml-engineer.yaml"
    text = role.read_text(encoding="utf-8")
    role.write_text(text[: text.index("profile:")], encoding="utf-8")
    code, out = _run(project, "render", "ml-engineer", "--kind", "skills-matrix", "-l", "en")
    assert code == 1
    assert "has no skills: section, so it has no skills-matrix" in out
    assert "hiring-guide" in out  # the kinds it does have


def test_a_family_posting_points_to_its_documents(tmp_path: Path) -> None:
    code, out = _run(_copy(tmp_path), "render", "ml-engineer", "-l", "en")
    assert code == 1
    assert "hiring-guide / role-profile / skills-matrix / interview-kit (--kind)" in out


def test_each_count_takes_its_own_plural(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    (project / "roles" / "tiny.yaml").write_text(
        "abstract: true\ntitle: Tiny\nskills:\n"
        "  levels: [{code: All, name: Everyone}]\n"
        "  legend: [{mark: Y, meaning: Yes}]\n"
        "  domains: [{name: One, skills: [{name: Only, levels: Y}]}]\n",
        encoding="utf-8",
    )
    code, out = _run(project, "render", "tiny", "--kind", "skills-matrix", "-l", "en")
    assert code == 0, out
    assert "It has 1 skill across 1 level." in out
    assert "1 skill × 1 level." in out


def test_sentences_take_a_space_only_after_a_half_width_stop() -> None:
    from jdgen.rendering.templates import join_sentences

    assert join_sentences(["Es un rol.", "", "Tiene 5."]) == "Es un rol. Tiene 5."
    assert join_sentences(["属于岗位族。", "共58项技能。"]) == "属于岗位族。共58项技能。"
    assert join_sentences([]) == ""
