"""``jdgen init``, ``new`` and ``schema``: starting a project and a role, and the schema
editors check role files with."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from jdgen.cli.app import (
    DateParam,
    complete_roles,
    echo,
    locale_option,
    main,
    project_of,
    today_option,
)
from jdgen.errors import Problem, UsageError


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
    workflow. Existing files are never overwritten. The first --locale is the language
    roles are written in.

    \b
    Examples:
      jdgen init careers -l es -l zh -l en --org "Acme"
      jdgen init careers-cn -l zh -l en
    """
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
@click.option(
    "--location",
    "locations",
    multiple=True,
    help='A location (repeatable), with its country: "Madrid, España", "上海，中国".',
)
@click.option(
    "--country",
    metavar="COUNTRY",
    help="The country of the locations that name none (ES, España, 中国).",
)
@click.option(
    "--employment-type",
    metavar="TYPE",
    help="full-time, part-time, contract... or the word in the project's language "
    "(jornada completa, 全职). Default: full-time.",
)
@click.option(
    "--work-arrangement",
    metavar="ARRANGEMENT",
    help="on-site, hybrid or remote, or the word in the project's language. Default: on-site.",
)
@click.option("--headcount", metavar="N", help="How many people the role hires. Default: 1.")
@click.option(
    "--valid-through",
    type=DateParam(),
    help="The last day the posting is open. Default: 90 days after it is posted.",
)
@click.option(
    "--salary-min", metavar="AMOUNT", help="The lowest pay, as the market writes it: 45.000, 45k."
)
@click.option("--salary-max", metavar="AMOUNT", help="The highest pay.")
@click.option("--currency", help="ISO 4217 code (default: the market's, e.g. EUR in es).")
@click.option(
    "--period",
    metavar="PERIOD",
    help="What the pay is for: hour, day, week, month or year (default: the market's, "
    "e.g. month in zh, year in es).",
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
    country: str | None,
    employment_type: str | None,
    work_arrangement: str | None,
    headcount: str | None,
    valid_through: dt.date | None,
    salary_min: str | None,
    salary_max: str | None,
    currency: str | None,
    period: str | None,
    interactive: bool | None,
) -> None:
    """Write roles/ROLE_ID.yaml, a new role that validates and that the pay and posting
    laws of its places accept (its country, openings and closing date included). On a
    terminal it asks, in the project's language, for the title, the places, the kind of
    work and the pay, reading amounts as the market writes them (45.000 € in Spain,
    25K/月 in China) and reading the pay back for confirmation; in scripts, give them as
    options. Answers in the project's language are understood (jornada completa, 全职).

    \b
    Examples:
      jdgen new data-engineer
      jdgen new ana --title Analista --location Madrid,España
      jdgen new ana --title Analista --salary-min 45.000
      jdgen new ml -l zh --title 工程师 --location 上海，中国
    """
    from jdgen.authoring import answers as read
    from jdgen.authoring.scaffold import DAYS_OPEN, NewRole, check_new, new_role
    from jdgen.cli.prompts import ask, choices, without_country
    from jdgen.foundation.locales import parse_locale
    from jdgen.i18n.amounts import AmountError, local_currency
    from jdgen.i18n.localize import Localizer
    from jdgen.lint.pay import usual_period

    project = project_of(project_dir)
    try:
        info = parse_locale(locale or project.config.default_locale)
    except ValueError as exc:
        raise UsageError(Problem(str(exc))) from None
    # The id and the family first: a role that cannot be written is said before any question.
    check_new(project, role_id, family)
    if interactive is None:
        interactive = sys.stdin.isatty()
    posted = project.today()
    loc = Localizer(info, project.locale_dirs)
    closed = choices(loc)
    try:
        given: dict[str, Any] = {
            "title": read.line(title, "--title") if title is not None else None,
            "locations": tuple(read.line(p, "--location") for p in locations),
            "country": read.country(country, info.babel) if country else None,
            "employment_type": closed["employment_type"].read(employment_type, "--employment-type")
            if employment_type
            else None,
            "work_arrangement": closed["work_arrangement"].read(
                work_arrangement, "--work-arrangement"
            )
            if work_arrangement
            else None,
            "headcount": read.headcount(headcount) if headcount is not None else None,
            "valid_through": valid_through,
            "default_valid_through": posted + dt.timedelta(days=DAYS_OPEN),
            "pay": None,
        }
        per = closed["period"].read(period, "--period") if period else None
        if salary_min or salary_max:
            low, high = (_amount(v, o, info) for v, o in ((salary_min, "min"), (salary_max, "max")))
            given["pay"] = (low, high, read.currency(currency) if currency else None, per)
    except (read.AnswerError, AmountError) as exc:
        raise UsageError(Problem(str(exc), hint="jdgen new --help shows the options")) from None
    if valid_through is not None and valid_through < posted:
        raise UsageError(
            Problem(
                f"--valid-through {valid_through.isoformat()} is before the posting opens "
                f"({posted.isoformat()})",
                hint="give the last day applications are taken",
            )
        )
    if interactive:
        given = ask(project, info, posted, given)
    elif given["title"] is None:
        raise UsageError(Problem("--title is required when not on a terminal"))
    if not given["locations"]:
        echo(
            "note: no --location: Google's JobPosting needs one (a remote job: where "
            "applicants may live); add locations: to the role",
            err=True,
        )
    lacking = without_country(given["locations"], info)
    if lacking and not given["country"]:
        raise UsageError(
            Problem(
                f"{', '.join(lacking)}: which country? Google and the pay laws need it",
                hint='write the place with its country ("Madrid, España") or give --country ES',
            )
        )
    low, high, code, per = given["pay"] or (None, None, None, None)
    if low is not None or high is not None:
        where = given["country"] or _country(given["locations"], info)
        if not (code and per):
            code, per = (
                code or local_currency(info.babel, where),
                per or usual_period(info.babel, where),
            )
            if not interactive:
                echo(
                    f"salary: {code} per {per} (the {where or info.tag} market's; "
                    "--currency and --period set them)",
                    err=True,
                )
    path = new_role(
        project,
        NewRole(
            role_id,
            given["title"],
            family,
            locale,
            list(given["locations"]),
            given["employment_type"] or "full-time",
            low,
            high,
            code,
            per or "year",
            work_arrangement=given["work_arrangement"] or "on-site",
            country=given["country"],
            headcount=given["headcount"] or 1,
            valid_through=given["valid_through"] or given["default_valid_through"],
            posted=posted,
        ),
    )
    echo(f"created {project.display(path)}")
    echo(f"next: jdgen i18n update (the texts to translate), jdgen render {role_id}", err=True)


def _amount(text: str | None, end: str, info: Any) -> Any:
    """``--salary-min`` or ``--salary-max`` read in the locale, bounded."""
    from jdgen.authoring import answers
    from jdgen.i18n.amounts import parse_amount

    if not text:
        return None
    option = f"--salary-{end}"
    return answers.check_amount(parse_amount(answers.bounded(text, option), info.babel), option)


def _country(locations: Sequence[str], info: Any) -> str | None:
    """The country the first location that names one is in ("Lima, Perú" → PE)."""
    from jdgen.foundation.locales import country_in

    return next((c for place in locations if (c := country_in(place, info.babel))), None)


@main.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of role files, for editors and checks. Save
    it beside your roles, and start each role file with the line
    "# yaml-language-server: $schema=../role.schema.json" (jdgen init and jdgen new do).

    \b
    Examples:
      jdgen schema > role.schema.json
    """
    from jdgen.project.reference import schema_text

    click.echo(schema_text(), nl=False)
