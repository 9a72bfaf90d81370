"""One error hierarchy for every user mistake, each carrying a source position.

The core never prints and never exits: it raises :class:`JdgenError` (or returns
:class:`Problem` lists). ``jdgen.cli`` is the one place that turns them into
``path:line:col: message`` lines and exit codes.
"""

from __future__ import annotations

import difflib
import enum
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ExitCode(enum.IntEnum):
    """Exit codes of the ``jdgen`` command, documented in the README."""

    OK = 0
    INVALID_INPUT = 1  # a role, template, catalog or config is wrong; an output cannot be written
    USAGE = 2  # the command line is wrong, or names what does not exist (click uses 2 as well)
    INTERNAL = 3  # a bug in jdgen: a traceback is printed so it can be reported
    INTERRUPTED = 130  # Ctrl-C


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Position:
    """A place in a source file. ``line`` and ``column`` are 1-based; 0 means unknown."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.path}:{self.line}:{self.column}"
        if self.line:
            return f"{self.path}:{self.line}"
        return self.path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, where it is, and how to fix it."""

    message: str
    position: Position | None = None
    field: str = ""  # dotted path inside the document, e.g. ``salary.currency``
    hint: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.position}: " if self.position else ""
        what = f"{self.field}: " if self.field else ""
        level = "" if self.severity is Severity.ERROR else "warning: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{level}{what}{self.message}{hint}"

    def sort_key(self) -> tuple[str, int, int, str]:
        pos = self.position or Position("")
        return (pos.path, pos.line, pos.column, self.message)

    def to_json(self) -> list[Any]:
        pos = self.position
        return [
            self.message,
            [pos.path, pos.line, pos.column] if pos else None,
            self.field,
            self.hint,
            self.severity.value,
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> Problem:
        message, pos, field, hint, severity = data
        return cls(message, Position(*pos) if pos else None, field, hint, Severity(severity))

    def as_error(self) -> Problem:
        return Problem(self.message, self.position, self.field, self.hint, Severity.ERROR)


class JdgenError(Exception):
    """Base of every error caused by the user's input. Carries one or more problems."""

    exit_code = ExitCode.INVALID_INPUT

    def __init__(self, problems: Problem | Sequence[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = sorted(_unique(problems), key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


class InvalidInputError(JdgenError):
    """A role, config, template or catalog is invalid."""


class NotFoundError(JdgenError):
    """A role, template or locale does not exist; the message lists what was tried."""


class UsageError(JdgenError):
    """The command line asks for something that cannot be done (exit code 2)."""

    exit_code = ExitCode.USAGE


class OutputError(JdgenError):
    """An output cannot be written (a full or read-only disk), or would leave its tree."""


class RefusedOutputError(UsageError):
    """The output location asked for is one a build must not replace (``/``, the project,
    a directory jdgen did not make): the command line is wrong, exit code 2."""


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    out = []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


class Problems:
    """Collects problems during a pass so that one run reports all of them."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def error(
        self, message: str, position: Position | None = None, field: str = "", hint: str = ""
    ) -> None:
        self.items.append(Problem(message, position, field, hint))

    def warn(
        self, message: str, position: Position | None = None, field: str = "", hint: str = ""
    ) -> None:
        self.items.append(Problem(message, position, field, hint, Severity.WARNING))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def raise_errors(self, cls: type[JdgenError] = InvalidInputError) -> None:
        """Raise every error collected so far as one exception."""
        if self.errors:
            raise cls(self.errors)

    def __bool__(self) -> bool:
        return bool(self.items)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``did you mean "x"?`` hint, or an empty string when nothing is close."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"?' if close else ""


def relpath(path: Path | str) -> str:
    """A path as users should read it: relative to the working directory when inside it.
    A symbolic link is shown by its own name, not by what it points to."""
    p = Path(path)
    cwd = Path.cwd()
    try:
        return Path(os.path.abspath(p)).relative_to(cwd.absolute()).as_posix()
    except ValueError:
        pass
    try:  # resolved only when needed: a build names thousands of files, each inside cwd
        return p.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return p.as_posix()
