"""The ``jdgen`` group, and what its commands share: the one place where errors become
exit codes, reporting, option types and completion.

Every user mistake arrives here as a :class:`~jdgen.errors.JdgenError` and leaves as
``path:line:col: message`` lines on stderr with a documented exit code.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from jdgen import __version__
from jdgen.errors import ExitCode, JdgenError, Problem, Severity


def complete_roles(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Role ids of the project, for shell completion."""
    from jdgen.project.config import find_project
    from jdgen.project.resolve import role_files

    try:
        ids = role_files(find_project().roles_dir)
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [
        click.shell_completion.CompletionItem(i) for i in sorted(ids) if i.startswith(incomplete)
    ]


def complete_locales(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Locales jdgen can render in this project, for shell completion."""
    from jdgen.i18n.localize import available_locales
    from jdgen.project.config import find_project

    try:
        project = find_project()
        tags = available_locales(project.locale_dirs, project.template_dirs)
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [click.shell_completion.CompletionItem(t) for t in tags if t.startswith(incomplete)]


F = TypeVar("F", bound=Callable[..., Any])


class DateParam(click.ParamType):  # type: ignore[type-arg]
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


def today_option(
    help: str = "Date to check expiry against (default: the config's today, or today in UTC).",
) -> Callable[[F], F]:
    """``--today``: the date that decides what has expired."""
    return click.option("--today", type=DateParam(), help=help)


def strict_option(help: str = "Treat warnings as errors.") -> Callable[[F], F]:
    """``--strict``: warnings count as errors (exit 1)."""
    return click.option("--strict", is_flag=True, help=help)


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


def report_check(
    differences: Sequence[str], out: str, what: str, files: int, refresh: str = ""
) -> None:
    """What ``--check`` found: one line per differing file, a verdict, and exit 1 (with the
    ``refresh`` command, if given) when the tree on disk is stale."""
    for line in differences:
        click.echo(line)
    verdict = "differs from" if differences else "matches"
    click.echo(f"{out} {verdict} a fresh {what} ({files} files)")
    if differences:
        if refresh:
            click.echo(f"refresh it with: {refresh}", err=True)
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))


def report(problems: Sequence[Problem], err: bool = True) -> None:
    for problem in problems:
        click.echo(str(problem), err=err)


def project_of(directory: Path | None, near: str | None = None) -> Any:
    from jdgen.project.config import find_project

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


def strict_error(warnings: Sequence[Problem]) -> JdgenError:
    return JdgenError([w.as_error() for w in warnings if w.severity is Severity.WARNING])
