"""``jdgen build``, ``export`` and ``serve``: the careers site and the exported
documents."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

import click

from jdgen.cli.app import (
    echo,
    main,
    project_of,
    report,
    report_and_judge,
    report_check,
    report_warnings,
    strict_option,
    today_option,
    verbose_option,
)
from jdgen.errors import ExitCode, JdgenError, Problem
from jdgen.rendering.formats import ALL_FORMATS, FORMATS


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
    default=min(os.cpu_count() or 1, 64),
    show_default="the number of CPUs",
    help="Render in this many processes (used when more than 64 roles need rendering).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Build nothing; exit 1 if the site in --out "
    "differs from what a build would make (for CI guarding a committed site).",
)
@today_option(
    "Date that decides which postings have expired (default: $SOURCE_DATE_EPOCH, else "
    "today in UTC)."
)
@strict_option()
@verbose_option()
@click.option(
    "--changes",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the URLs of the pages this build added, updated and removed to this JSON "
    "file, for CI to tell search engines and job boards (Google's Indexing API).",
)
@click.pass_obj
def build(
    project_dir: Path | None,
    out: Path | None,
    jobs: int,
    check: bool,
    today: dt.date | None,
    strict: bool,
    verbose: bool,
    changes: Path | None,
) -> None:
    """Build the whole careers site: every role in every locale as HTML, Markdown and text;
    an index per locale; sitemap.xml, robots.txt and postings.json.

    The build is atomic (a failed or interrupted build leaves the previous site as it
    was), incremental (unchanged roles are reused from .jdgen-cache/) and reproducible
    (the same inputs give a byte-identical tree). Postings whose valid_through has passed
    are left out. The output directory is replaced only if a previous build made it.

    \b
    Examples:
      jdgen build
      jdgen build --out public --today 2026-03-01
      jdgen build --check --out site
    """
    from jdgen.site.build import build_site

    project = project_of(project_dir)
    if changes is not None:  # before anything is built: the option is wrong, not the build
        _check_changes_file(project, changes, out)
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
    report_and_judge(result.warnings, strict, verbose)
    report(result.expired)
    if check:
        report_check(result.differences, f"{result.out}", "build", result.files)
        return
    if changes is not None:
        import json

        from jdgen.foundation.write import write_atomic

        write_atomic(changes, json.dumps(result.changes, indent=1) + "\n")
    state = "written" if result.changed else "unchanged"
    echo(
        f"built {result.out}: {result.files} files, {result.rendered} role(s) "
        f"rendered, {result.reused} reused, {len(result.expired)} expired; site {state}"
    )


def _check_changes_file(project: Any, changes: Path, out: Path | None) -> None:
    """``--changes FILE`` never overwrites an input (the config, a role, a template, a
    catalog) nor writes into the site or the cache."""
    from jdgen.foundation.write import check_output_file
    from jdgen.project.config import CONFIG_NAME
    from jdgen.site.build import CACHE_DIR

    inputs = [
        project.root / CONFIG_NAME,
        project.roles_dir,
        *project.template_dirs,
        *project.locale_dirs,
    ]
    outputs = [out or project.root / "site", project.root / CACHE_DIR]
    check_output_file(changes, inputs, outputs, option="--changes")


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
@click.option(
    "-f",
    "--format",
    "formats",
    type=click.Choice(ALL_FORMATS),
    multiple=True,
    help="A format to write; repeat for more (default: markdown, html and text). docx and "
    "pdf are documents to print (pdf needs jdgen[pdf]); they need --out.",
)
@today_option()
@strict_option()
@verbose_option()
@click.pass_obj
def export(
    project_dir: Path | None,
    out: Path | None,
    check: bool,
    formats: tuple[str, ...],
    today: dt.date | None,
    strict: bool,
    verbose: bool,
) -> None:
    """Write every document of every role: each kind the role has (posting, hiring
    guide, role profile, skills matrix, interview kit), in each configured locale and
    the role's own language, as Markdown, HTML and text, or as --format docx / pdf.

    Files are named <role>/<kind>.<locale>.<ext>, e.g. ml-engineer-china/posting.zh.md,
    under examples/documents/ in the project unless --out says where. To keep a committed
    copy current, refresh it with `jdgen export` and let CI run `jdgen export --check`.
    The export is atomic, and replaces only a directory an earlier export made.

    \b
    Examples:
      jdgen export
      jdgen export --out documents
      jdgen export --check --strict
      jdgen export --format docx --format pdf --out print
    """
    from jdgen.site.export import export as run_export

    project = project_of(project_dir)
    result = run_export(project, out, today=today, check=check, formats=formats or FORMATS)
    report_and_judge(result.warnings, strict, verbose)
    if check:
        report_check(
            result.differences,
            project.display(result.out),
            "export",
            result.files,
            refresh="jdgen export",
        )
        return
    state = "written" if result.changed else "unchanged"
    echo(
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
    good site stays up. Stop with Ctrl-C.

    \b
    Examples:
      jdgen serve
      jdgen serve --port 8080
    """
    from jdgen.site.serve import Events, Preview

    project = project_of(project_dir)

    def built(result: Any) -> None:
        report_warnings(result.warnings, verbose=False)
        echo(f"built: {result.rendered} rendered, {result.reused} reused", err=True)

    def failed(error: JdgenError) -> None:
        report(error.problems)
        echo("build failed; still serving the last good site", err=True)

    try:
        preview = Preview(project.root, port=port, events=Events(built, failed))
    except OSError as exc:
        raise JdgenError(
            Problem(
                f"cannot listen on 127.0.0.1:{port}: {exc.strerror}", hint="choose another --port"
            )
        ) from None
    try:
        preview.start()
        echo(f"serving {preview.url} (Ctrl-C to stop)", err=True)
        preview.wait()
    except KeyboardInterrupt:  # the one way to stop it, and told as every Ctrl-C is: 130
        echo("stopped", err=True)
        raise click.exceptions.Exit(int(ExitCode.INTERRUPTED)) from None
    finally:
        preview.stop()
