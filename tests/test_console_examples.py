"""The ```console examples of the README and docs/ are run, and their output compared.

Each ``$ command`` line runs in bash, from a fresh copy of this repository's project (its
config, roles, catalogs, templates and test fixtures), with jdgen on the PATH; standard
output and error are compared, as a terminal shows them. A ``...`` line stands for any
lines; a command ending in a backslash goes on on the next line. A comment
``<!-- console: in DIR -->`` just before a block runs it in a copy of DIR (a fixture
project) instead. Change the docs when the output changes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
_BLOCK = re.compile(
    r"(?:<!-- console: in (?P<dir>\S+) -->\n)?```console\n(?P<body>.*?)```", re.DOTALL
)
PROJECT = ("jdgen.yaml", "roles", "locales", "templates", "tests/fixtures")


@dataclass(frozen=True)
class Example:
    doc: str
    line: int
    directory: str | None
    steps: tuple[tuple[str, tuple[str, ...]], ...]  # (command, expected lines)


def examples() -> list[Example]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for m in _BLOCK.finditer(text):
            steps: list[tuple[str, list[str]]] = []
            going_on = False  # a command continued on the next line (a trailing \\)
            for line in m.group("body").splitlines():
                if going_on:
                    steps[-1] = (f"{steps[-1][0]}\n{line}", steps[-1][1])
                elif line.startswith("$ "):
                    steps.append((line[2:], []))
                elif steps:
                    steps[-1][1].append(line)
                going_on = bool(steps) and line.endswith("\\") and not steps[-1][1]
            line_no = text.count("\n", 0, m.start("body"))
            found.append(
                Example(
                    doc.relative_to(REPO).as_posix(),
                    line_no,
                    m.group("dir"),
                    tuple((cmd, tuple(out)) for cmd, out in steps),
                )
            )
    return found


def matches(expected: tuple[str, ...], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected``, where a "..." line stands for any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and matches(expected[1:], actual[1:])


def test_the_docs_have_console_examples() -> None:
    assert len(examples()) >= 5


@pytest.mark.parametrize("example", examples(), ids=lambda e: f"{e.doc}:{e.line}")
def test_console_example_output_is_what_the_command_prints(
    example: Example, tmp_path: Path
) -> None:
    work = tmp_path / "project"
    if example.directory:
        shutil.copytree(REPO / example.directory, work)
    else:
        for name in PROJECT:
            src = REPO / name
            if src.is_dir():
                shutil.copytree(src, work / name)
            else:
                work.mkdir(exist_ok=True)
                shutil.copy(src, work / name)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "COLUMNS": "80",
        "LC_ALL": "C.UTF-8",
    }
    for command, expected in example.steps:
        done = subprocess.run(
            ["bash", "-c", f"{command} 2>&1"],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        actual = done.stdout.splitlines()
        assert matches(expected, actual), (
            f"{example.doc}:{example.line}: `$ {command}` printed\n"
            + "\n".join(actual)
            + "\n\nwhere the doc shows\n"
            + "\n".join(expected)
            + "\n\nUpdate the doc (or fix the command)."
        )
