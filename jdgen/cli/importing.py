"""``jdgen import``: an ATS's public job-board payload → role files, kept in sync."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jdgen.cli.app import echo, main, project_of, report_warnings, verbose_option
from jdgen.errors import ExitCode, Position, Problem, UsageError
from jdgen.importers import SOURCES


@main.command("import")
@click.argument("source", type=click.Choice(SOURCES))
@click.argument("file", default="-", metavar="[FILE|-]")
@click.option("--check", is_flag=True, help="Write nothing; list the drift and exit 1 if any.")
@click.option("--prune", is_flag=True, help="Remove the roles of postings closed in the ATS.")
@click.option(
    "--language",
    metavar="TAG",
    help="The language the postings are written in (default: what the source says, else "
    "what the text looks like, else the project's default locale).",
)
@click.option(
    "--prefix", default="", metavar="TEXT", help="Put TEXT before the id of every new role."
)
@verbose_option()
@click.pass_obj
def import_(
    project_dir: Path | None,
    source: str,
    file: str,
    check: bool,
    prune: bool,
    language: str | None,
    prefix: str,
    verbose: bool,
) -> None:
    """Import the postings of SOURCE's public job board from FILE (or standard input)
    into role files under roles/, one per posting. jdgen never fetches it: save the
    payload with curl first (docs/import.md gives the line for each source).

    A second import is a sync: what changed in the ATS is updated, everything the team
    added (translations, lint suppressions, other keys) is kept, and a posting closed in
    the ATS is reported (removed only with --prune).

    \b
    Examples:
      curl -s 'https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true' \\
        | jdgen import greenhouse
      jdgen import lever lever.json --check
      jdgen import ashby board.json --prune --language es
    """
    from jdgen.foundation.locales import parse_locale
    from jdgen.i18n.localize import available_locales
    from jdgen.importers import read_postings
    from jdgen.importers.sync import apply, plan

    if prefix and not all(
        (c.isalnum() and c.isascii() and c.islower()) or c == "-" for c in prefix
    ):
        raise click.BadParameter(
            "use lower-case letters, digits and hyphens", param_hint="--prefix"
        )
    if language is not None:
        try:
            parse_locale(language)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--language") from None
    project = project_of(project_dir)
    if file == "-":
        name, data = "<stdin>", sys.stdin.buffer.read()
    else:
        path = Path(file)
        if not path.is_file():
            raise UsageError(
                Problem(
                    "no such file",
                    Position(file),
                    hint="give a saved payload, or - for standard input",
                )
            )
        name, data = file, path.read_bytes()
    postings = read_postings(source, data, name)
    result = plan(
        source,
        postings,
        project.roles_dir,
        name,
        language=language,
        default_language=project.config.default_locale,
        prefix=prefix,
        prune=prune,
        locales=frozenset(available_locales(project.locale_dirs, project.template_dirs)),
    )
    report_warnings(result.warnings, verbose)
    shown = result.drift if not verbose else result.changes
    for change in shown:
        echo(change.line(project.root))
    counts = {
        k: sum(1 for c in result.changes if c.kind == k)
        for k in ("created", "updated", "unchanged", "closed", "removed")
    }
    summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
    if check:
        echo(
            f"{name}: {len(postings)} postings; {summary or 'nothing'}"
            + ("" if result.drift else " (in sync)")
        )
        if result.drift:
            echo(f"refresh with: jdgen import {source} {file}", err=True)
            raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))
        return
    apply(result)
    echo(f"{name}: {len(postings)} postings; {summary or 'nothing to do'}", err=True)
