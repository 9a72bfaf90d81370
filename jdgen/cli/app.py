"""The ``jdgen`` group, and what its commands share: the one place where errors become
exit codes, reporting, option types and completion.

Every user mistake arrives here as a :class:`~jdgen.errors.JdgenError` and leaves as
``path:line:col: message`` lines on stderr with a documented exit code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from jdgen import __version__
from jdgen.errors import ExitCode, JdgenError, NotFoundError, Problem, Severity, UsageError

#: What the machine, not the user's input, got wrong: reported, never a traceback.
_ENVIRONMENT = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT, errno.EIO}
# Control characters (but a line break or tab) and the bidi controls that can make a
# message read as something else on a terminal (U+202E turns text around).
_UNPRINTABLE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """``text`` with control and bidi characters shown as escapes (``\\u202e``)."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


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


def source_date() -> dt.date | None:
    """The date of ``$SOURCE_DATE_EPOCH`` (reproducible-builds.org), if it is set."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(int(value), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise click.BadParameter(
            f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds since 1970",
            param_hint="SOURCE_DATE_EPOCH",
        ) from None


def today_option(
    help: str = "Date to check expiry against (default: $SOURCE_DATE_EPOCH, else today in UTC).",
) -> Callable[[F], F]:
    """``--today``: the date that decides what has expired; for a reproducible build, give
    it or set ``SOURCE_DATE_EPOCH``. Otherwise it is the calendar's (UTC)."""
    return click.option("--today", type=DateParam(), default=source_date, help=help)


