"""Every command's --help: an Examples section, and prose wrapped to the terminal.

A command added later is checked too: the failure says what to add.
"""

from __future__ import annotations

from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from jdgen import cli


def commands(
    group: click.Command = cli.main, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """The path of every registered command and group, the top one included."""
    yield path
    if isinstance(group, click.Group):
        for name, sub in sorted(group.commands.items()):
            yield from commands(sub, (*path, name))


def help_text(path: tuple[str, ...], width: int) -> str:
    result = CliRunner().invoke(cli.main, [*path, "--help"], terminal_width=width)
    assert result.exit_code == 0, result.output
    return result.output


def examples(text: str, heading: str = "Examples:") -> list[str]:
    """The lines listed under ``heading`` (the commands under "Examples:")."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == heading), len(lines))
    found = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        found.append(line.strip())
    return found


ALL = list(commands())


@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "jdgen")
def test_every_command_has_examples(path: tuple[str, ...]) -> None:
    text = help_text(path, 100)
    name = " ".join(("jdgen", *path))
    assert "Examples:" in text, (
        f"`{name} --help` has no Examples section. Add to the end of its docstring:\n\n"
        "    \\b\n    Examples:\n"
        f"      {name} ...\n\n"
        "(\\b keeps click from rewrapping the example lines; write the prose above it "
        "without \\b, so that it wraps to the terminal.)"
    )
    shown = examples(text)
    assert shown, f"`{name} --help`: the Examples section lists no command"
    # One command per example; a line ending in a backslash goes on on the next, and a
    # pipeline (curl ... | jdgen import -) counts when jdgen is in it.
    for example in shown:
        if example.endswith("\\"):
            continue
        assert "jdgen " in example, (
            f"`{name} --help`: the example {example!r} is not a jdgen command line"
        )


@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "jdgen")
def test_help_prose_wraps_to_the_terminal(path: tuple[str, ...]) -> None:
    narrow = help_text(path, 60)
    lines = narrow.splitlines()
    # Lines click must keep as written: the examples, and the exit-code table of `jdgen`.
    keep = set(examples(narrow)) | set(examples(narrow, "Exit codes:"))
    too_wide = [
        line
        for line in lines
        if len(line) > 60
        and line.strip() not in keep
        and not line.lstrip().startswith(("-", "["))  # option rows: click's own layout
    ]
    name = " ".join(("jdgen", *path))
    assert too_wide == [], (
        f"`{name} --help` is not wrapped to a 60-column terminal: {too_wide}. Write prose "
        "without \\b (click rewraps it); keep \\b for example lines only."
    )
    wide = help_text(path, 120)
    assert max(len(line) for line in wide.splitlines()) > 60 or len(wide) < 600


def test_the_pre_commit_hook_does_not_block_an_untranslated_role() -> None:
    import yaml

    from tests.conftest import REPO

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    validate = next(h for h in hooks if h["id"] == "jdgen-validate")
    assert validate["entry"] == "jdgen validate"  # warnings (missing translations) pass
