"""``jdgen render`` and ``validate``: one role as one document, and a whole project
checked."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from jdgen.cli.app import (
    command_line,
    complete_roles,
    echo,
    locale_option,
    main,
    project_of,
    report_and_judge,
    report_warnings,
    strict_option,
    today_option,
    verbose_option,
)
from jdgen.errors import ExitCode, Position, Problem, Severity, UsageError
from jdgen.foundation.vocabulary import KINDS
from jdgen.rendering.formats import ALL_FORMATS, BINARY_FORMATS


def _width(value: int | None) -> int | None:
    if value is not None and 0 < value < 20:
        raise click.BadParameter(f"{value} is too narrow; use 20 to 400, or 0 for no wrapping")
    return value


@main.command()
@click.argument("role", shell_complete=complete_roles)
@locale_option("Output locale, e.g. es, es-AR, zh-CN, en-GB. Default: the role's language.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(ALL_FORMATS),
    default="markdown",
    show_default=True,
    help="Output format. docx and pdf are documents to print (pdf needs jdgen[pdf]).",
)
@click.option(
    "-k",
    "--kind",
    type=click.Choice(KINDS),
    default="posting",
    show_default=True,
    help="Which document to render.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of standard output.",
)
@click.option(
    "-w",
    "--width",
    type=click.IntRange(0, 400),
    callback=lambda ctx, param, value: _width(value),
    help="Line width of plain text, in display columns (CJK characters count 2); 0 for "
    "pasting into a job board: no wrapping, no underlines.",
)
@today_option()
@strict_option("Treat warnings (missing translations, expired postings) as errors.")
@verbose_option()
@click.pass_obj
def render(
    project_dir: Path | None,
    role: str,
    locale: str | None,
    fmt: str,
    kind: str,
    output: Path | None,
    width: int | None,
    today: dt.date | None,
    strict: bool,
    verbose: bool,
) -> None:
    """Render ROLE (a role id or a YAML file) as one document.

    \b
    Examples:
      jdgen render ml-engineer-china --locale zh --format text
      jdgen render roles/ml-engineer-lima.yaml -f html
      jdgen render ml-engineer -k interview-kit -l zh -f docx -o kit.zh.docx
    """
    from jdgen.foundation.write import write_atomic
    from jdgen.rendering.renderer import Renderer

    project = project_of(project_dir, role)
    renderer = Renderer(project, project.today(today))
    with command_line():  # a role or locale that does not exist: the command line is wrong
        ref = renderer.index.path_for(role) if Path(role).exists() else role
        renderer.index.resolve(ref, family_ok=kind != "posting")
        if locale is not None:
            renderer.locale(locale)
    if fmt in BINARY_FORMATS and output is None and sys.stdout.isatty():
        raise UsageError(
            Problem(f"{fmt} is a binary file, not for a terminal", hint="add -o FILE.{fmt}")
        )
    result = renderer.render(ref, locale, kind, fmt, width)
    report_and_judge([*_unconfigured(project, locale), *result.warnings], strict, verbose)
    if fmt in BINARY_FORMATS:
        if output is None:
            sys.stdout.buffer.write(result.data)
            sys.stdout.flush()
        else:
            write_atomic(output, result.data)
    elif output is None:
        click.echo(result.text, nl=False)
    else:
        write_atomic(output, result.text)


def _unconfigured(project: Any, locale: str | None) -> list[Problem]:
    """A warning when ``--locale`` is none of the project's: it renders (the built-in
    catalogs may have it), but the site, export and validate leave it out."""
    from jdgen.foundation.locales import parse_locale, same_locale

    if locale is None:
        return []
    tag = parse_locale(locale).tag
    configured = project.config.locales
    if any(same_locale(tag, t) or parse_locale(t).tag == tag for t in configured):
        return []
    where = project.display(project.config_path) if project.config_path else "jdgen.yaml"
    return [
        Problem(
            f"{tag} is not one of the project's locales ({', '.join(configured)}): the site, "
            "export and validate leave it out",
            Position(where),
            "locales",
            severity=Severity.WARNING,
            hint=f"add it with: jdgen i18n init {tag}",
        )
    ]


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@today_option()
@strict_option()
@verbose_option()
@click.pass_obj
def validate(
    project_dir: Path | None,
    paths: tuple[Path, ...],
    today: dt.date | None,
    strict: bool,
    verbose: bool,
) -> None:
    """Check roles, templates, catalogs and config, and report every problem.

    With no PATHS, checks the whole project. Each publishable role is also rendered in
    every configured locale, so that template errors and missing translations show up.
    A missing translation is a warning: --strict (as CI runs it) makes it an error.

    \b
    Examples:
      jdgen validate
      jdgen validate roles/data-analyst.yaml --verbose
      jdgen validate --strict
    """
    from jdgen.lint.validate import validate as run

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise UsageError([Problem("no such file or directory", Position(str(p))) for p in missing])
    project = project_of(project_dir, str(paths[0]) if paths else None)
    result = run(project, paths, project.today(today))
    report_warnings(result.problems, verbose, err=False)
    strictly = " (--strict: warnings count as errors)" if strict and result.warnings else ""
    echo(
        f"checked {result.roles} role file(s), {result.templates} template(s), "
        f"{result.catalogs} catalog(s), {result.renders} rendering(s): "
        f"{len(result.errors)} error(s), {len(result.warnings)} warning(s){strictly}"
    )
    if result.errors or strictly:
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))
