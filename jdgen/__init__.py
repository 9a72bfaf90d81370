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
    from .config import Project
    from .render import Rendered
    from .validate import Report

__all__ = ["__version__", "load_project", "render", "validate"]


def load_project(path: str | Path | None = None) -> Project:
    """The project containing ``path`` (default: the current directory)."""
    from .config import find_project

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
    from .render import Renderer

    return Renderer(project).render(role, locale, kind, fmt, width)


def validate(project: Project, paths: list[Path] | None = None) -> Report:
    """Check a project's roles, templates and catalogs; every problem is in the report."""
    from .validate import validate as run

    return run(project, paths or ())
