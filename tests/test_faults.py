"""Every user mistake in a template or a YAML file is a positioned error: file, line (and
column where YAML knows it), what is wrong, how to fix it. Never a traceback."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from jdgen import cli

from .conftest import Builder

ROLE = {"roles/r.yaml": "title: Data Engineer\n"}
#: Each level refers to the one before ten times: 10⁶ values from a few lines.
ALIAS_BOMB = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 6)
)


def render(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli.main, ["render", "r", *args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", ":1: the template never ends"),
        (
            "{% macro a() %}{{ b() }}{% endmacro %}{% macro b() %}{{ a() }}{% endmacro %}{{ a() }}",
            ":1: the template never ends",
        ),
        ('{% extends "posting.md.j2" %}', "posting.md.j2:1: the template never ends"),
        ('# x\n{% include "posting.md.j2" %}', ":2: the template never ends"),
        ("a\n\n{{ 1/0 }}", ":3: the template failed: ZeroDivisionError"),
        ("{{ role.title + 3 }}", ":1: the template failed: TypeError"),
        ("{{ 'x' | money('EUR') }}", ":1: the template failed"),
        ('x\n{% include "../../../etc/passwd" %}', ":2: '../../../etc/passwd' is not a template"),
        ('{% import "/etc/passwd" as p %}', ":1: '/etc/passwd' is not a template"),
        ('{% extends "default:../../x.j2" %}', ":1: 'default:../../x.j2' is not a template"),
        ('a\n\n{% extends "missing.md.j2" %}', ":3: template 'missing.md.j2' not found"),
        ('{% include "nope.md.j2" %}', ":1: template 'nope.md.j2' not found; searched"),
        ("{% if role.title %}", ":1: template syntax error"),
    ],
)
def test_template_mistakes_are_positioned(
    build_tree: Builder, template: str, expected: str
) -> None:
    build_tree({**ROLE, "templates/en/posting.md.j2": template})
    code, err = render()
    assert code == 1, err
    assert err.startswith("templates/en/posting.md.j2:"), err
    assert expected in err


def test_a_template_not_in_utf8_is_positioned(build_tree: Builder) -> None:
    root = build_tree(ROLE)
    (root / "templates/en").mkdir(parents=True)
    (root / "templates/en/posting.md.j2").write_bytes(b"# Caf\xe9 {{ role.title }}\n")
    code, err = render()
    assert code == 1
    assert err.startswith("templates/en/posting.md.j2:1:6: template is not valid UTF-8")


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("title: " + "[" * 995 + "]" * 995 + "\n", r"roles/r\.yaml:1:\d+: lists and mappings"),
        (
            "title: X\nculture:\n"
            + "".join("  " * i + "a:\n" for i in range(150))
            + "  " * 150
            + "b\n",
            r"roles/r\.yaml:\d+:\d+: lists and mappings are nested more than 100",
        ),
        ('title: "tab\x00nul"\n', r"roles/r\.yaml:1:12: invalid YAML: the character U\+0000"),
        ("summary: a\x1bb\ntitle: X\n", r"roles/r\.yaml:1:11: invalid YAML: the character U\+001B"),
        ("title: X\nbenefits:\n\t- a\n", r"roles/r\.yaml:3:1: .*indent with spaces"),
        (
            "title: X\nbenefits: [" + ", ".join(f"b{i}" for i in range(100_001)) + "]\n",
            r"holds more than 100,000 values",
        ),
        (ALIAS_BOMB, r"roles/r\.yaml:1:1: the document expands to more than 100,000 values"),
    ],
)
def test_yaml_mistakes_are_positioned(build_tree: Builder, yaml_text: str, expected: str) -> None:
    root = build_tree({})
    (root / "roles").mkdir()
    (root / "roles/r.yaml").write_bytes(yaml_text.encode("utf-8"))
    code, err = render()
    assert code == 1, err
    assert re.search(expected, err), err


def test_a_merge_key_may_be_overridden(build_tree: Builder) -> None:
    """YAML 1.1: a key written in the mapping wins over the one merged in."""
    build_tree(
        {
            "roles/r.yaml": "office: &madrid {city: Madrid, country: ES}\n"
            "title: X\nlocations: [{<<: *madrid, city: Barcelona}]\n".replace(
                "office: &madrid", "x-office: &madrid"
            )
        }
    )
    result = CliRunner().invoke(cli.main, ["validate"])
    assert "duplicate key" not in result.output
    build_tree(
        {
            "roles/r.yaml": "title: X\nlocations: [{<<: {city: Madrid, country: ES}, "
            "city: Barcelona}]\n"
        }
    )
    code, err = render()
    assert code == 0, err
    out = CliRunner().invoke(cli.main, ["render", "r"]).stdout
    assert "Barcelona" in out and "Madrid" not in out
    build_tree({"roles/r.yaml": "title: X\nlocations: [{city: Madrid, city: Barcelona}]\n"})
    code, err = render()
    assert code == 1 and "duplicate key (it is already set at line 2)" in err
