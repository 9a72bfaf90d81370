"""jdgen: a multilingual job-description generator.

The public API, for embedding jdgen in other tools::

    import jdgen
    project = jdgen.load_project("path/to/careers")
    result = jdgen.render(project, "ml-engineer-china", locale="zh", fmt="text")
    print(result.text)

Errors caused by the input raise :class:`jdgen.errors.JdgenError`, whose ``problems``
carry file, line and column. Through this API, every problem's path is relative to the
project's root (``roles/r.yaml``), wherever the calling program runs; a file outside the
project keeps its absolute path. (The command line shows them relative to the current
directory, where a terminal can open them.)
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

__version__ = "0.1.0"

if TYPE_CHECKING:
    import datetime as dt

    from jdgen.errors import Problem
    from jdgen.lint.validate import Report
    from jdgen.project.config import Project
    from jdgen.rendering.renderer import Rendered
    from jdgen.site.build import BuildReport

__all__ = ["__version__", "build_site", "load_project", "render", "validate"]

T = TypeVar("T")


def _rebased(problems: Iterable[Problem], root: Path) -> list[Problem]:
    """``problems`` with each path relative to ``root`` (the project), not to the
    working directory the core reports most of them against."""
    return [_rebase(problem, root) for problem in problems]


def _rebase(problem: Problem, root: Path) -> Problem:
    position = problem.position
    if position is None or not position.path:
        return problem
    given = Path(position.path)
    if not given.is_absolute() and (root / given).exists() and not given.exists():
        return problem  # already named from the project (jdgen.yaml)
    where = Path(os.path.abspath(given))
    for candidate, base in (
        (where, Path(os.path.abspath(root))),
        (where.resolve(), root.resolve()),
    ):
        try:
            rel = candidate.relative_to(base).as_posix()
        except ValueError:
            continue
        return dataclasses.replace(problem, position=dataclasses.replace(position, path=rel))
    return problem


def _relative_to_project(root: Path, call: Callable[[], T]) -> T:
    """``call()``, its errors' problems rebased on the project root."""
    from jdgen.errors import JdgenError

    try:
        return call()
    except JdgenError as exc:
        exc.problems = _rebased(exc.problems, root)
        raise


def load_project(path: str | Path | None = None) -> Project:
    """The project containing ``path`` (default: the current directory)."""
    from jdgen.project.config import find_project

    return find_project(Path(path) if path is not None else None)


def render(
    project: Project,
    role: str | Path,
    locale: str | None = None,
    kind: str = "posting",
    fmt: str = "markdown",
    width: int | None = None,
) -> Rendered:
    """Render one role (an id or a file) as one document in one locale and format."""
    from jdgen.rendering.renderer import Renderer

    result = _relative_to_project(
        project.root, lambda: Renderer(project).render(role, locale, kind, fmt, width)
    )
    return dataclasses.replace(result, warnings=tuple(_rebased(result.warnings, project.root)))


def validate(project: Project, paths: list[Path] | None = None) -> Report:
    """Check a project's roles, templates and catalogs; every problem is in the report."""
    from jdgen.lint.validate import validate as run

    report = _relative_to_project(project.root, lambda: run(project, paths or ()))
    report.problems = _rebased(report.problems, project.root)
    return report


def build_site(
    project: Project,
    out: Path | None = None,
    *,
    jobs: int = 1,
    today: dt.date | None = None,
    check: bool = False,
    progress: Callable[[int, int], None] | None = None,
    base_url: str | None = None,
) -> BuildReport:
    """Build the careers site (see ``jdgen build``); the previous site survives a failure."""
    from jdgen.site.build import build_site as run

    report = _relative_to_project(
        project.root,
        lambda: run(
            project, out, jobs=jobs, today=today, check=check, progress=progress, base_url=base_url
        ),
    )
    report.warnings = _rebased(report.warnings, project.root)
    report.expired = _rebased(report.expired, project.root)
    return report