def check_locales(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Refuse a malformed tag, or one CLDR does not know, as a usage error (exit 2) before
    the command runs; the values are passed on as the user wrote them."""
    from jdgen.foundation.locales import parse_locale

    for tag in value if isinstance(value, tuple) else () if value is None else (value,):
        try:
            parse_locale(tag)
        except ValueError as exc:
            known = _project_locales()
            hint = f" (available: {', '.join(known)})" if known else ""
            raise click.BadParameter(
                printable(f"unknown locale: {exc}{hint}"), ctx, param
            ) from None
    return value


def _project_locales() -> list[str]:
    """The locales the project in the current directory renders to, or none."""
    from jdgen.i18n.localize import available_locales
    from jdgen.project.config import find_project

    try:
        directory = click.get_current_context().find_root().obj
        project = find_project(directory) if directory else find_project()
        return available_locales(project.locale_dirs, project.template_dirs)
    except Exception:  # only for a hint: a project that does not load gives none
        return []


def locale_option(help: str, multiple: bool = False) -> Callable[[F], F]:
    """``-l/--locale``: one locale (``locale``), or several (``locales``, repeatable);
    each checked by :func:`check_locales`."""
    names = ("-l", "--locale", "locales") if multiple else ("-l", "--locale")
    return click.option(
        *names,
        multiple=multiple,
        metavar="LOCALE",
        shell_complete=complete_locales,
        callback=check_locales,
        help=help,
    )


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
        except (KeyboardInterrupt, click.Abort):  # Ctrl-C, also at a prompt
            click.echo("jdgen: interrupted; no output was written", err=True)
            raise click.exceptions.Exit(int(ExitCode.INTERRUPTED)) from None
        except (click.exceptions.Exit, click.ClickException):
            raise
        except BrokenPipeError:
            _quiet_stdout()  # the reader went away (| head): say nothing more
            raise click.exceptions.Exit(int(ExitCode.OK)) from None
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:  # a name typed on the command line
                name = str(exc.filename or "")
                shown = (
                    name
                    if len(name) <= 60
                    else f"{name[:30]}…{name[-20:]} ({len(name)} characters)"
                )
                click.echo(printable(f"jdgen: {shown}: file name too long"), err=True)
                raise click.exceptions.Exit(int(ExitCode.USAGE)) from None
            if exc.errno not in _ENVIRONMENT:
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            why = (exc.strerror or os.strerror(exc.errno or 0)).lower()
            click.echo(printable(f"jdgen: {where}{why}"), err=True)
            raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT)) from None
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
        echo(str(problem), err=err)


_UNTRANSLATED = re.compile(r"no (?P<tag>\S+) translation for (?P<what>template string )?")


def report_warnings(problems: Sequence[Problem], verbose: bool, err: bool = True) -> None:
    """Problems as a person can read them at any scale: warnings of missing translations
    in one line per file, locale and catalog (each of them with ``verbose``), every other
    problem as it is."""
    if verbose:
        report(problems, err)
        return
    groups: dict[tuple[str, str, str, str], list[Problem]] = {}
    for problem in problems:
        m = _UNTRANSLATED.match(problem.message)
        if m is None or problem.severity is not Severity.WARNING:
            echo(str(problem), err=err)
            continue
        where = problem.position.path if problem.position else ""
        what = "template strings" if m.group("what") else "texts"
        groups.setdefault((where, m.group("tag"), what, problem.hint), []).append(problem)
    for (where, tag, what, hint), found in groups.items():
        if len(found) == 1:
            echo(str(found[0]), err=err)
            continue
        how = hint.replace("translate it", "translate them")
        echo(
            f"{where}: warning: {len(found)} {what} have no {tag} translation; the source "
            f"text is shown ({how}; --verbose lists each)",
            err=err,
        )


def verbose_option() -> Callable[[F], F]:
    """``--verbose``: every warning on a line of its own."""
    return click.option(
        "-v",
        "--verbose",
        is_flag=True,
        help="List every warning (missing translations are otherwise counted per file and locale).",
    )


def echo(text: str, err: bool = False, nl: bool = True) -> None:
    """Print a line of the core's words: control and bidi characters escaped."""
    click.echo(printable(text), err=err, nl=nl)


@contextlib.contextmanager
def command_line() -> Iterator[None]:
    """A role, file or locale named on the command line that does not exist is a usage
    error (exit 2), not a problem of the project (exit 1)."""
    try:
        yield
    except NotFoundError as exc:
        raise UsageError(exc.problems) from None


def _quiet_stdout() -> None:
    """Send what is left for standard output to /dev/null, so that Python's own flush at
    exit finds no broken pipe either."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def run() -> None:
    """The ``jdgen`` console command."""
    try:
        main()
    except BrokenPipeError:  # pragma: no cover - raised outside a command (e.g. --help)
        _quiet_stdout()
        sys.exit(int(ExitCode.OK))


def project_of(directory: Path | None, near: str | None = None, needed: bool = True) -> Any:
    """The project of ``-C DIR``, else the one containing ``near`` (a file named on the
    command line), else the one containing the current directory. Without a
    ``jdgen.yaml`` there is no project: that is the command line's mistake (exit 2),
    reported before anything is read or written, unless the command can do without
    (``needed=False``)."""
    from jdgen.project.config import CONFIG_NAME, find_project

    start = directory or (Path(near) if near is not None and Path(near).is_file() else None)
    project = find_project(start)
    if project.config_path is None and needed:
        where = (start or Path.cwd()).resolve()
        raise UsageError(
            Problem(
                f"no {CONFIG_NAME} found in {where} or any directory above it: "
                "this is not a jdgen project",
                hint="run jdgen inside a careers project, name one with -C DIR, "
                "or start one with: jdgen init DIR",
            )
        )
    return project


@click.group(
    cls=JdgenGroup,
    # Help is wrapped to the terminal (up to 120 columns, past which lines read badly).
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
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
    English, as Markdown, HTML or plain text. Every command takes --help, with examples.

    \b
    Examples:
      jdgen init careers --locale es --locale zh --locale en
      jdgen -C careers validate
      jdgen render data-analyst --locale zh --format text

    \b
    Exit codes:
      0  success
      1  the project has a problem (a role, template,
         catalog or config; a warning with --strict; a
         stale tree with --check); an output cannot be
         written
      2  the command line is wrong (an option; a role,
         file or locale it names; no jdgen.yaml found)
      3  a bug in jdgen (a traceback is printed)
      130 interrupted (Ctrl-C)
    """
    ctx.obj = project_dir


def report_and_judge(warnings: Sequence[Problem], strict: bool, verbose: bool) -> None:
    """Report the warnings; under ``--strict``, say that they count as errors and exit 1
    (before anything is written)."""
    report_warnings(warnings, verbose)
    if strict and warnings:
        echo(f"jdgen: --strict: {len(warnings)} warning(s) count as errors", err=True)
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))
