"""Export: every document of every role, in every locale and format, as a tree of files.

``jdgen export`` writes ``<role>/<kind>.<locale>.<ext>`` for each role, each document kind
the role's own file has the data for (a family's hiring guide is exported once, with the
family, not again with every posting that inherits it), each configured locale plus the
role's own language (es-PE, es-AR...), and each format. The repository's ``examples/`` is
such a tree, and ``--check`` is how CI knows it is current.

The tree is written like a site build: staged beside the target and swapped in whole, so
an interrupted export leaves the previous tree as it was, and only a directory jdgen
exported (it holds the ``.jdgen-site`` marker) is ever replaced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jdgen.errors import InvalidInputError, JdgenError, Position, Problem, Problems, UsageError
from jdgen.foundation.locales import same_locale
from jdgen.foundation.vocabulary import KIND_SECTIONS
from jdgen.foundation.write import (
    MARKER,
    check_output_dir,
    compare_tree,
    inside,
    sha256,
    staging_beside,
    swap_in,
    writing,
)
from jdgen.project.config import Project
from jdgen.project.resolve import ResolvedRole, role_files
from jdgen.rendering.formats import BINARY_FORMATS, EXTENSIONS, FORMATS
from jdgen.rendering.renderer import Renderer, kinds_of

#: Where ``jdgen export`` writes without ``--out``, relative to the project.
DEFAULT_OUT = "examples/documents"
MARKER_TEXT = (
    "Written by `jdgen export`; the whole directory is replaced on every export.\n"
    "Do not edit these files: change the role or its catalog, then export again.\n"
)


@dataclass
class ExportReport:
    """What an export made, or (with ``check``) how the tree on disk differs from it."""

    out: Path
    files: int = 0
    documents: int = 0
    changed: bool = False
    differences: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def own_kinds(resolved: ResolvedRole) -> list[str]:
    """The kinds a role has the data for in its own file (plus its posting, if it has one):
    a section it only inherits is exported with the family that wrote it."""

    def own(section: str) -> bool:
        return any(
            where.path == resolved.display
            for key, where in resolved.positions.items()
            if key == section or key.startswith((section + ".", section + "["))
        )

    return [k for k in kinds_of(resolved.role) if k not in KIND_SECTIONS or own(KIND_SECTIONS[k])]


def plan(
    project: Project, today: dt.date | None = None, formats: Sequence[str] = FORMATS
) -> tuple[dict[str, bytes], list[Problem]]:
    """Every file of the export, by relative path, and the warnings rendering them gave.

    Raises the errors of every role at once if any role cannot be rendered."""
    renderer = Renderer(project, today)
    problems = Problems()
    problems.extend(renderer.index.file_problems())
    files: dict[str, bytes] = {MARKER: MARKER_TEXT.encode()}
    warnings: list[Problem] = []
    for role_id, path in sorted(role_files(project.roles_dir).items()):
        try:
            resolved = renderer.index.resolve(path, family_ok=True)
        except JdgenError as exc:
            problems.extend(exc.problems)
            continue
        locales = list(project.config.locales)
        if not any(same_locale(resolved.role.language, tag) for tag in locales):
            locales.insert(0, resolved.role.language)  # es-PE beside es; not zh-CN beside zh
        for kind in own_kinds(resolved):
            for locale in locales:
                try:
                    rendition = renderer.rendition(resolved, locale, kind)
                except JdgenError as exc:
                    problems.extend(exc.problems)
                    continue
                warnings.extend(rendition.warnings)
                tag = rendition.localizer.info.tag
                for fmt in formats:
                    rel = f"{role_id}/{kind}.{tag}{EXTENSIONS[fmt]}"
                    if fmt in BINARY_FORMATS:
                        try:
                            files[rel] = renderer.printed(
                                rendition.document,
                                fmt,
                                rendition.localizer,
                                f"{kind} of {role_id} in {tag}",
                                Position(resolved.display),
                            )
                        except InvalidInputError as exc:  # a font or a glyph missing
                            problems.extend(exc.problems)
                        continue
                    text = renderer.format(rendition.document, fmt, rendition.localizer)
                    files[rel] = text.encode()
    problems.raise_errors()
    return files, sorted(dict.fromkeys(warnings), key=Problem.sort_key)


def export(
    project: Project,
    out: Path | None = None,
    today: dt.date | None = None,
    check: bool = False,
    formats: Sequence[str] = FORMATS,
) -> ExportReport:
    """Write (or, with ``check``, compare) the export tree at ``out``, in ``formats``."""
    formats = tuple(dict.fromkeys(formats))
    if out is None and set(formats) != set(FORMATS):
        raise UsageError(
            Problem(
                f"--out is needed with --format {' '.join(formats)}",
                hint=f"the default, {DEFAULT_OUT}, holds the text formats "
                f"({', '.join(FORMATS)}) and would lose them; e.g. --out print",
            )
        )
    out = out if out is not None else project.root / DEFAULT_OUT
    if out.is_symlink():  # write into what the link points at; the link stays as it is
        out = out.resolve()
    files, warnings = plan(project, today, formats)
    report = ExportReport(out, files=len(files), warnings=warnings)
    report.documents = sum(1 for rel in files if rel.endswith(EXTENSIONS[formats[0]]))
    report.differences = compare_tree({rel: sha256(data) for rel, data in files.items()}, out)
    if check:  # the marker is jdgen's bookkeeping, not a document: --check judges documents
        report.differences = [d for d in report.differences if d.split(": ", 1)[1] != MARKER]
    if check or not report.differences:
        return report
    check_output_dir(out, keep=(project.root, Path.cwd()))
    with writing(), staging_beside(out, "exporting") as staging:
        for rel, data in sorted(files.items()):
            target = inside(staging, rel, "the export")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        swap_in(staging, out)
    report.changed = True
    return report
