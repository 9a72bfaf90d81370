"""The ``jdgen`` command: a thin layer that parses options and calls the core.

This is the only module that imports click and the only one that prints or exits.
Every user mistake arrives here as a :class:`~jdgen.errors.JdgenError` and leaves as
``path:line:col: message`` lines on stderr with a documented exit code.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from jdgen import __version__
from jdgen.errors import ExitCode, JdgenError, Problem, Severity
from jdgen.foundation.vocabulary import EMPLOYMENT_TYPES, KINDS, PERIODS
from jdgen.rendering.formats import FORMATS  # a constant only: no Jinja or Babel for `--help`


def _complete_roles(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
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


def _complete_locales(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Locales jdgen can render in this project, for shell completion."""
    from jdgen.i18n.localize import available_locales
    from jdgen.project.config import find_project

    try:
        project = find_project()
        tags = available_locales(project.locale_dirs, project.template_dirs)
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [click.shell_completion.CompletionItem(t) for t in tags if t.startswith(incomplete)]


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


def _report_check(
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


def _project(directory: Path | None, near: str | None = None) -> Any:
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


@main.command()
@click.argument("role", shell_complete=_complete_roles)
@click.option(
    "-l",
    "--locale",
    metavar="LOCALE",
    shell_complete=_complete_locales,
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
    from jdgen.foundation.write import write_atomic
    from jdgen.rendering.renderer import Renderer

    project = _project(project_dir, role)
    renderer = Renderer(project, project.today(today))
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
    from jdgen.lint.validate import validate as run

    project = _project(project_dir, str(paths[0]) if paths else None)
    result = run(project, paths, project.today(today))
    report(result.problems, err=False)
    errors = len(result.errors) + (len(result.warnings) if strict else 0)
    click.echo(
        f"checked {result.roles} role file(s), {result.templates} template(s), "
        f"{result.catalogs} catalog(s), {result.renders} rendering(s): "
        f"{len(result.errors)} error(s), {len(result.warnings)} warning(s)"
    )
    if errors:
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))


