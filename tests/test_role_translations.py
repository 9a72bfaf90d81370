"""A role's translation that breaks its source's placeholders, or holds a control
character, is refused by every command that renders it (issue 25: build accepted it),
with the catalog's line, as ``jdgen i18n check`` reports it."""

from __future__ import annotations

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdgen import cli
from jdgen.errors import InvalidInputError
from jdgen.i18n.placeholders import placeholders
from jdgen.project.config import find_project
from jdgen.rendering.renderer import Renderer

from .conftest import Builder

SOURCE = "Earn {bonus} a year, %(extra)s on top"
PROJECT = {
    "jdgen.yaml": "locales: [en, es]\nbase_url: https://jobs.example.org/\n",
    "roles/x.yaml": f"title: Data Engineer\nposted: 2026-02-01\nsummary: '{SOURCE}'\n",
}


def _catalog(translation: str) -> str:
    quoted = translation.replace("\\", "\\\\").replace('"', '\\"')
    return (
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        f'msgctxt "x:summary"\nmsgid "{SOURCE.replace(chr(34), chr(92) + chr(34))}"\n'
        f'msgstr "{quoted}"\n'
    )


_PIECES = st.sampled_from(
    [
        "Gana",
        " ",
        "{bonus}",
        "{bono}",
        "%(extra)s",
        "%(extra)d",
        "%s",
        "{}",
        "al año",
        "{extra}",
        "%(bonus)s",
        "\x07",
        "\x1b[2J",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=6))
def test_a_role_translation_is_shown_only_if_it_keeps_its_placeholders(
    build_tree: Builder, pieces: list[str]
) -> None:
    translation = "".join(pieces)
    root = build_tree({**PROJECT, "locales/es/LC_MESSAGES/role-x.po": _catalog(translation)})
    renderer = Renderer(find_project(root))
    broken = placeholders(translation) != placeholders(SOURCE) or any(
        c in translation for c in "\x07\x1b"
    )
    try:
        page = renderer.render("x", "es").text
    except InvalidInputError as exc:
        assert broken, exc
        assert all(p.position and "role-x.po:6" in str(p.position) for p in exc.problems)
        return
    assert not broken, translation
    assert translation.strip().replace("{", "").split()[0] in page.replace("{", "")


def test_build_refuses_it_with_the_catalogs_line(build_tree: Builder) -> None:
    root = build_tree(
        {**PROJECT, "locales/es/LC_MESSAGES/role-x.po": _catalog("Gana {bono} al año")}
    )
    for command in (["build"], ["render", "x", "-l", "es"], ["export"]):
        result = CliRunner().invoke(cli.main, command)
        assert result.exit_code == 1, (command, result.output)
        assert "locales/es/LC_MESSAGES/role-x.po:6" in result.output
        assert "placeholders differ" in result.output
    assert not (root / "site").exists()
