"""Catalogs that stay still: references name the file only (as ``msgmerge
--add-location=file``), so an edit to a role rewrites only the entries it touches, and the
committed catalogs are what ``jdgen i18n update`` writes (CI runs ``update --check``)."""

from __future__ import annotations

import difflib
from pathlib import Path

from click.testing import CliRunner

from jdgen.cli import main
from jdgen.i18n.update import update
from jdgen.project.config import find_project

from .conftest import REPO, Builder


def test_the_committed_catalogs_are_what_update_writes() -> None:
    stale = [str(c) for c in update(find_project(REPO), check=True) if c.action != "unchanged"]
    assert stale == [], "run `jdgen i18n update` and commit the catalogs"


def _snapshot(root: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(root.glob("locales/**/*.po*"))}


def test_inserting_an_item_rewrites_only_that_item(build_tree: Builder) -> None:
    items = "".join(f"  - Item number {n} of the list\n" for n in range(30))
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en, es, zh]\n",
            "roles/data.yaml": f"title: Data Engineer\nsummary: Pipelines.\nbenefits:\n{items}",
        }
    )
    update(find_project(root))
    before = _snapshot(root)
    role = root / "roles/data.yaml"
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("benefits:\n", "benefits:\n  - A brand new first item\n"))
    update(find_project(root))
    after = _snapshot(root)
    for path, old in before.items():
        changed = [
            line
            for line in difflib.unified_diff(old.splitlines(), after[path].splitlines(), n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        # The new entry (comment, reference, msgctxt, msgid, msgstr, blank) and nothing else.
        assert len(changed) <= 8, (path, changed)
        assert not any(line.startswith(("-#:", "+#:")) and ":" in line[3:] for line in changed)


def test_update_check_fails_on_a_stale_catalog_and_writes_nothing(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": "locales: [en, es]\n", "roles/d.yaml": "title: Data\n"})
    update(find_project(root))
    (root / "roles/d.yaml").write_text("title: Data Engineer\n", encoding="utf-8")
    before = _snapshot(root)
    result = CliRunner().invoke(main, ["--project", str(root), "i18n", "update", "--check"])
    assert result.exit_code == 1
    assert "would update locales/es/LC_MESSAGES/role-d.po" in result.output
    assert _snapshot(root) == before
    update(find_project(root))
    result = CliRunner().invoke(main, ["--project", str(root), "i18n", "update", "--check"])
    assert result.exit_code == 0, result.output


def _lossy_round_trip(po: Path, tmp: Path) -> None:
    """What translate-toolkit does to a catalog: po2xliff, then xliff2po (or, without
    it, the same loss by hand: every msgctxt dropped)."""
    import shutil
    import subprocess

    if shutil.which("po2xliff") and shutil.which("xliff2po"):
        xlf = tmp / "out.xlf"
        subprocess.run(["po2xliff", str(po), str(xlf)], check=True, capture_output=True)
        subprocess.run(["xliff2po", str(xlf), str(po)], check=True, capture_output=True)
    else:  # pragma: no cover - CI installs translate-toolkit
        lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
        po.write_text("".join(x for x in lines if not x.startswith("msgctxt")), encoding="utf-8")


def test_check_reports_the_contexts_a_lossy_tool_dropped(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en, es]\n",
            "roles/d.yaml": "title: Data Engineer\nbenefits:\n  - Remote days\n  - Lunch\n",
        }
    )
    update(find_project(root))
    po = root / "locales/es/LC_MESSAGES/role-d.po"
    text = po.read_text(encoding="utf-8")
    for source, target in (("Data Engineer", "Ingeniera de datos"), ("Lunch", "Almuerzo")):
        text = text.replace(f'msgid "{source}"\nmsgstr ""', f'msgid "{source}"\nmsgstr "{target}"')
    po.write_text(text, encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(main, ["--project", str(root), "i18n", "check", "--no-msgfmt"])
    assert ok.exit_code == 0, ok.output
    _lossy_round_trip(po, root)
    result = runner.invoke(main, ["--project", str(root), "i18n", "check", "--no-msgfmt"])
    assert result.exit_code == 1
    assert 'msgid "Lunch" is never shown' in result.output
    assert "jdgen i18n xliff" in result.output
    assert "Ingeniera" not in result.output  # it names the source text, not the translation