@main.command()
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to build the site (default: site/ in the project).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Render in this many processes.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Build nothing; exit 1 if the site in --out "
    "differs from what a build would make (for CI guarding a committed site).",
)
@click.option(
    "--today",
    type=_Date(),
    help="Date that decides which postings have expired (default: config, or today in UTC).",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_obj
def build(
    project_dir: Path | None,
    out: Path | None,
    jobs: int,
    check: bool,
    today: dt.date | None,
    strict: bool,
) -> None:
    """Build the whole careers site: every role in every locale as HTML, Markdown and text;
    an index per locale; sitemap.xml, robots.txt and postings.json.

    \b
    The build is atomic (a failed or interrupted build leaves the previous site as it
    was), incremental (unchanged roles are reused from .jdgen-cache/) and reproducible
    (the same inputs give a byte-identical tree). Postings whose valid_through has passed
    are left out. The output directory is replaced only if a previous build made it:
    jdgen marks it with a .jdgen-site file.
    """
    from jdgen.site.build import build_site

    project = _project(project_dir)
    bar = None
    if sys.stderr.isatty() and not check:
        bar = click.progressbar(length=1, label="Rendering", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

    try:
        result = build_site(project, out, jobs=jobs, today=today, check=check, progress=progress)
    finally:
        if bar is not None:
            bar.render_finish()
    if strict and result.warnings:
        raise _strict_error(result.warnings)
    report(result.warnings)
    report(result.expired)
    if check:
        _report_check(result.differences, f"{result.out}", "build", result.files)
        return
    state = "written" if result.changed else "unchanged"
    click.echo(
        f"built {result.out}: {result.files} files, {result.rendered} role(s) "
        f"rendered, {result.reused} reused, {len(result.expired)} expired; site {state}"
    )


@main.command()
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write (default: examples/documents/ in the project).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 if the tree in --out differs from what an export would "
    "write (for CI guarding a committed one).",
)
@click.option("--today", type=_Date(), help="Date to check expiry against.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_obj
def export(
    project_dir: Path | None, out: Path | None, check: bool, today: dt.date | None, strict: bool
) -> None:
    """Write every document of every role: each kind the role has (posting, hiring
    guide, role profile, skills matrix), in each configured locale and the role's own
    language, as Markdown, HTML and text.

    \b
    Files are named <role>/<kind>.<locale>.<ext>, e.g.
    ml-engineer-china/posting.zh.md. The repository's examples/documents/ is this
    tree: refresh it with `jdgen export`, and let CI run `jdgen export --check`.
    The export is atomic, and replaces only a directory an earlier export made.
    """
    from jdgen.site.export import export as run_export

    project = _project(project_dir)
    result = run_export(project, out, today=today, check=check)
    if strict and result.warnings:
        raise _strict_error(result.warnings)
    report(result.warnings)
    if check:
        _report_check(
            result.differences,
            project.display(result.out),
            "export",
            result.files,
            refresh="jdgen export",
        )
        return
    state = "written" if result.changed else "unchanged"
    click.echo(
        f"exported {project.display(result.out)}: {result.documents} documents, "
        f"{result.files} files; {state}"
    )


@main.command()
@click.option(
    "-p",
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 (0 picks a free one).",
)
@click.pass_obj
def serve(project_dir: Path | None, port: int) -> None:
    """Build the site, serve it on http://127.0.0.1:PORT/, and rebuild whenever a role,
    template, catalog or the config changes. A broken input is reported and the last
    good site stays up. Stop with Ctrl-C."""
    from jdgen.site.serve import Events, Preview

    project = _project(project_dir)

    def built(result: Any) -> None:
        report(result.warnings)
        click.echo(f"built: {result.rendered} rendered, {result.reused} reused", err=True)

    def failed(error: JdgenError) -> None:
        report(error.problems)
        click.echo("build failed; still serving the last good site", err=True)

    try:
        preview = Preview(project.root, port=port, events=Events(built, failed))
    except OSError as exc:
        raise JdgenError(
            Problem(
                f"cannot listen on 127.0.0.1:{port}: {exc.strerror}", hint="choose another --port"
            )
        ) from None
    preview.start()
    click.echo(f"serving {preview.url} (Ctrl-C to stop)", err=True)
    try:
        preview.wait()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        preview.stop()


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-l",
    "--locale",
    "locales",
    multiple=True,
    metavar="LOCALE",
    shell_complete=_complete_locales,
    help="A locale to publish (repeatable; the first is the default). Default: en, es, zh.",
)
@click.option(
    "--org", "organization", default="Example", show_default=True, help="The organisation's name."
)
@click.option(
    "--base-url",
    default="https://careers.example.com/",
    show_default=True,
    help="Where the careers site will be published.",
)
@click.option("--today", type=_Date(), help="The date to start from (default: today, UTC).")
def init(
    directory: Path,
    locales: tuple[str, ...],
    organization: str,
    base_url: str,
    today: dt.date | None,
) -> None:
    """Create a careers project in DIRECTORY: a config, an example role with its
    translations, the role schema for editors, an empty templates/ folder and a CI
    workflow. Existing files are never overwritten."""
    from jdgen.authoring.scaffold import init_project

    for name in init_project(
        directory,
        locales=locales or ("en", "es", "zh"),
        organization=organization,
        base_url=base_url,
        today=today,
    ):
        click.echo(f"created {(directory / name).as_posix()}")
    click.echo(f"next: cd {directory} && jdgen validate && jdgen serve", err=True)


@main.command()
@click.argument("role_id")
@click.option("--title", help="The job title (asked for on a terminal).")
@click.option(
    "--extends",
    "family",
    metavar="FAMILY",
    shell_complete=_complete_roles,
    help="A role family to build on.",
)
@click.option(
    "-l",
    "--locale",
    metavar="LOCALE",
    shell_complete=_complete_locales,
    help="The language the role is written in (default: the project's).",
)
@click.option("--location", "locations", multiple=True, help="A location (repeatable).")
@click.option(
    "--employment-type", type=click.Choice(EMPLOYMENT_TYPES), help="Full-time, part-time..."
)
@click.option("--salary-min", type=click.FloatRange(0), help="The lowest pay.")
@click.option("--salary-max", type=click.FloatRange(0), help="The highest pay.")
@click.option("--currency", help="ISO 4217 code, e.g. EUR.")
@click.option("--period", type=click.Choice(PERIODS), default="year", show_default=True)
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Ask for what is missing. Default: only on a terminal.",
)
@click.pass_obj
def new(
    project_dir: Path | None,
    role_id: str,
    title: str | None,
    family: str | None,
    locale: str | None,
    locations: tuple[str, ...],
    employment_type: str | None,
    salary_min: float | None,
    salary_max: float | None,
    currency: str | None,
    period: str,
    interactive: bool | None,
) -> None:
    """Write roles/ROLE_ID.yaml, a new role that validates. On a terminal it asks for the
    title, the locations and the salary; in scripts, give them as options."""
    from decimal import Decimal

    from jdgen.authoring.scaffold import NewRole, new_role

    if interactive is None:
        interactive = sys.stdin.isatty()
    if title is None:
        if not interactive:
            raise click.UsageError("--title is required when not on a terminal")
        title = click.prompt("Job title")
        places = click.prompt("Locations, separated by commas", default="", show_default=False)
        locations = tuple(p.strip() for p in places.split(",") if p.strip())
        if salary_min is None and salary_max is None:
            pay = click.prompt(
                "Salary range, e.g. 40000-60000 EUR (empty: none)", default="", show_default=False
            )
            salary_min, salary_max, currency = _parse_pay(pay, currency)
    project = _project(project_dir)
    path = new_role(
        project,
        NewRole(
            role_id,
            title,
            family,
            locale,
            list(locations),
            employment_type,
            None if salary_min is None else Decimal(str(salary_min)),
            None if salary_max is None else Decimal(str(salary_max)),
            currency,
            period,
        ),
    )
    click.echo(f"created {project.display(path)}")


