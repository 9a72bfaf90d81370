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
