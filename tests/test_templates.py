"""Templates: layered lookup, overrides, positioned errors, role content kept as data."""

from __future__ import annotations

import re

import pytest

from jdgen.errors import InvalidInputError, NotFoundError
from jdgen.project.config import find_project
from jdgen.rendering.markdown_escape import escape_markdown_blocks
from jdgen.rendering.renderer import Renderer

from .conftest import Builder

ROLE = {"roles/r.yaml": "title: Data Engineer\nsummary: Build things.\n"}


def test_project_template_overrides_the_builtin(build_tree: Builder) -> None:
    root = build_tree({**ROLE, "templates/es/posting.md.j2": "# {{ role.title }} (propio)\n"})
    assert Renderer(find_project(root)).render("r", "es").text == "# Data Engineer (propio)\n"
    # Other locales still use the built-in template.
    assert "## About the job" not in Renderer(find_project(root)).render("r", "en").text


def test_override_can_extend_the_builtin_template(build_tree: Builder) -> None:
    root = build_tree(
        {
            **ROLE,
            "templates/default/posting.md.j2": '{% extends "!posting.md.j2" %}'
            "{% block title %}# ★ {{ role.title }}\n{% endblock %}",
        }
    )
    text = Renderer(find_project(root)).render("r", "en").text
    assert text.startswith("# ★ Data Engineer\n\nBuild things.\n")


def test_missing_template_lists_every_place_searched(build_tree: Builder) -> None:
    root = build_tree({**ROLE, "templates/es_AR/posting.md.j2": '{% include "nope.md.j2" %}'})
    with pytest.raises(NotFoundError) as err:
        Renderer(find_project(root)).render("r", "es-AR")
    message = str(err.value)
    for place in (
        "templates/es_AR/nope.md.j2",
        "templates/es_419/nope.md.j2",
        "templates/es/nope.md.j2",
        "templates/default/nope.md.j2",
    ):
        assert place in message


def test_syntax_error_is_positioned(build_tree: Builder) -> None:
    root = build_tree({**ROLE, "templates/en/posting.md.j2": "# {{ role.title }}\n{% if x %}\n"})
    with pytest.raises(InvalidInputError) as err:
        Renderer(find_project(root)).render("r", "en")
    assert str(err.value).startswith("templates/en/posting.md.j2:2: template syntax error")


def test_undefined_variable_names_the_template_line_and_a_near_miss(build_tree: Builder) -> None:
    root = build_tree(
        {**ROLE, "templates/en/posting.md.j2": "# {{ role.title }}\n\n{{ role.summry }}\n"}
    )
    with pytest.raises(InvalidInputError) as err:
        Renderer(find_project(root)).render("r", "en")
    message = str(err.value)
    assert message.startswith("templates/en/posting.md.j2:3: undefined variable")
    assert 'did you mean "summary"' in message


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_role_content_is_data_not_code(build_tree: Builder, fmt: str) -> None:
    root = build_tree(
        {
            "roles/r.yaml": """
        title: "<script>alert(1)</script> {{ 7*7 }} {% raw %}"
        summary: "# not a heading"
    """
        }
    )
    text = Renderer(find_project(root)).render("r", "en", fmt=fmt).text
    assert "49" not in text
    if fmt == "html":
        assert "<script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% raw %}" in text
        assert "<p># not a heading</p>" in text
    elif fmt == "markdown":  # raw HTML is escaped in Markdown too: .md files get pasted
        assert not re.search(r"(?<!\\)</?script", text)
        assert "\\<script>alert(1)\\</script> {{ 7*7 }} {% raw %}" in text
    else:
        assert "<script>alert(1)</script> {{ 7*7 }} {% raw %}" in text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# x", "\\# x"),
        ("- x", "\\- x"),
        ("1. x", "1\\. x"),
        ("> x", "\\> x"),
        ("```", "\\```"),
        ("---", "\\---"),
        ("a\n\n+ b", "a\n\n\\+ b"),
        ("plain - text", "plain - text"),
    ],
)
def test_block_markers_in_content_are_escaped(text: str, escaped: str) -> None:
    assert escape_markdown_blocks(text) == escaped


def test_joined_role_content_is_still_escaped(build_tree: Builder) -> None:
    root = build_tree(
        {
            "roles/r.yaml": "title: T\nbenefits: ['# one', two]\n",
            "templates/en/posting.md.j2": "{{ role.benefits[0].items | join(', ') }}\n",
        }
    )
    assert Renderer(find_project(root)).render("r", "en").text == "\\# one, two\n"
