"""``jdgen init``, ``new`` and ``schema``: starting a project and a role, and the schema
editors check role files with."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from jdgen.cli.app import (
    complete_locales,
    complete_roles,
    echo,
    main,
    project_of,
    today_option,
)
from jdgen.foundation.vocabulary import EMPLOYMENT_TYPES, PERIODS


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-l",
    "--locale",
    "locales",
    multiple=True,
    metavar="LOCALE",
    shell_complete=complete_locales,
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
@click.option(
    "-l",
    "--locale",
    metavar="LOCALE",
    shell_complete=complete_locales,
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
    project = project_of(project_dir)
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
    echo(f"created {project.display(path)}")


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
