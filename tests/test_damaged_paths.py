"""Paths in errors (issue 25): a cache whose objects/ became a file, and a role reached
through a link, are reported by their real paths, never by a temporary file's name."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from jdgen import cli

from .conftest import Builder

PROJECT = {
    "jdgen.yaml": "locales: [en]\nbase_url: https://jobs.example.org/\n",
    "roles/a.yaml": "title: Data Engineer\nposted: 2026-02-01\n",
    "shared/b.yaml": "title: Analyst\nsummary: [broken\n",
}


@pytest.mark.parametrize("damaged", ["objects", "manifests", "objects/ab"])
def test_a_cache_directory_replaced_by_a_file_is_named(build_tree: Builder, damaged: str) -> None:
    root = build_tree({k: v for k, v in PROJECT.items() if not k.startswith("shared")})
    assert CliRunner().invoke(cli.main, ["build"]).exit_code == 0
    target = root / ".jdgen-cache" / damaged
    if target.is_dir():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("not a directory\n", encoding="utf-8")
    for n in range(2):
        before = (
            root / "site/en/a/index.html"
        ).read_bytes()  # the next builds find it too, and render every role again
        (root / "roles/a.yaml").write_text(f"title: Data Engineer {n}\nposted: 2026-02-01\n")
        (root / "roles" / f"x{n}.yaml").write_text(f"title: X{n}\nposted: 2026-02-01\n")
        result = CliRunner().invoke(cli.main, ["build"])
        if result.exit_code == 0:
            continue  # the cache mended itself: fine too
        assert result.exit_code == 1, result.output
        assert ".tmp" not in result.stderr, result.stderr
        assert f".jdgen-cache/{damaged}" in result.stderr, result.stderr
        assert "Traceback" not in result.output
        assert (root / "site/en/a/index.html").read_bytes() == before  # the site is intact


def test_validate_checks_a_role_reached_through_a_link(build_tree: Builder) -> None:
    root = build_tree(PROJECT)
    (root / "roles/b.yaml").symlink_to(root / "shared/b.yaml")
    for command in (["validate"], ["build"], ["lint"]):
        result = CliRunner().invoke(cli.main, command)
        assert result.exit_code == 1, (command, result.output)
        assert "shared/b.yaml:3:1: invalid YAML" in result.output, (command, result.output)
