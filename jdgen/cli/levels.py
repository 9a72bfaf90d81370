"""``jdgen diff``: two levels of a skills matrix side by side, or a role's change log
between two git revisions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from jdgen.cli.app import (
    command_line,
    complete_roles,
    locale_option,
    main,
    project_of,
    report_and_judge,
    today_option,
    verbose_option,
)
from jdgen.errors import Problem, UsageError
from jdgen.rendering.formats import BINARY_FORMATS, FORMATS


@main.command()
@click.argument("role", shell_complete=complete_roles)
@click.option("--from", "first", metavar="LEVEL", help="The level to compare from (code or name).")
@click.option("--to", "second", metavar="LEVEL", help="The level to compare to (code or name).")
@click.option(
    "--rev",
    metavar="A..B",
    help="Compare the role file between two git revisions instead (A alone: A to the work tree).",
)
@locale_option("Output locale, e.g. es, zh-CN, en. Default: the role's language.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice((*FORMATS, *BINARY_FORMATS, "github")),
    default="markdown",
    show_default=True,
    help="Output format; docx and pdf need -o FILE (pdf: the jdgen[pdf] extra); github is "
    "Markdown for a pull-request comment (with --rev).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of standard output.",
)
@today_option()
@click.option("--strict", is_flag=True, help="Treat warnings (missing translations) as errors.")
@verbose_option()
@click.pass_obj
def diff(
    project_dir: Path | None,
    role: str,
    first: str | None,
    second: str | None,
    rev: str | None,
    locale: str | None,
    fmt: str,
    output: Path | None,
    today: dt.date | None,
    strict: bool,
    verbose: bool,
) -> None:
    """Show what changes from one level of ROLE's skills matrix to another (--from,
    --to), or what changed in ROLE between two git revisions (--rev).

    A level diff gives a summary, a radar and a thermometer chart (HTML, Word, PDF), a
    table per domain with the locale's words for the marks, and the focus of both levels. A
    revision diff names the pay laws to check again when pay or places changed,
    requirements and years added or raised, a changed title, and per locale the
    translations that go fuzzy.

    \b
    Examples:
      jdgen diff ml-engineer-skills --from Int --to Sr
      jdgen diff ml-engineer-skills --from Mid --to Senior -l en -f html -o mid-senior.html
      jdgen diff ml-engineer-skills --from Int --to Sr -l zh -f pdf -o int-sr.zh.pdf
      jdgen diff ml-engineer-lima --rev main..HEAD --format github
      jdgen diff ml-engineer-lima --rev HEAD~1
    """
    from jdgen.foundation.write import write_atomic

    project = project_of(project_dir, role)
    if rev is not None:
        if first or second:
            raise UsageError(Problem("--rev compares revisions; leave out --from and --to"))
        from jdgen.lint.revisions import log_for, render_log

        with command_line():
            log = log_for(project, role, rev)
            result = render_log(project, log, locale, fmt)
    else:
        if not (first and second):
            raise UsageError(
                Problem(
                    "name two levels with --from and --to, or two revisions with --rev",
                    hint="e.g. jdgen diff ROLE --from Mid --to Senior",
                )
            )
        if fmt == "github":
            raise UsageError(Problem("--format github goes with --rev"))
        from jdgen.rendering.leveldiff import render_level_diff
        from jdgen.rendering.renderer import Renderer

        renderer = Renderer(project, project.today(today))
        with command_line():
            ref = renderer.index.path_for(role) if Path(role).exists() else role
            renderer.index.resolve(ref, family_ok=True)
            if locale is not None:
                renderer.locale(locale)
        result = render_level_diff(renderer, ref, first, second, locale, fmt)
    report_and_judge(result.warnings, strict, verbose)
    if fmt in BINARY_FORMATS:
        if output is None:
            raise UsageError(Problem(f"--format {fmt} writes a file: name it with -o FILE"))
        write_atomic(output, result.data)
    elif output is None:
        click.echo(result.text, nl=False)
    else:
        write_atomic(output, result.text)
