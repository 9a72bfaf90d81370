"""Start a careers project (``jdgen init``) and new roles in it (``jdgen new``)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from jdgen.errors import (
    InvalidInputError,
    JdgenError,
    NotFoundError,
    Position,
    Problem,
    UsageError,
    did_you_mean,
)
from jdgen.foundation.locales import country_in, parse_locale
from jdgen.foundation.write import write_atomic
from jdgen.i18n.pofile import render_po
from jdgen.i18n.update import update
from jdgen.project.config import CONFIG_NAME, Project, find_project, parse_config
from jdgen.project.keys import stable_context
from jdgen.project.reference import SCHEMA_FILE, schema_line, schema_text
from jdgen.project.resolve import RoleIndex, role_files
from jdgen.site.pages import json_number

SKELETON = Path(__file__).resolve().parent / "skeleton"
EXAMPLE_ID = "data-analyst"
EXAMPLE_LANGUAGES = ("en", "es", "zh")  # the example role is written in these
#: How long a new posting stays open when nobody says: China's rules (and Google) want
#: the validity stated.
DAYS_OPEN = 90
WORKFLOW = ".github/workflows/careers-site.yml"

TEMPLATES_README = """\
# Template overrides

jdgen's built-in templates are used until you put a file here. To change one, copy
it under the same name into a locale folder (or `default/` for every locale), e.g.
`templates/es/posting.md.j2`. To change only part of it, extend the built-in one:

    {% extends "!posting.md.j2" %}
    {% block title %}# {{ role.title }} · {{ org.name }}{% endblock %}

A template gets `role` (the role, translated: the fields of its file, as
role.schema.json lists them), `org` (the organization in jdgen.yaml), `locale` (es-AR),
`language` (es), `kind` (posting) and `today`. Its filters format for the locale:
`salary`, `money("EUR")`, `number`, `date`, `month_year`, `years`, `duration`,
`join_list`, `headcount`, `employment_type`, `work_arrangement` and `cell`.
A misspelt variable is an error naming the file and line; check a change with
`jdgen validate`, and see it with `jdgen render ROLE`.
"""

GITIGNORE = "/site/\n.jdgen-cache/\n*.mo\n"


def _example(language: str) -> dict[str, Any]:
    text = (SKELETON / "example" / f"{language}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _role_text(data: dict[str, Any], schema: str) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=88)
    return schema_line(schema) + "\n" + body


def _config_text(locales: Sequence[str], default: str, organization: str, base_url: str) -> str:
    return (
        "# A jdgen careers project. `jdgen --help` lists the commands; role files are\n"
        "# checked against role.schema.json as you type; `jdgen validate` checks it all.\n"
        f"locales: [{', '.join(locales)}]\n"
        f"default_locale: {default}\n"
        f"organization:\n  name: {json_quote(organization)}\n"
        f"base_url: {base_url}\n"
        "# Postings expire by the calendar. For a reproducible build, give the date:\n"
        "# jdgen build --today 2026-03-01, or set SOURCE_DATE_EPOCH (jdgen build --help).\n"
    )


def json_quote(text: str) -> str:
    """A YAML scalar for any text (JSON strings are YAML)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def init_project(
    directory: Path,
    *,
    locales: Sequence[str] = ("en", "es", "zh"),
    default_locale: str | None = None,
    organization: str = "Example",
    base_url: str = "https://careers.example.com/",
    today: dt.date | None = None,
) -> list[str]:
    """Create a careers project in ``directory``; refuse to overwrite anything.

    It holds a config, one example role (written in the default locale and translated
    into the others), the role schema for editors, catalogs, an empty ``templates/``
    explaining how to override a built-in template, and a CI workflow.
    """
    try:
        tags = list(dict.fromkeys(parse_locale(t).tag for t in locales))
        default = parse_locale(default_locale).tag if default_locale else tags[0]
    except ValueError as exc:
        raise UsageError(Problem(str(exc))) from None
    if default not in tags:
        tags.insert(0, default)
    from jdgen.authoring.answers import AnswerError, line

    try:  # what the command line gave, checked before anything is written
        line(str(directory), "DIRECTORY")
        line(organization, "--org")
        line(base_url, "--base-url")
    except AnswerError as exc:
        raise UsageError(Problem(str(exc))) from None
    config = _config_text(tags, default, organization, base_url)
    try:
        parse_config(config, CONFIG_NAME)
    except JdgenError as exc:  # e.g. a base_url that is no https: address
        raise UsageError(
            [Problem(p.message, None, p.field, p.hint) for p in exc.problems]
        ) from None
    day = today or dt.datetime.now(dt.UTC).date()
    language = parse_locale(default).language
    source = language if language in EXAMPLE_LANGUAGES else "en"
    example = {
        **_example(source),
        "language": default if source == language else "en",
        "posted": day.isoformat(),
        "valid_through": (day + dt.timedelta(days=DAYS_OPEN)).isoformat(),
    }
    files = {
        CONFIG_NAME: config,
        f"roles/{EXAMPLE_ID}.yaml": _role_text(example, f"../{SCHEMA_FILE}"),
        SCHEMA_FILE: schema_text(),
        "templates/README.md": TEMPLATES_README,
        WORKFLOW: (SKELETON / "careers-site.yml").read_text(encoding="utf-8"),
        ".gitignore": GITIGNORE,
    }
    conflicts = [name for name in files if (directory / name).exists()]
    if conflicts:
        raise InvalidInputError(
            [
                Problem(
                    "already exists; jdgen init never overwrites a file",
                    Position(str(directory / name)),
                )
                for name in conflicts
            ]
        )
    for name, text in files.items():
        write_atomic(directory / name, text)
    project = find_project(directory)
    created = [str(c.path) for c in update(project) if c.action == "created"]
    translate_example(project)
    return [*files, *(os.path.relpath(p, directory) for p in created)]


