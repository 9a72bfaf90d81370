"""jdgen export: every document of every role, and the check that keeps examples/ current."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from jdgen.cli import main
from jdgen.foundation.write import MARKER
from jdgen.project.config import find_project
from jdgen.site.export import DEFAULT_OUT, export, plan

from .conftest import REPO, Builder

FAMILY = """abstract: true
language: en
title: Data Engineer
hiring:
  look_for: [SQL]
"""
POSTING = "extends: data\nlanguage: es-PE\nsummary: Hola.\n"


def _project(build_tree: Builder) -> Path:
    return build_tree(
        {
            "jdgen.yaml": "locales: [es, en]\ndefault_locale: en\n",
            "roles/families/data.yaml": FAMILY,
            "roles/data-lima.yaml": POSTING,
        }
    )


def test_each_document_once_in_every_locale_and_format(build_tree: Builder) -> None:
    files, _ = plan(find_project(_project(build_tree)))
    assert sorted(files) == sorted(
        [MARKER]
        + [
            f"{path}.{ext}"
            for path in (
                # the family's guide once, not again with the posting that inherits it
                "data/hiring-guide.es",
                "data/hiring-guide.en",
                # the posting in its own regional language too
                "data-lima/posting.es-PE",
                "data-lima/posting.es",
                "data-lima/posting.en",
            )
            for ext in ("md", "html", "txt")
        ]
    )


def test_check_reports_stale_files_and_export_refreshes_them(build_tree: Builder) -> None:
    root = _project(build_tree)
    runner = CliRunner()
    result = runner.invoke(main, ["-C", str(root), "export", "--check"])
    assert result.exit_code == 1
    assert "missing: data-lima/posting.es-PE.md" in result.output
    assert "refresh it with: jdgen export" in result.output

    result = runner.invoke(main, ["-C", str(root), "export"])
    assert result.exit_code == 0, result.output
    assert "5 documents, 16 files; written" in result.output
    out = root / DEFAULT_OUT
    assert (out / "data-lima" / "posting.es-PE.md").read_text().startswith("# Data Engineer")

    assert runner.invoke(main, ["-C", str(root), "export", "--check"]).exit_code == 0
    (root / "roles" / "data-lima.yaml").write_text(POSTING.replace("Hola.", "Adiós."))
    result = runner.invoke(main, ["-C", str(root), "export", "--check"])
    assert result.exit_code == 1
    assert "changed: data-lima/posting.es-PE.md" in result.output
    # --check never writes.
    assert "Hola." in (out / "data-lima" / "posting.es-PE.md").read_text()


def test_a_second_export_with_nothing_changed_writes_nothing(build_tree: Builder) -> None:
    project = find_project(_project(build_tree))
    assert export(project).changed
    before = (project.root / DEFAULT_OUT / MARKER).stat().st_mtime_ns
    assert not export(project).changed
    assert (project.root / DEFAULT_OUT / MARKER).stat().st_mtime_ns == before


def test_refuses_to_replace_a_directory_it_did_not_write(build_tree: Builder) -> None:
    root = _project(build_tree)
    mine = root / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    result = CliRunner().invoke(main, ["-C", str(root), "export", "-o", str(mine)])
    assert result.exit_code == 2  # the command line names a directory it may not replace
    assert "refusing to replace a directory that jdgen did not create" in result.output
    assert (mine / "notes.txt").read_text() == "keep me"


def test_a_broken_role_is_reported_and_nothing_is_written(build_tree: Builder) -> None:
    root = _project(build_tree)
    (root / "roles" / "bad.yaml").write_text("title: [unclosed\n")
    result = CliRunner().invoke(main, ["-C", str(root), "export"])
    assert result.exit_code == 1
    assert "roles/bad.yaml:" in result.output
    assert "Traceback" not in result.output
    assert not (root / DEFAULT_OUT).exists()


def test_the_committed_examples_are_current() -> None:
    result = CliRunner().invoke(main, ["-C", str(REPO), "export", "--check"])
    assert result.exit_code == 0, result.output + "\nrefresh with: jdgen export"
