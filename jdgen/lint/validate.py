"""Validate a project: roles, templates, catalogs and conventions, every problem at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jdgen.errors import JdgenError, Position, Problem, Problems, Severity
from jdgen.foundation.locales import parse_locale
from jdgen.i18n.check import check_catalog
from jdgen.i18n.localize import CONVENTIONS_FILE, load_conventions
from jdgen.lint.pay import role_pay_problems
from jdgen.project.config import Project
from jdgen.project.resolve import ROLE_SUFFIXES
from jdgen.rendering.renderer import Renderer, kinds_of
from jdgen.rendering.templates import check_syntax

TEMPLATE_SUFFIX = ".j2"


@dataclass
class Report:
    """What a validation found, and how much it looked at."""

    problems: list[Problem] = field(default_factory=list)
    roles: int = 0
    templates: int = 0
    catalogs: int = 0
    renders: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def _files(paths: Iterable[Path], suffixes: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.name.endswith(suffixes) and not p.name.startswith(".")
                )
            )
        elif path.is_file() and path.name.endswith(suffixes):
            out.append(path)
    return out


def validate(project: Project, paths: Iterable[Path] = (), today: dt.date | None = None) -> Report:
    """Check the given role files (default: all of the project's) and everything they use."""
    renderer = Renderer(project, today)
    report = Report()
    problems = Problems()
    given = [p.resolve() for p in paths]
    role_paths = _files(given, ROLE_SUFFIXES) if given else sorted(renderer.index.files.values())
    for path in given:
        if not path.exists():
            problems.error("no such file or directory", None, hint=str(path))
    problems.extend(renderer.index.file_problems())

    # Templates and catalogs: the project's own and the built-in ones it falls back to.
    env = None
    try:
        env = renderer.environment(project.config.default_locale)
    except JdgenError as exc:
        problems.extend(exc.problems)
    # The project's own templates and catalogs; jdgen's built-in ones are checked by jdgen's
    # own CI (and are used, so rendering below still exercises them).
    template_paths = _files([project.root / project.config.templates_dir], (TEMPLATE_SUFFIX,))
    if env is not None:
        for path in template_paths:
            problems.extend(check_syntax(env, path))
    report.templates = len(template_paths)
    for path in _files([project.root / project.config.locales_dir], (".po",)):
        report.catalogs += 1
        problems.extend(check_catalog(path, project.config.plural_forms))
    for tag in sorted({*project.config.locales, *_conventions_locales(project)}):
        try:
            load_conventions(parse_locale(tag), project.locale_dirs)
        except (JdgenError, ValueError) as exc:
            problems.extend(exc.problems if isinstance(exc, JdgenError) else [Problem(str(exc))])

    if "pdf" in project.config.publish_formats:  # the site will print: can it?
        from jdgen.rendering.formats.pdf import print_setup_problems

        where = Position(project.display(project.config_path or project.root))
        problems.extend(
            print_setup_problems(list(project.config.locales), project.config.fonts, where)
        )

    # Roles: each file on its own, then each publishable role in every locale and kind.
    for path in role_paths:
        report.roles += 1
        found = renderer.index.check(path)
        problems.extend(found)
        if found:
            continue
        try:
            resolved = renderer.index.resolve(path, family_ok=True)
        except JdgenError:
            continue  # checked above
        problems.extend(
            Problem(
                message,
                resolved.position(key),
                key,
                hint="check the amounts and the period",
                severity=Severity.WARNING,
            )
            for key, message in role_pay_problems(resolved.role)
        )
        for locale in dict.fromkeys((resolved.role.language, *project.config.locales)):
            for kind in kinds_of(resolved.role):  # a family's guide or matrix, too
                try:
                    _, warnings = renderer.document(resolved, locale, kind)
                    problems.extend(warnings)
                    report.renders += 1
                except JdgenError as exc:
                    problems.extend(exc.problems)
    report.problems = sorted(dict.fromkeys(problems.items), key=Problem.sort_key)
    return report


def _conventions_locales(project: Project) -> list[str]:
    names = []
    for base in project.locale_dirs:
        for path in base.glob(f"*/{CONVENTIONS_FILE}"):
            names.append(path.parent.name)
    return names
