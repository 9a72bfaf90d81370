"""User-given output paths (issue 25): ``build --changes FILE`` never overwrites an input
(the config, a role, a template, a catalog), however the path is spelled or linked, and
never writes into the published site or the cache; such a path is a command-line mistake
(exit 2) found before anything is built."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdgen import cli
from jdgen.errors import RefusedOutputError
from jdgen.foundation.write import check_output_file

from .conftest import Builder

PROJECT = {
    "jdgen.yaml": "locales: [en, es]\nbase_url: https://jobs.example.org/\n",
    "roles/data.yaml": "title: Data Engineer\nposted: 2026-02-01\n",
    "templates/notes.txt": "a file of the templates folder\n",
    "locales/es/LC_MESSAGES/role-data.po": 'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
    'msgctxt "data:title"\nmsgid "Data Engineer"\nmsgstr "Ingeniero/a de datos"\n',
}


def _inputs(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "target",
    [
        "jdgen.yaml",
        "./jdgen.yaml",
        "roles/data.yaml",
        "roles/../roles/data.yaml",
        "roles/new-file.json",
        "templates/notes.txt",
        "locales/es/LC_MESSAGES/role-data.po",
        "locales/changes.json",
        "site/changes.json",
        "site/index.html",
        ".jdgen-cache/changes.json",
        "link-to-role.json",
        "link-to-roles/x.json",
        "{root}/roles/data.yaml",
    ],
)
def test_changes_never_overwrite_an_input_nor_write_into_the_site(
    build_tree: Builder, target: str
) -> None:
    root = build_tree(PROJECT)
    (root / "link-to-role.json").symlink_to(root / "roles/data.yaml")
    (root / "link-to-roles").symlink_to(root / "roles")
    before = _inputs(root)
    result = CliRunner().invoke(cli.main, ["build", "--changes", target.format(root=root)])
    assert result.exit_code == 2, result.output
    assert "refusing to write --changes" in result.stderr
    assert "Traceback" not in result.output
    assert _inputs(root) == before
    assert not (root / "site").exists()  # refused before anything was built


@pytest.mark.parametrize("target", ["changes.json", "out/changes.json", "{tmp}/c.json"])
def test_changes_go_where_they_may(build_tree: Builder, target: str, tmp_path: Path) -> None:
    root = build_tree(PROJECT)
    other = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    other.mkdir()
    path = target.format(tmp=other)
    result = CliRunner().invoke(cli.main, ["build", "--changes", path])
    assert result.exit_code == 0, result.output
    assert (root / path).is_file()


_PART = st.sampled_from(
    [
        "roles",
        "templates",
        "locales",
        "site",
        ".jdgen-cache",
        "out",
        "..",
        ".",
        "x.json",
        "jdgen.yaml",
        "sub",
    ]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=st.lists(_PART, min_size=1, max_size=5))
def test_any_spelling_of_a_path_is_judged_by_where_it_leads(
    tmp_path: Path, parts: list[str]
) -> None:
    root = tmp_path / "p"
    root.mkdir(exist_ok=True)
    inputs = [root / "jdgen.yaml", root / "roles", root / "templates", root / "locales"]
    outputs = [root / "site", root / ".jdgen-cache"]
    path = root.joinpath(*parts)
    where = Path(os.path.normpath(path))
    inside = any(where == p or p in where.parents for p in (*inputs, *outputs))
    try:
        check_output_file(path, inputs, outputs, option="--changes")
    except RefusedOutputError:
        assert inside, where
    else:
        assert not inside, where


@pytest.mark.parametrize(
    "target", ["locales/es/LC_MESSAGES/role-data.po", "jdgen.yaml", "roles/x.xlf", "locales/es.xlf"]
)
def test_an_xliff_export_never_overwrites_an_input(build_tree: Builder, target: str) -> None:
    root = build_tree(PROJECT)
    before = _inputs(root)
    result = CliRunner().invoke(cli.main, ["i18n", "xliff", "export", "es", "-o", target])
    assert result.exit_code == 2, result.output
    assert _inputs(root) == before  # nothing overwritten, nothing new
