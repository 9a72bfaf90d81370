"""``jdgen i18n``: the translator workflow (extract, update, status, check, init)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from jdgen.cli.app import (
    echo,
    locale_option,
    main,
    project_of,
    report,
)
from jdgen.errors import ExitCode, Problem, Severity, UsageError


@main.group()
def i18n() -> None:
    """Translation catalogs (gettext PO files in locales/) for translators and CI.

    A round: update extracts the texts and merges them into every catalog; translate
    locales/<locale>/LC_MESSAGES/*.po in Poedit, Weblate or an editor; check checks the
    translations; status shows what is left.

    \b
    Examples:
      jdgen i18n update
      jdgen i18n check
      jdgen i18n status
    """


@i18n.command()
@click.pass_obj
def extract(project_dir: Path | None) -> None:
    """Write the message templates (locales/*.pot) from the templates and roles. (update
    does this too, then merges them into the catalogs.)

    \b
    Examples:
      jdgen i18n extract
    """
    from jdgen.i18n.extract import extract as run
    from jdgen.i18n.update import write_pots

    for change in write_pots(p := project_of(project_dir), run(p)):
        echo(str(change))


@i18n.command()
@locale_option("Only update this locale's catalogs (repeatable).", multiple=True)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 if an update would change a catalog (for CI).",
)
@click.pass_obj
def update(project_dir: Path | None, locales: tuple[str, ...], check: bool) -> None:
    """Extract, then merge into every catalog: created / updated +N -M / unchanged.

    A changed source text makes its translation fuzzy, with the previous text kept for
    comparison; a removed text becomes obsolete (#~). Run it after changing a role.

    \b
    Examples:
      jdgen i18n update
      jdgen i18n update --locale zh
    """
    from jdgen.i18n.update import update as run

    changes = run(project_of(project_dir), locales, check=check)
    stale = [c for c in changes if c.action.startswith("would")]
    for change in stale if check else changes:
        echo(str(change))
    if stale:
        echo(
            f"{len(stale)} catalog(s) are not what `jdgen i18n update` writes; "
            "run it and commit the result",
            err=True,
        )
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))


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
@click.option(
    "--words",
    is_flag=True,
    help="Also show the source words left to translate or review: how much work it is.",
)
@click.pass_obj
def status(project_dir: Path | None, fmt: str, fail_under: float | None, words: bool) -> None:
    """How much of each catalog is translated, per locale: what readers will see.

    A regional catalog (es_AR) counts what its parent (es) translates. A fuzzy entry (a
    changed source, or a draft from `i18n init --from`) is not done.

    \b
    Examples:
      jdgen i18n status
      jdgen i18n status --fail-under 100
      jdgen i18n status --words --format json
    """
    import json

    from jdgen.i18n.status import status as run

    rows = run(project_of(project_dir))
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
                        "words_left": r.words_left,
                    }
                    for r in rows
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        width = max([len(r.domain) for r in rows] + [7])
        extra = f" {'words left':>10}" if words else ""
        echo(
            f"{'locale':<8} {'catalog':<{width}} {'translated':>10} {'fuzzy':>6} "
            f"{'untranslated':>12} {'%':>6}{extra}"
        )
        for r in sorted(rows, key=lambda r: (r.locale, r.domain)):
            extra = f" {r.words_left:>10}" if words else ""
            echo(
                f"{r.locale:<8} {r.domain:<{width}} {r.translated:>10} {r.fuzzy:>6} "
                f"{r.untranslated:>12} {r.percent:>6.1f}{extra}"
            )
        if words:
            echo(f"{sum(r.words_left for r in rows)} word(s) left in all")
    if fail_under is not None:
        low = [r for r in rows if r.percent < fail_under]
        for r in low:
            echo(f"{r.locale} {r.domain}: {r.percent:.1f}% is under {fail_under:g}%", err=True)
        if low:
            raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))


@i18n.command()
@click.option("--no-msgfmt", is_flag=True, help="Skip `msgfmt --check`.")
@click.pass_obj
def check(project_dir: Path | None, no_msgfmt: bool) -> None:
    """Check every catalog: syntax, plural forms, placeholders, Chinese punctuation,
    whitespace, and `msgfmt --check`.

    \b
    Examples:
      jdgen i18n check
      jdgen i18n check --no-msgfmt
    """
    from jdgen.i18n.check import catalog_files
    from jdgen.i18n.check import check as run

    project = project_of(project_dir)
    problems = run(project, use_msgfmt=not no_msgfmt)
    report(problems, err=False)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    echo(f"checked {len(catalog_files(project))} catalog(s): {len(errors)} error(s)")
    if errors:
        raise click.exceptions.Exit(int(ExitCode.INVALID_INPUT))


@i18n.command("init")
@click.argument("locale")
@click.option(
    "--from",
    "source",
    metavar="LOCALE",
    help="Draft every text from this locale (zh for zh-TW, through OpenCC; es for es-ES), "
    "marked fuzzy for review.",
)
@click.pass_obj
def i18n_init(project_dir: Path | None, locale: str, source: str | None) -> None:
    """Add LOCALE (a language, pt-BR, or a region, es-MX) to the project in one step: its
    catalogs, every text untranslated so that everything falls back to the parent locale
    (or the source) until a translator overrides it; the locale in jdgen.yaml, so build,
    export and validate include it; and a conventions file to fill in.

    With --from, each text is drafted from a related locale instead (zh-TW from zh's
    Simplified text through OpenCC, then the locale's glossary.yaml; es-ES from es). The
    drafts are fuzzy: they are not translations until reviewed, `i18n status` counts them
    as not done, and a page shows them only marked, where fallback_pages allows it.

    \b
    Examples:
      jdgen i18n init zh
      jdgen i18n init es-MX
      jdgen i18n init zh-TW --from zh
    """
    from jdgen.i18n.newlocale import conventions_file, enable
    from jdgen.i18n.update import init as run

    project = project_of(project_dir)
    try:
        changes = run(project, locale, source)
    except ValueError as exc:  # not a locale tag: the command line is wrong
        raise UsageError(Problem(str(exc))) from None
    if any(c.action == "created" for c in changes):
        from jdgen.authoring.scaffold import translate_example

        translate_example(project)  # jdgen init's example has its text in es, zh and en
    for change in changes:
        echo(str(change))
    written = conventions_file(project, locale)
    if written:
        echo(f"{written[1]} {written[0]} (fill in what the locale writes differently)")
    config, action = enable(project, locale)
    if action in ("updated", "unchanged"):
        echo(f"{action} {config}")
    else:
        echo(f"{config}: {action}", err=True)


@i18n.group()
def xliff() -> None:
    """XLIFF 1.2 for CAT tools (Trados, memoQ, Phrase): one file per locale out, the
    translator's file back in. Every context, both languages and the fuzzy state survive.
    Export, translate the file in the CAT tool, import it.

    \b
    Examples:
      jdgen i18n xliff export es -o es.xlf
      jdgen i18n xliff import es.xlf
    """


@xliff.command("export")
@click.argument("locale")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (default: LOCALE.xlf in the current directory).",
)
@click.pass_obj
def xliff_export(project_dir: Path | None, locale: str, output: Path | None) -> None:
    """Write LOCALE's catalogs (locales/<locale>/LC_MESSAGES/*.po) as one XLIFF file.

    \b
    Examples:
      jdgen i18n xliff export zh -o zh.xlf
    """
    from jdgen.foundation.locales import parse_locale
    from jdgen.foundation.write import check_output_file, write_atomic
    from jdgen.i18n.xliff import export

    project = project_of(project_dir)
    try:
        tag = parse_locale(locale).tag
    except ValueError as exc:
        raise UsageError(Problem(str(exc))) from None
    data, units = export(project, tag)
    if not units:
        raise UsageError(
            Problem(f"no {tag} catalogs to export", hint=f"start them: jdgen i18n init {tag}")
        )
    path = output or Path(f"{tag}.xlf")
    check_output_file(path, _inputs(project), option="-o")
    write_atomic(path, data)
    echo(f"wrote {path}: {units} units")


@xliff.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def xliff_import(project_dir: Path | None, file: Path) -> None:
    """Bring a translated XLIFF file back into the catalogs it was exported from. Nothing
    is written unless every unit finds its entry.

    \b
    Examples:
      jdgen i18n xliff import zh.xlf
    """
    from jdgen.i18n.xliff_read import import_xliff

    project = project_of(project_dir)
    for done in import_xliff(project, file.read_bytes(), str(file)):
        echo(f"{done.action} {done.path} ({done.changed} changed)")


def _inputs(project: Any) -> list[Path]:
    """What an output option must never overwrite: the project's config and sources."""
    from jdgen.project.config import CONFIG_NAME

    return [
        project.root / CONFIG_NAME,
        project.roles_dir,
        *project.template_dirs,
        *project.locale_dirs,
    ]
