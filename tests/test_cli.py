"""The command line: wiring, output, and exit codes (behaviour is tested on the core)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen import __version__, cli
from jdgen.rendering.formats import BINARY_FORMATS, FORMATS
from jdgen.rendering.renderer import KINDS

from .conftest import Builder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_choices_match_the_core() -> None:
    import click

    options = {p.name: p for p in cli.main.commands["render"].params}
    assert isinstance(options["fmt"].type, click.Choice)
    assert isinstance(options["kind"].type, click.Choice)
    assert tuple(options["fmt"].type.choices) == tuple(FORMATS + BINARY_FORMATS)
    assert tuple(options["kind"].type.choices) == tuple(KINDS)


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out
    for args in ([], ["render"], ["validate"]):
        code, out, _ = run(*args, "--help")
        assert code == 0 and "Usage:" in out
    assert "Exit codes" in run("--help")[1]


def test_render_to_stdout(in_repo: Path) -> None:
    code, out, err = run("render", "ml-engineer-china", "--locale", "zh", "--format", "text")
    assert code == 0, err
    assert "薪资范围：28K-60K/月（根据经验水平）" in out
    assert "招聘人数：若干" in out


def test_render_to_a_file(in_repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "posting.html"
    code, out, err = run(
        "render", "roles/ml-engineer-lima.yaml", "-l", "en", "-f", "html", "-o", str(target)
    )
    assert code == 0, err
    assert out == ""
    assert target.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="en">')


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        ({"roles/r.yaml": "title: [x\n"}, ["render", "r"], "roles/r.yaml:2:1: invalid YAML"),
        ({"roles/r.yaml": "titel: X\n"}, ["render", "r"], 'did you mean "title"?'),
        (
            {"roles/r.yaml": "title: X\n", "templates/en/posting.md.j2": "{% if %}"},
            ["render", "r"],
            "templates/en/posting.md.j2:1: template syntax error",
        ),
    ],
)
def test_bad_input_exits_1_with_one_line_and_no_file(
    build_tree: Builder, files: dict[str, str], args: list[str], message: str
) -> None:
    root = build_tree(files)
    code, _, err = run(*args, "-o", "out.md")
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    assert not (root / "out.md").exists()


def test_usage_error_exits_2(in_repo: Path) -> None:
    code, _, err = run("render", "ml-engineer-china", "--format", "odt")
    assert code == 2
    assert "odt" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "r", "-l", "fr"], "available: en, en-GB, es, es-AR, es-ES, es-PE, zh"),
        (["render", "r", "--locale", "klingon"], "unknown locale"),
        (["render", "nope"], 'no role with id "nope"'),
        (["render", "roles/nope.yaml"], 'role file "roles/nope.yaml" not found'),
        (["render", "r", "--today", "15/03/2026"], "is not a date written YYYY-MM-DD"),
        (["build", "--out", "/"], "refusing to build into /"),
        (["validate", "roles/missing.yaml"], "no such file or directory"),
        (["i18n", "init", "xx-YY-ZZZZ"], "is not a locale known to CLDR"),
    ],
)
def test_what_the_command_line_names_wrongly_exits_2(
    build_tree: Builder, args: list[str], message: str
) -> None:
    build_tree({"roles/r.yaml": "title: X\n", "jdgen.yaml": "base_url: https://a.example/\n"})
    code, _, err = run(*args)
    assert code == 2, err
    assert message in err
    assert "Traceback" not in err


def test_strict_turns_warnings_into_errors(build_tree: Builder) -> None:
    build_tree({"roles/r.yaml": "title: X\nvalid_through: 2020-01-01\n"})
    code, _, err = run("render", "r", "--today", "2026-01-01")
    assert code == 0 and "warning: valid_through: the posting expired on 2020-01-01" in err
    code, out, err = run("render", "r", "--today", "2026-01-01", "--strict")
    assert code == 1 and out == ""


def test_validate_reports_every_problem(build_tree: Builder) -> None:
    build_tree(
        {
            "roles/a.yaml": "titel: X\n",
            "roles/b.yaml": "title: Y\nheadcount: many\n",
            "roles/ok.yaml": "title: Z\n",
        }
    )
    code, out, _ = run("validate")
    assert code == 1
    assert "roles/a.yaml:1:1: titel" in out
    assert "roles/b.yaml:2:12: headcount" in out
    assert "3 role file(s)" in out and "3 error(s)" in out


def test_validate_the_repository(in_repo: Path) -> None:
    code, out, _ = run("validate", "--strict")
    assert code == 0, out
    assert "0 error(s), 0 warning(s)" in out


def test_a_bug_prints_a_traceback_and_exits_3(
    in_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jdgen.rendering import renderer

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(renderer.Renderer, "render", boom)
    code, _, err = run("render", "ml-engineer-china")
    assert code == 3
    assert "Traceback" in err and "bug in jdgen" in err


def test_public_api(in_repo: Path, tmp_path: Path) -> None:
    import jdgen

    assert set(jdgen.__all__) == {"__version__", "build_site", "load_project", "render", "validate"}
    project = jdgen.load_project(in_repo)
    assert "28K-60K/月" in jdgen.render(project, "ml-engineer-china", locale="zh").text
    assert jdgen.validate(project).errors == []
    report = jdgen.build_site(project, tmp_path / "site")
    assert report.files > 20
    assert (in_repo / "jdgen/py.typed").is_file()


def test_shell_completion_offers_role_ids_and_locales(in_repo: Path) -> None:
    from click.shell_completion import ShellComplete

    complete = ShellComplete(cli.main, {}, "jdgen", "_JDGEN_COMPLETE")
    roles = [c.value for c in complete.get_completions(["render"], "ml-engineer-c")]
    assert roles == ["ml-engineer-china"]
    locales = [c.value for c in complete.get_completions(["render", "x", "--locale"], "es")]
    assert locales == ["es", "es-AR", "es-ES", "es-PE"]