def translate_example(project: Project) -> None:
    """Fill the example role's catalogs with the example's own versions in each language:
    only an entry still empty, whose source text is still the example's (an edited text
    is left for a translator)."""
    from babel.messages.pofile import read_po

    versions: dict[str, dict[str, str]] = {}
    base = project.root / project.config.locales_dir
    # Catalog keys name groups by their source-language titles: find each key's field.
    index = RoleIndex.of(project)
    if EXAMPLE_ID not in index.files:
        return
    language = parse_locale(index.language_of(index.files[EXAMPLE_ID])).language
    if language not in EXAMPLE_LANGUAGES:
        return
    source = _example_texts(language)
    # List items share a context: an entry is found by its context and its source text.
    field_of = {(stable_context(EXAMPLE_ID, p, source.get), text): p for p, text in source.items()}
    for path in sorted(base.glob(f"*/LC_MESSAGES/role-{EXAMPLE_ID}.po")):
        info = parse_locale(path.parent.parent.name)
        if info.language not in EXAMPLE_LANGUAGES or info.babel.script == "Hant":
            continue  # no example text for this language: left for a translator
        if info.language not in versions:
            versions[info.language] = _example_texts(info.language)
        with path.open("rb") as handle:
            catalog = read_po(handle)
        changed = False
        for message in catalog:
            key = field_of.get((message.context or "", str(message.id)))
            if not message.id or key is None or message.string:
                continue
            message.string = versions[info.language].get(key, "")
            changed = changed or bool(message.string)
        if not changed:
            continue
        header = "\n".join(
            line[2:]
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# ")
        )
        write_atomic(path, render_po(catalog, header, None, path.stem))


