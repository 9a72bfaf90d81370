"""A level diff, rendered: two levels of a role's skills matrix as a document
(``level-diff.md.j2``), or as sections of the skills-matrix page when the config asks
(``skills_diffs``). The numbers come from :mod:`jdgen.project.levels`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jdgen.errors import InvalidInputError, Position, Problem, UsageError
from jdgen.project.config import Project
from jdgen.project.kinds import SkillsMatrix
from jdgen.project.levels import compare_at, find_level, mark_words, ring_words
from jdgen.project.model import Role
from jdgen.project.resolve import ResolvedRole
from jdgen.rendering.formats import BINARY_FORMATS, FORMATS
from jdgen.rendering.renderer import Rendered, Renderer

TEMPLATE = "level-diff.md.j2"


def _context(matrix: SkillsMatrix) -> dict[str, Any]:
    return {"words": mark_words(matrix), "rings": ring_words(matrix)}


def render_level_diff(
    renderer: Renderer,
    ref: str | Path,
    first: str,
    second: str,
    locale: str | None = None,
    fmt: str = "markdown",
    width: int | None = None,
) -> Rendered:
    """What changes from one level of a role's skills matrix to another, in one locale
    and format. Levels are named by code or name, as the role file writes them."""
    if fmt not in FORMATS + BINARY_FORMATS:
        known = ", ".join(FORMATS + BINARY_FORMATS)
        raise UsageError(Problem(f'unknown format "{fmt}"', hint="formats: " + known))
    resolved = renderer.index.resolve(ref, family_ok=True)
    source = resolved.role.skills
    if source is None:
        raise InvalidInputError(
            Problem(
                f"{resolved.role.id} has no skills: section, so it has no levels to compare",
                Position(resolved.display),
                hint="levels are compared in a skills matrix (skills.levels)",
            )
        )
    tag = locale or resolved.role.language
    a, b = _levels(renderer, resolved, source, tag, first, second)

    def extra(role: Role) -> dict[str, Any]:
        assert role.skills is not None  # the localized role has the source's sections
        return {"diff": compare_at(role.skills, a, b), **_context(role.skills)}

    rendition = renderer.rendition_with(resolved, tag, "level-diff", TEMPLATE, extra)
    localizer = renderer.localizer(tag)
    if fmt in BINARY_FORMATS:  # Word and PDF, from the same document
        name = f"level diff of {resolved.role.id} in {localizer.info.tag}"
        data = renderer.printed(
            rendition.document, fmt, localizer, name, Position(resolved.display)
        )
        warned = tuple(rendition.warnings)
        return Rendered("", rendition.document, localizer.info.tag, "level-diff", fmt, warned, data)
    text = renderer.format(rendition.document, fmt, localizer, width)
    warnings = tuple(rendition.warnings)
    return Rendered(text, rendition.document, localizer.info.tag, "level-diff", fmt, warnings)


def _levels(
    renderer: Renderer,
    resolved: ResolvedRole,
    source: SkillsMatrix,
    tag: str,
    first: str,
    second: str,
) -> tuple[int, int]:
    """The two levels' places: named as the role file names them, or as the locale's
    translation does (``--from Mid -l en`` where the source says Int)."""
    shown: SkillsMatrix | None = None
    found = []
    for name in (first, second):
        try:
            found.append(find_level(source, name))
            continue
        except UsageError as exc:
            if shown is None:
                shown = renderer.localizer(tag).localize_role(resolved)[0].skills
            if shown is None or shown.levels == source.levels:
                raise
            problem = exc.problems[0]
        try:
            found.append(find_level(shown, name))
        except UsageError:
            theirs = ", ".join(f"{lv.code} ({lv.name})" for lv in shown.levels)
            raise UsageError(
                Problem(problem.message, hint=f"{problem.hint}; in {tag}: {theirs}")
            ) from None
    return found[0], found[1]


def matrix_diffs(
    project: Project, resolved: ResolvedRole
) -> Callable[[Role], dict[str, Any]] | None:
    """The level diffs the config asks every skills-matrix page to show, as template
    context for the localized role; a level the role does not have is the project's
    error, at the config."""
    source = resolved.role.skills
    if source is None:
        return None
    where = Position(project.display(project.config_path or project.root / "jdgen.yaml"))
    try:
        pairs = [
            (find_level(source, x, where), find_level(source, y, where))
            for x, y in (p.split("..", 1) for p in project.config.skills_diffs)
        ]
    except UsageError as exc:
        raise InvalidInputError(
            [Problem(p.message, p.position, "skills_diffs", p.hint) for p in exc.problems]
        ) from None

    def extra(role: Role) -> dict[str, Any]:
        assert role.skills is not None
        return {
            "level_diffs": [compare_at(role.skills, a, b) for a, b in pairs],
            **_context(role.skills),
        }

    return extra
