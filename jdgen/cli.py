"""The ``jdgen`` command: a thin layer that parses options and calls the core.

This is the only module that imports click and the only one that prints or exits.
Every user mistake arrives here as a :class:`~jdgen.errors.JdgenError` and leaves as
``path:line:col: message`` lines on stderr with a documented exit code.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import ExitCode, JdgenError, Problem, Severity

# Repeated here (and pinned equal by a test) so that `jdgen --help` need not import
# Jinja and Babel.
FORMATS = ("markdown", "html", "text")
KINDS = ("posting",)


class _Date(click.ParamType):  # type: ignore[type-arg]
    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date written YYYY-MM-DD", param, ctx)


class JdgenGroup(click.Group):
    """Maps errors to exit codes in one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JdgenError as exc:
            report(exc.problems)
            raise click.exceptions.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt:
            click.echo("jdgen: interrupted; no output was written", err=True)
            raise click.exceptions.Exit(int(ExitCode.INTERRUPTED)) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception:
            click.echo(traceback.format_exc(), err=True, nl=False)
            click.echo(
                "jdgen: internal error: this is a bug in jdgen, please report it "
                "with the lines above.",
                err=True,
            )
            raise click.exceptions.Exit(int(ExitCode.INTERNAL)) from None


def report(problems: Sequence[Problem], err: bool = True) -> None:
    for problem in problems:
        click.echo(str(problem), err=err)


def _project(directory: Path | None, near: str | None = None) -> Any:
    from .config import find_project

    if directory is not None:
        return find_project(directory)
    if near is not None and Path(near).is_file():
        return find_project(Path(near))
    return find_project()


@click.group(
    cls=JdgenGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="jdgen")
@click.option(
    "-C",
    "--project",
    "project_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Run in this project directory instead of the one containing the current "
    "directory (found by its jdgen.yaml).",
)
@click.pass_context
def main(ctx: click.Context, project_dir: Path | None) -> None:
    """jdgen turns a role written once in YAML into job postings in Spanish, Chinese and
    English, as Markdown, HTML or plain text.

    \b
    Exit codes:
      0  success
      1  invalid input: a role, template, catalog or config has a problem
      2  usage error: a wrong option or argument
      3  internal error: a bug in jdgen (a traceback is printed)
      130 interrupted (Ctrl-C)
    """
    ctx.obj = project_dir


@main.command()
@click.argument("role")
@click.option(
    "-l",
    "--locale",
    metavar="LOCALE",
    help="Output locale, e.g. es, es-AR, zh-CN, en-GB. Default: the role's language.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="markdown",
    show_default=True,
    help="Output format.",
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
    type=click.IntRange(20, 400),
    help="Line width of plain text, in display columns (CJK characters count 2).",
)
@click.option(
    "--today", type=_Date(), help="Date to check expiry against (default: config, or today in UTC)."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Treat warnings (missing translations, expired postings) as errors.",
)
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
) -> None:
    """Render ROLE (a role id or a YAML file) as one document.

    \b
    Examples:
      jdgen render ml-engineer-china --locale zh --format text
      jdgen render roles/ml-engineer-lima.yaml -l en -f html -o posting.html
    """
    from .render import Renderer
    from .write import write_atomic

    project = _project(project_dir, role)
    renderer = Renderer(project, today or project.config.today or _utc_today())
    result = renderer.render(Path(role) if Path(role).is_file() else role, locale, kind, fmt, width)
    if result.warnings:
        if strict:
            raise _strict_error(result.warnings)
        report(result.warnings)
    if output is None:
        click.echo(result.text, nl=False)
    else:
        write_atomic(output, result.text)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--today", type=_Date(), help="Date to check expiry against.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_obj
def validate(
    project_dir: Path | None, paths: tuple[Path, ...], today: dt.date | None, strict: bool
) -> None:
    """Check roles, templates, catalogs and config, and report every problem.

    With no PATHS, checks the whole project. Each publishable role is also rendered in
    every configured locale, so that template errors and missing translations show up.
    """
    from .validate import validate as run

    project = _project(project_dir, str(paths[0]) if paths else None)
    result = run(project, paths, today or project.config.today or _utc_today())
    report(result.problems, err=False)
    errors = len(result.errors) + (len(result.warnings) if strict else 0)
    click.echo(
        f"checked {result.roles} role file(s), {result.templates} template(s), "
        f"{result.catalogs} catalog(s), {result.renders} rendering(s): "
        f"{len(result.errors)} error(s), {len(result.warnings)} warning(s)"
    )
    if errors:
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))


def _strict_error(warnings: Sequence[Problem]) -> JdgenError:
    return JdgenError([w.as_error() for w in warnings if w.severity is Severity.WARNING])


def _utc_today() -> dt.date:
    # The machine's time zone must not change results: "today" is the UTC date.
    return dt.datetime.now(dt.UTC).date()
