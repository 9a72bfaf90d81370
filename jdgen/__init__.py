"""jdgen: a multilingual job-description generator.

The public API, for embedding jdgen in other tools::

    import jdgen
    project = jdgen.load_project("path/to/careers")
    result = jdgen.render(project, "ml-engineer-china", locale="zh", fmt="text")
    print(result.text)

Errors caused by the input raise :class:`jdgen.errors.JdgenError`, whose ``problems``
carry file, line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from jdgen.lint.validate import Report
    from jdgen.project.config import Project
    from jdgen.rendering.renderer import Rendered
    from jdgen.site.build import BuildReport

__all__ = ["__version__", "build_site", "load_project", "render", "validate"]


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

    return Renderer(project).render(role, locale, kind, fmt, width)


def validate(project: Project, paths: list[Path] | None = None) -> Report:
    """Check a project's roles, templates and catalogs; every problem is in the report."""
    from jdgen.lint.validate import validate as run

    return run(project, paths or ())


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

    return run(
        project, out, jobs=jobs, today=today, check=check, progress=progress, base_url=base_url
    )
