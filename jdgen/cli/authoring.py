"""``jdgen init``, ``new`` and ``schema``: starting a project and a role, and the schema
editors check role files with."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from jdgen.cli.app import (
    complete_roles,
    echo,
    locale_option,
    main,
    project_of,
    today_option,
)
from jdgen.errors import Problem, UsageError
from jdgen.foundation.vocabulary import EMPLOYMENT_TYPES, PERIODS, WORK_ARRANGEMENTS


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@locale_option(
    "A locale to publish (repeatable; the first is the default). Default: en, es, zh.",
    multiple=True,
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
@today_option("The date to start from (default: $SOURCE_DATE_EPOCH, else today in UTC).")
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
        echo(f"created {(directory / name).as_posix()}")
    echo(f"next: cd {directory} && jdgen validate && jdgen serve", err=True)


@main.command()
@click.argument("role_id")
@click.option("--title", help="The job title (asked for on a terminal).")
@click.option(
    "--extends",
    "family",
    metavar="FAMILY",
    shell_complete=complete_roles,
    help="A role family to build on.",
)
@locale_option("The language the role is written in (default: the project's).")
@click.option("--location", "locations", multiple=True, help="A location (repeatable).")
@click.option(
    "--employment-type", type=click.Choice(EMPLOYMENT_TYPES), help="Full-time, part-time..."
)
@click.option(
    "--work-arrangement", type=click.Choice(WORK_ARRANGEMENTS), help="On-site, hybrid, remote."
)
@click.option(
    "--salary-min", metavar="AMOUNT", help="The lowest pay, as the market writes it: 45.000, 45k."
)
@click.option("--salary-max", metavar="AMOUNT", help="The highest pay.")
@click.option("--currency", help="ISO 4217 code (default: the market's, e.g. EUR in es).")
@click.option(
    "--period",
    type=click.Choice(PERIODS),
    help="What the pay is for (default: the market's, e.g. month in zh, year in es).",
)
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
    work_arrangement: str | None,
    salary_min: str | None,
    salary_max: str | None,
    currency: str | None,
    period: str | None,
    interactive: bool | None,
) -> None:
    """Write roles/ROLE_ID.yaml, a new role that validates. On a terminal it asks, in the
    project's language, for the title, the places, the kind of work and the pay, reading
    amounts as the market writes them (45.000 € in Spain, 25K/月 in China) and reading the
    pay back for confirmation; in scripts, give them as options."""
    from jdgen.authoring.scaffold import NewRole, new_role
    from jdgen.foundation.locales import parse_locale
    from jdgen.i18n.amounts import AmountError, local_currency, parse_amount
    from jdgen.lint.pay import usual_period

    project = project_of(project_dir)
    try:
        info = parse_locale(locale or project.config.default_locale)
    except ValueError as exc:
        raise UsageError(Problem(str(exc))) from None
    if interactive is None:
        interactive = sys.stdin.isatty()
    pay: tuple[Any, Any, str | None, str | None] = (None, None, currency, period)
    if title is None:
        if not interactive:
            raise click.UsageError("--title is required when not on a terminal")
        asked = _ask(project, info)
        title, locations = asked["title"], asked["locations"]
        employment_type = employment_type or asked["employment_type"]
        work_arrangement = work_arrangement or asked["work_arrangement"]
        pay = asked["pay"]
    else:
        try:
            low = parse_amount(salary_min, info.babel) if salary_min else None
            high = parse_amount(salary_max, info.babel) if salary_max else None
        except AmountError as exc:
            raise UsageError(Problem(str(exc), hint="--salary-min / --salary-max")) from None
        if low is not None or high is not None:
            country = _country(locations, info)
            pay = (
                low,
                high,
                currency or local_currency(info.babel, country),
                period or usual_period(info.babel, country),
            )
            if not (currency and period):
                echo(
                    f"salary: {pay[2]} per {pay[3]} (the {country or info.tag} market's; "
                    "--currency and --period set them)",
                    err=True,
                )
    path = new_role(
        project,
        NewRole(
            role_id,
            title,
            family,
            locale,
            list(locations),
            employment_type,
            pay[0],
            pay[1],
            pay[2],
            pay[3] or "year",
            work_arrangement=work_arrangement,
        ),
    )
    echo(f"created {project.display(path)}")


def _country(locations: Sequence[str], info: Any) -> str | None:
    """The country the first location that names one is in ("Lima, Perú" → PE)."""
    from jdgen.foundation.locales import country_in

    return next((c for place in locations if (c := country_in(place, info.babel))), None)


def _places(answer: str, info: Any) -> tuple[str, ...]:
    """The places typed, one per comma; a country after a place is that place's
    ("Toronto, Canada, Lima, Perú" is two places)."""
    from jdgen.foundation.locales import country_in

    out: list[str] = []
    for part in (p.strip() for p in re.split(r"[,，、]", answer)):
        if not part:
            continue
        if out and country_in(part, info.babel) and not country_in(out[-1], info.babel):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return tuple(out)


def _confirm(loc: Any, question: str) -> bool:
    """A yes/no question answered in the project's language (sí, s, 是, 对) or in English
    (y, yes); an empty answer is yes; anything else is asked again."""
    from jdgen.i18n.localize import N_

    yes, no = loc.pgettext(*N_("prompt answer", "yes")), loc.pgettext(*N_("prompt answer", "no"))

    def read(text: str) -> bool:
        answer = text.strip().casefold()
        if answer in {"", "y", "yes", yes.casefold(), yes[:1].casefold(), "对", "是的"}:
            return True
        if answer in {"n", "no", no.casefold(), no[:1].casefold()}:
            return False
        raise click.BadParameter(f"{yes} / {no} (y / n)")

    choices = f"[{yes[:1].upper()}{yes[1:]}/{no}]"  # the capital marks the default
    answer: bool = click.prompt(
        f"{question} {choices}", default="", show_default=False, value_proc=read
    )
    return answer


def _ask(project: Any, info: Any) -> dict[str, Any]:
    """The interactive questions, in the project's language; a wrong answer is asked
    again, and no answer is lost."""
    from jdgen.i18n.amounts import AmountError, PayInput, local_currency, parse_pay
    from jdgen.i18n.localize import N_, Localizer
    from jdgen.lint.pay import usual_period
    from jdgen.project.model import Salary
    from jdgen.project.values import CURRENCY

    loc = Localizer(info, project.locale_dirs)

    def ask(message: tuple[str, str], **kwargs: Any) -> Any:
        return click.prompt(loc.pgettext(*message), **kwargs)

    def read_pay(text: str) -> PayInput:
        try:
            return parse_pay(text, info.babel)
        except AmountError as exc:
            raise click.BadParameter(str(exc)) from None

    def read_currency(text: str) -> str:
        code = text.strip().upper()
        try:
            CURRENCY.convert(code)
        except ValueError as exc:
            raise click.BadParameter(str(exc.args[0])) from None
        return code

    answers: dict[str, Any] = {"title": ask(N_("prompt", "Job title"))}
    places = ask(N_("prompt", "Locations, separated by commas"), default="", show_default=False)
    answers["locations"] = _places(places, info)
    answers["employment_type"] = ask(
        N_("prompt", "Employment type"), type=click.Choice(EMPLOYMENT_TYPES), default="full-time"
    )
    answers["work_arrangement"] = ask(
        N_("prompt", "Work arrangement"), type=click.Choice(WORK_ARRANGEMENTS), default="on-site"
    )
    answers["pay"] = (None, None, None, None)
    example = {"es": "45.000-60.000", "zh": "25K-40K"}.get(info.language, "45,000-60,000")
    while True:
        prompt = loc.pgettext("prompt", "Pay, e.g. {example} (empty: none)").format(example=example)
        pay = click.prompt(prompt, default="", show_default=False, value_proc=read_pay)
        if isinstance(pay, str) or pay.min is None:
            return answers
        country = _country(answers["locations"], info)
        code = pay.currency or ask(
            N_("prompt", "Currency"),
            default=local_currency(info.babel, country) or "EUR",
            value_proc=read_currency,
        )
        per = pay.period or ask(
            N_("prompt", "Pay period"),
            type=click.Choice(PERIODS),
            default=usual_period(info.babel, country),
        )
        shown = loc.salary(Salary(min=pay.min, max=pay.max, currency=code, period=per))
        if _confirm(loc, loc.pgettext("prompt", "{pay}, correct?").format(pay=shown)):
            answers["pay"] = (pay.min, pay.max, code, per)
            return answers


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
