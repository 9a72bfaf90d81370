"""What translators and maintainers see is the files as they are: catalogs' references
do not depend on where jdgen runs, and a preview in jdgen's own repository never shows
an installed copy's stale translation."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jdgen.i18n.update import update
from jdgen.project.config import find_project
from jdgen.rendering.renderer import Renderer

from .conftest import REPO, Builder


def test_references_are_relative_to_the_project_wherever_update_runs(
    build_tree: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en, es]\n",
            "roles/team/data.yaml": "title: Data Engineer\nsummary: Pipelines.\n",
            "templates/en/extra.md.j2": "{{ pgettext('x', 'Hello') }}\n",
        }
    )
    update(find_project(root))
    before = {p: p.read_text(encoding="utf-8") for p in sorted(root.glob("locales/**/*.po*"))}
    assert "#: roles/team/data.yaml\n" in before[root / "locales/role-data.pot"]
    for where in (root / "roles/team", root / "templates", root.parent):
        monkeypatch.chdir(where)
        update(find_project(root))
        after = {p: p.read_text(encoding="utf-8") for p in sorted(root.glob("locales/**/*.po*"))}
        assert after == before, where


def test_the_repositorys_own_catalogs_win_over_an_installed_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In jdgen's repository, an emptied or fuzzy entry shows the source text, not the
    translation an installed (older) copy of the same catalog still holds."""
    repo = tmp_path / "jdgen-checkout"
    repo.mkdir()
    for name in ("jdgen.yaml", "roles", "locales", "templates"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, repo / name)
    (repo / "jdgen/i18n").mkdir(parents=True)
    (repo / "jdgen/__init__.py").write_text("")
    (repo / "jdgen/i18n/localize.py").write_text("")  # what marks jdgen's own source
    po = repo / "locales/es/LC_MESSAGES/jdgen.po"
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "Requisitos"' in text
    po.write_text(text.replace('msgstr "Requisitos"', 'msgstr ""'), encoding="utf-8")
    monkeypatch.chdir(repo)
    project = find_project(repo)
    assert project.is_jdgen_source
    assert all(d.is_relative_to(repo) for d in (*project.locale_dirs, *project.template_dirs))
    rendered = Renderer(project).render("ml-engineer-lima", "es")
    assert "Requirements" in rendered.text  # the source: the emptied entry is not used
    assert any("Requirements" in str(w) for w in rendered.warnings)
    # An ordinary project still falls back to jdgen's built-in catalogs and templates.
    os.remove(repo / "jdgen/i18n/localize.py")
    ordinary = find_project(repo)
    assert not ordinary.is_jdgen_source
    assert len(ordinary.locale_dirs) == 2


def test_translators_get_the_fields_meaning_limits_and_the_authors_note(
    build_tree: Builder,
) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en, es]\n",
            "roles/data.yaml": "# yaml-language-server: $schema=../role.schema.json\n"
            "# -*- coding: utf-8 -*-\n"
            "# The title as people search for it.\n"
            "title: Data Engineer\n"
            "responsibilities:\n  - title: Pipelines\n    items: [Build batch pipelines]\n",
        }
    )
    update(find_project(root))
    pot = (root / "locales/role-data.pot").read_text(encoding="utf-8")
    title = pot.split('msgctxt "data:title"')[0].rsplit("\n\n", 1)[-1]
    assert "#. The title as people search for it." in title  # the author's own note
    assert "#. the job title; keep it under 80 characters" in title  # the schema's, and the limit
    assert "yaml-language-server" not in pot and "coding: utf-8" not in pot  # no tool lines
    item = pot.split('msgid "Build batch pipelines"')[0].rsplit("\n\n", 1)[-1]
    assert "#. what the person will do: the items" in item


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("locales: [es, en]  # what we publish\n", "locales: [es, en, pt-BR]  # what we publish\n"),
        (
            "# careers\nlocales:\n  - es\n  - en\ndefault_locale: en\n",
            "# careers\nlocales:\n  - es\n  - en\n  - pt-BR\ndefault_locale: en\n",
        ),
        ("default_locale: en\n", "default_locale: en\nlocales: [en, es, zh, pt-BR]\n"),
    ],
)
def test_a_fourth_language_is_one_command(build_tree: Builder, config: str, expected: str) -> None:
    from click.testing import CliRunner

    from jdgen import cli

    root = build_tree(
        {"jdgen.yaml": config, "roles/data.yaml": "title: Data Engineer\nsummary: Pipelines.\n"}
    )
    runner = CliRunner()
    result = runner.invoke(cli.main, ["i18n", "init", "pt-BR"])
    assert result.exit_code == 0, result.output
    assert (root / "jdgen.yaml").read_text(encoding="utf-8") == expected
    assert "updated jdgen.yaml" in result.stdout
    conventions = (root / "locales/pt_BR/conventions.yaml").read_text(encoding="utf-8")
    assert "# salary_range:" in conventions and "# currency_symbols:" in conventions
    assert (root / "locales/pt_BR/LC_MESSAGES/role-data.po").is_file()
    # Every command now includes it.
    status = runner.invoke(cli.main, ["i18n", "status"])
    assert "pt-BR" in status.stdout
    validate = runner.invoke(cli.main, ["validate"])
    assert "no pt-BR translation" in validate.output
    lint = runner.invoke(cli.main, ["lint"])
    assert "no rule pack for pt (pt-BR)" in lint.stderr
    assert lint.exit_code == 0
    again = runner.invoke(cli.main, ["i18n", "init", "pt-BR"])
    assert "unchanged jdgen.yaml" in again.stdout


def test_a_config_it_cannot_edit_safely_gets_the_line_to_add(build_tree: Builder) -> None:
    from click.testing import CliRunner

    from jdgen import cli

    config = "locales: &mine\n  [es,\n   en]\n"
    root = build_tree({"jdgen.yaml": config, "roles/data.yaml": "title: Data Engineer\n"})
    result = CliRunner().invoke(cli.main, ["i18n", "init", "fr"])
    assert result.exit_code == 0, result.output
    assert "add fr to its locales: locales: [es, en, fr]" in result.stderr
    assert (root / "jdgen.yaml").read_text(encoding="utf-8") == config
    assert not list(root.glob(".jdgen.yaml*"))


def test_every_template_string_tells_translators_what_it_is(in_repo: Path) -> None:
    from babel.messages.pofile import read_po

    with (in_repo / "locales/jdgen.pot").open("rb") as handle:
        catalog = read_po(handle)
    bare = [(m.context, m.id) for m in catalog if m.id and not m.auto_comments]
    assert bare == []
    amount = catalog.get("from {amount}", "salary")
    assert amount is not None
    assert "keep {amount} as written: jdgen fills it in" in amount.auto_comments