def _parse_pay(text: str, currency: str | None) -> tuple[float | None, float | None, str | None]:
    import re

    m = re.fullmatch(r"\s*([\d.,_]+)\s*(?:-\s*([\d.,_]+))?\s*([A-Za-z]{3})?\s*", text)
    if not text.strip():
        return None, None, currency
    if m is None:
        raise click.BadParameter(f"{text!r} is not a range like 40000-60000 EUR")
    low = float(m.group(1).replace(",", "").replace("_", ""))
    high = float(m.group(2).replace(",", "").replace("_", "")) if m.group(2) else None
    return low, high, (m.group(3) or currency or "EUR").upper()


@main.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of role files, for editors and checks.

    \b
    Save it beside your roles and point role files at it:
      jdgen schema > role.schema.json
      # yaml-language-server: $schema=../role.schema.json   (first line of a role)
    """
    from jdgen.project.reference import schema_text

    click.echo(schema_text(), nl=False)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, path_type=Path))
@click.option(
    "-l",
    "--locale",
    "locales",
    multiple=True,
    metavar="LOCALE",
    shell_complete=_complete_locales,
    help="Lint roles in these locales (repeatable; default: the project's). For a "
    "text file or standard input (-), the text's language.",
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
@click.option("--today", type=_Date(), help="Date to check expiry against.")
@click.pass_obj
def lint(
    project_dir: Path | None,
    paths: tuple[Path, ...],
    locales: tuple[str, ...],
    fmt: str,
    fail_on: str,
    today: dt.date | None,
) -> None:
    """Check postings for exclusionary wording (English, Spanish, Chinese), pay-transparency
    law where the job is (EU, New York City, Colorado, California, Washington, China), and
    posting hygiene. With no PATHS, every role of the project, in every locale it renders
    to. A text or Markdown file, or - for standard input, needs --locale.

    \b
    Examples:
      jdgen lint
      jdgen lint roles/ml-engineer-china.yaml --format github
      jdgen lint posting.txt --locale en --fail-on warning
    """
    from jdgen.lint.engine import lint_paths, render_json

    project = _project(project_dir, str(paths[0]) if paths and str(paths[0]) != "-" else None)
    stdin = sys.stdin.read() if Path("-") in paths else None
    result = lint_paths(
        project,
        [p for p in paths if str(p) != "-"],
        locales,
        project.today(today),
        stdin,
    )
    report(result.problems)
    if fmt == "json":
        click.echo(render_json(result), nl=False)
    elif fmt == "github":
        for finding in result.findings:
            if not finding.suppressed:
                click.echo(finding.github())
    else:
        for finding in result.findings:
            click.echo(finding.line())
        counts = {
            s: sum(1 for f in result.findings if f.severity == s and not f.suppressed)
            for s in ("error", "warning", "info")
        }
        suppressed = sum(1 for f in result.findings if f.suppressed)
        click.echo(
            f"{counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['info']} note(s), {suppressed} suppressed"
        )
    if result.problems:
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))
    if result.failing(fail_on):
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))


@main.group()
def i18n() -> None:
    """Translation catalogs (gettext PO files in locales/) for translators and CI.

    \b
    Typical round:
      jdgen i18n update          extract the texts and merge them into every catalog
      (translate locales/<locale>/LC_MESSAGES/*.po in Poedit, Weblate or an editor)
      jdgen i18n check           check the translations
      jdgen i18n status          see what is left
    """


@i18n.command()
@click.pass_obj
def extract(project_dir: Path | None) -> None:
    """Write the message templates (locales/*.pot) from the templates and roles."""
    from jdgen.i18n.workflow import extract as run
    from jdgen.i18n.workflow import write_pots

    for change in write_pots(p := _project(project_dir), run(p)):
        click.echo(str(change))


@i18n.command()
@click.option(
    "-l",
    "--locale",
    "locales",
    multiple=True,
    metavar="LOCALE",
    help="Only update this locale's catalogs (repeatable).",
)
@click.pass_obj
def update(project_dir: Path | None, locales: tuple[str, ...]) -> None:
    """Extract, then merge into every catalog: created / updated +N -M / unchanged.

    A changed source text makes its translation fuzzy, with the previous text kept for
    comparison; a removed text becomes obsolete (#~).
    """
    from jdgen.i18n.workflow import update as run

    for change in run(_project(project_dir), locales):
        click.echo(str(change))


@i18n.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    metavar="PCT",
    help="Exit 1 if any catalog is less than PCT percent translated.",
)
@click.pass_obj
def status(project_dir: Path | None, fmt: str, fail_under: float | None) -> None:
    """How much of each catalog is translated, per locale: what readers will see.

    A regional catalog (es_AR) counts what its parent (es) translates.
    """
    import json

    from jdgen.i18n.workflow import status as run

    rows = run(_project(project_dir))
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "locale": r.locale,
                        "catalog": r.domain,
                        "translated": r.translated,
                        "fuzzy": r.fuzzy,
                        "untranslated": r.untranslated,
                        "percent": r.percent,
                    }
                    for r in rows
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        width = max([len(r.domain) for r in rows] + [7])
        click.echo(
            f"{'locale':<8} {'catalog':<{width}} {'translated':>10} {'fuzzy':>6} "
            f"{'untranslated':>12} {'%':>6}"
        )
        for r in sorted(rows, key=lambda r: (r.locale, r.domain)):
            click.echo(
                f"{r.locale:<8} {r.domain:<{width}} {r.translated:>10} {r.fuzzy:>6} "
                f"{r.untranslated:>12} {r.percent:>6.1f}"
            )
    if fail_under is not None:
        low = [r for r in rows if r.percent < fail_under]
        for r in low:
            click.echo(
                f"{r.locale} {r.domain}: {r.percent:.1f}% is under {fail_under:g}%", err=True
            )
        if low:
            raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))


@i18n.command()
@click.option("--no-msgfmt", is_flag=True, help="Skip `msgfmt --check`.")
@click.pass_obj
def check(project_dir: Path | None, no_msgfmt: bool) -> None:
    """Check every catalog: syntax, plural forms, placeholders, Chinese punctuation,
    whitespace, and `msgfmt --check`."""
    from jdgen.i18n.workflow import catalog_files
    from jdgen.i18n.workflow import check as run

    project = _project(project_dir)
    problems = run(project, use_msgfmt=not no_msgfmt)
    report(problems, err=False)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    click.echo(f"checked {len(catalog_files(project))} catalog(s): {len(errors)} error(s)")
    if errors:
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))


@i18n.command("init")
@click.argument("locale")
@click.pass_obj
def i18n_init(project_dir: Path | None, locale: str) -> None:
    """Start catalogs for LOCALE (e.g. es-MX, en-GB): every text, none translated yet, so
    everything falls back to the parent locale until a translator overrides it."""
    from jdgen.i18n.workflow import init as run

    try:
        changes = run(_project(project_dir), locale)
    except ValueError as exc:
        raise JdgenError(Problem(str(exc))) from None
    for change in changes:
        click.echo(str(change))


def _strict_error(warnings: Sequence[Problem]) -> JdgenError:
    return JdgenError([w.as_error() for w in warnings if w.severity is Severity.WARNING])
