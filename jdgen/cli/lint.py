"""``jdgen lint``: wording, pay-transparency law and posting hygiene."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from jdgen.cli.app import (
    echo,
    locale_option,
    main,
    project_of,
    report,
    today_option,
)
from jdgen.errors import ExitCode


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, path_type=Path))
@locale_option(
    "Lint roles in these locales (repeatable; default: the project's). For a "
    "text file or standard input (-), the text's language.",
    multiple=True,
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="github: workflow annotations for GitHub Actions.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="error",
    show_default=True,
    help="Exit 1 if a finding is this severe (or more).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=min(os.cpu_count() or 1, 64),
    show_default="the number of CPUs",
    help="Lint roles in this many processes (used from 100 roles up).",
)
@click.option(
    "--channel",
    "channels",
    multiple=True,
    type=click.Choice(["indeed", "linkedin", "infojobs", "all", "site"]),
    help="Check postings by this job board's rules too (repeatable): its limits, and "
    "what it refuses. all: every board; site: the boards the site's feeds go to.",
)
@today_option()
@click.pass_obj
def lint(
    project_dir: Path | None,
    paths: tuple[Path, ...],
    locales: tuple[str, ...],
    fmt: str,
    fail_on: str,
    today: dt.date | None,
    jobs: int,
    channels: tuple[str, ...],
) -> None:
    """Check postings for exclusionary wording (English, Spanish, Chinese), pay-transparency
    law where the job is (27 jurisdictions: US states and cities, Canadian provinces, EU
    member states, China; by employer size and posting date, remote jobs by where
    applicants may work; docs/lint.md lists them), implausible pay, and posting hygiene.
    With no PATHS, every role of the project, in every locale it renders to. A text or
    Markdown file, or - for standard input, needs --locale.

    \b
    Examples:
      jdgen lint
      jdgen lint roles/ml-engineer-china.yaml --format github
      jdgen lint posting.txt --locale en --fail-on warning
      jdgen lint --channel indeed
    """
    from jdgen.lint.engine import lint_paths, render_json

    files = [p for p in paths if str(p) != "-"]
    # A text, Markdown or piped posting is linted on its own; roles need their project.
    texts_only = bool(paths) and all(p.suffix not in (".yaml", ".yml") for p in files)
    texts_only = texts_only and not any(p.is_dir() for p in files)
    project = project_of(project_dir, str(files[0]) if files else None, needed=not texts_only)
    stdin = sys.stdin.read() if Path("-") in paths else None
    result = lint_paths(
        project,
        [p for p in paths if str(p) != "-"],
        locales,
        project.today(today),
        stdin,
        jobs=jobs,
        channels=channels,
    )
    report([*result.problems, *result.notices])
    if fmt == "json":
        click.echo(render_json(result), nl=False)
    elif fmt == "github":
        for finding in result.findings:
            if not finding.suppressed:
                echo(finding.github())
    else:
        for finding in result.findings:
            echo(finding.line())
        counts = {
            s: sum(1 for f in result.findings if f.severity == s and not f.suppressed)
            for s in ("error", "warning", "info")
        }
        suppressed = sum(1 for f in result.findings if f.suppressed)
        echo(
            f"{counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['info']} note(s), {suppressed} suppressed"
        )
    if result.problems:
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))
    if result.failing(fail_on):
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))