def _example_texts(language: str) -> dict[str, str]:
    """The example role's texts in one language, by field path."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "roles" / f"{EXAMPLE_ID}.yaml"
        path.parent.mkdir()
        path.write_text(
            yaml.safe_dump({**_example(language), "language": language}, allow_unicode=True),
            encoding="utf-8",
        )
        index = RoleIndex.of(Project(Path(tmp)))
        texts, _ = index.own_texts(path)
    return {key: text for key, (text, _) in texts.items()}


@dataclass
class NewRole:
    """What ``jdgen new`` writes; every field but the id may be left out."""

    role_id: str
    title: str
    extends: str | None = None
    language: str | None = None
    locations: list[str] = field(default_factory=list)
    employment_type: str | None = None
    salary_min: Decimal | None = None
    salary_max: Decimal | None = None
    currency: str | None = None
    period: str = "year"
    posted: dt.date | None = None  # default: the project's today, or today (UTC)
    work_arrangement: str | None = None
    country: str | None = None  # of the locations that name none
    headcount: int | None = None
    valid_through: dt.date | None = None


def _location(place: str, locale: Locale, default: str | None) -> str | dict[str, str]:
    country = country_in(place, locale)
    if not country:
        return {"city": place.strip(), "country": default} if default else place
    city = re.split(r"[,，、]", place)[0].strip()
    if city and city != place.strip():
        return {"city": city, "country": country}
    return {"name": place.strip(), "country": country}  # the country itself: España


def check_new(project: Project, role_id: str, extends: str | None = None) -> Path:
    """The path a new role ``role_id`` gets, or the reason it cannot be written: not an
    id (exit 2), a role that already has it (exit 1), a family that does not exist."""
    from jdgen.authoring.answers import role_id_problem

    problem = role_id_problem(role_id)
    if problem:
        raise UsageError(
            Problem(problem, hint="use lower-case letters, digits and hyphens, like data-analyst")
        )
    path = project.roles_dir / f"{role_id}.yaml"
    if path.exists():
        raise InvalidInputError(
            Problem("already exists; choose another id", Position(project.display(path)))
        )
    known = role_files(project.roles_dir)
    if role_id in known:  # in a subfolder (roles/families/)
        raise InvalidInputError(
            Problem("already exists; choose another id", Position(project.display(known[role_id])))
        )
    if extends and extends not in known:
        raise NotFoundError(
            Problem(
                f'no role family "{extends}" to extend',
                hint=did_you_mean(extends, known) or "known roles: " + ", ".join(sorted(known)),
            )
        )
    return path


def new_role(project: Project, spec: NewRole) -> Path:
    """Write ``roles/<id>.yaml``, check that it validates, and return its path."""
    path = check_new(project, spec.role_id, spec.extends)
    data: dict[str, Any] = {}
    if spec.extends:
        data["extends"] = spec.extends
    if spec.language:
        data["language"] = parse_locale(spec.language).tag
    data["title"] = spec.title
    if spec.employment_type:
        data["employment_type"] = spec.employment_type
    if spec.work_arrangement:
        data["work_arrangement"] = spec.work_arrangement
    if spec.locations:
        # "Lima, Perú" is written with its country, which Google and the pay laws need.
        babel = parse_locale(spec.language or project.config.default_locale).babel
        data["locations"] = [_location(place, babel, spec.country) for place in spec.locations]
    if spec.salary_min is not None or spec.salary_max is not None:
        salary: dict[str, Any] = {}
        if spec.salary_min is not None:
            salary["min"] = json_number(spec.salary_min)
        if spec.salary_max is not None:
            salary["max"] = json_number(spec.salary_max)
        if not spec.currency:
            raise UsageError(
                Problem("a salary needs its currency", hint="give --currency, e.g. EUR or CNY")
            )
        salary["currency"] = spec.currency
        salary["period"] = spec.period
        data["salary"] = salary
    if spec.headcount is not None:
        data["headcount"] = spec.headcount
    posted = spec.posted or project.today()
    data["posted"] = posted.isoformat()
    if spec.valid_through is not None:
        data["valid_through"] = spec.valid_through.isoformat()
    schema = project.root / SCHEMA_FILE
    if not schema.exists():
        write_atomic(schema, schema_text())
    write_atomic(path, _role_text(data, os.path.relpath(schema, path.parent)))
    try:
        RoleIndex.of(project).resolve(path)
    except InvalidInputError:
        path.unlink()
        raise
    return path
