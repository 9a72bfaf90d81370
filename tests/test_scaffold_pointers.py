"""What `jdgen init` writes points at what the project has: no link to nowhere, no doc
that is not there; `jdgen i18n init` keeps the example translated, leaves a linked
jdgen.yaml alone and refuses what is no language; `export --check` judges documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen import cli
from jdgen.i18n.status import status
from jdgen.project.config import find_project

from .conftest import REPO


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def careers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    code, shown = run("init", "careers", "-l", "es", "-l", "en", "--today", "2026-11-22")
    assert code == 0, shown
    monkeypatch.chdir(tmp_path / "careers")
    return tmp_path / "careers"


def test_nothing_the_scaffold_writes_points_nowhere(careers: Path) -> None:
    for path in sorted(p for p in careers.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(careers).as_posix()
        assert "https://github.com/\n" not in text and "https://github.com/ " not in text, rel
        for doc in re.findall(r"\bdocs/[\w./-]+\.md", text):
            assert (careers / doc).is_file(), f"{rel} sends the reader to {doc}"
    workflow = (careers / ".github/workflows/careers-site.yml").read_text(encoding="utf-8")
    assert "Copy it to .github/workflows" not in workflow  # it is there already


def test_i18n_init_translates_the_example_as_init_would(careers: Path) -> None:
    code, shown = run("i18n", "init", "zh")
    assert code == 0, shown
    catalog = careers / "locales/zh/LC_MESSAGES/role-data-analyst.po"
    assert "数据分析师" in catalog.read_text(encoding="utf-8")
    rows = [r for r in status(find_project(careers)) if r.locale == "zh"]
    assert rows and all(r.percent == 100 for r in rows), rows
    code, shown = run("validate", "--strict", "--today", "2026-11-22")
    assert code == 0, shown


@pytest.mark.parametrize("tag", ["und", "und-ES", "mul", "zxx", "es--ES", "-es", "es-", "xx"])
def test_i18n_init_refuses_what_is_no_language(careers: Path, tag: str) -> None:
    before = (careers / "jdgen.yaml").read_text(encoding="utf-8")
    code, shown = run("i18n", "init", tag)
    assert code == 2, shown
    assert (careers / "jdgen.yaml").read_text(encoding="utf-8") == before
    assert not any((careers / "locales").glob("und*"))


def test_i18n_init_leaves_a_linked_config_a_link(careers: Path) -> None:
    (careers / "shared.yaml").write_text(
        (careers / "jdgen.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (careers / "jdgen.yaml").unlink()
    (careers / "jdgen.yaml").symlink_to("shared.yaml")
    code, shown = run("i18n", "init", "zh")
    assert code == 0, shown
    assert (careers / "jdgen.yaml").is_symlink()
    assert "by hand" in shown and "locales: [es, en, zh]" in shown


def test_export_check_does_not_count_its_own_marker(tmp_path: Path) -> None:
    code, shown = run("-C", str(REPO), "export", "--check", "--out", str(tmp_path / "docs"))
    assert code == 1
    assert ".jdgen-site" not in shown
    assert "missing: ml-engineer-china/posting.zh.md" in shown
