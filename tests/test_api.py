"""The Python API reports problem paths relative to the project, wherever it is called."""

from __future__ import annotations

from pathlib import Path

import pytest

import jdgen
from jdgen.errors import JdgenError

ROLE = "title: Data Engineer\nsalary: {min: 45, max: 60, currency: RMB, period: year}\n"


@pytest.fixture
def careers(tmp_path: Path) -> Path:
    root = tmp_path / "careers"
    (root / "roles").mkdir(parents=True)
    (root / "jdgen.yaml").write_text("locales: [en]\ntoday: 2026-03-01\n", encoding="utf-8")
    (root / "roles/bad.yaml").write_text(ROLE, encoding="utf-8")
    (root / "roles/odd.yaml").write_text(
        "title: Data Engineer\nlocations: [{city: Madrid, country: ES}]\n"
        "salary: {min: 45, max: 60, currency: EUR, period: year}\n",
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize("where", ["elsewhere", "inside", "roles"])
def test_problem_paths_are_relative_to_the_project(
    careers: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    cwd = {"elsewhere": careers.parent, "inside": careers, "roles": careers / "roles"}[where]
    monkeypatch.chdir(cwd)
    project = jdgen.load_project(careers)
    report = jdgen.validate(project)
    paths = {p.position.path for p in report.problems if p.position}
    assert paths == {"roles/bad.yaml", "roles/odd.yaml"}, paths
    with pytest.raises(JdgenError) as failed:
        jdgen.render(project, "bad")
    assert {p.position.path for p in failed.value.problems if p.position} == {"roles/bad.yaml"}
    with pytest.raises(JdgenError) as failed:
        jdgen.build_site(project)
    paths = {p.position.path for p in failed.value.problems if p.position}
    assert paths and paths <= {"roles/bad.yaml", "jdgen.yaml"}, paths
