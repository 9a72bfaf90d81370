"""What a build warns about that is no single role's text: a config that would publish
something wrong without an error (a frozen ``today:``, the placeholder address), and the
postings left out because they expired."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from jdgen.errors import Position, Problem, Severity
from jdgen.foundation.locales import LocaleInfo, same_writing
from jdgen.i18n.catalogs import TEMPLATE_DOMAIN, catalog_dir, read_catalog
from jdgen.i18n.localize import TEMPLATE_SOURCE_LANGUAGE
from jdgen.i18n.messages import Messages
from jdgen.project.config import Project
from jdgen.site.feeds.linkedin import linkedin_missing

PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net")
#: Template strings no page shows (the questions `jdgen new` asks on the command line).
NOT_ON_PAGES = frozenset({"prompt", "prompt answer"})


def config_warnings(project: Project, today: dt.date | None, base_url: str) -> list[Problem]:
    """What in the config would publish something wrong without an error: a frozen
    ``today:`` (expired postings stay up) and the placeholder address."""
    where = Position(project.display(project.config_path)) if project.config_path else None
    out = []
    if today is None and project.config.today is not None:
        out.append(
            Problem(
                f"{project.config.today.isoformat()} is fixed as the date postings expire by; "
                "a posting past its valid_through stays published until it is moved on",
                where,
                "today",
                hint="remove it; for a reproducible build pass --today or set SOURCE_DATE_EPOCH",
                severity=Severity.WARNING,
            )
        )
    host = urlsplit(base_url).hostname or ""
    if host.endswith(PLACEHOLDER_HOSTS):
        out.append(
            Problem(
                f"base_url is still the placeholder {base_url}: canonical links, the sitemap "
                "and the JSON-LD point there",
                where,
                "base_url",
                hint="set it to where the careers site is published",
                severity=Severity.WARNING,
            )
        )
    linkedin = project.config.feeds.linkedin
    if linkedin is not None and (missing := linkedin_missing(linkedin)):
        out.append(
            Problem(
                "linkedin.xml is not written: LinkedIn requires "
                + " and ".join(f"feeds.linkedin.{key}" for key in missing),
                where,
                "feeds.linkedin",
                hint="add "
                + ", ".join(f"{key}: …" for key in missing)
                + " under feeds: linkedin: (see docs/feeds.md)",
                severity=Severity.WARNING,
            )
        )
    return out


def expired_warning(project: Project, path: Path, until: str | None) -> Problem:
    return Problem(
        f"left out: the posting expired on {until}",
        Position(project.display(path)),
        "valid_through",
        hint="update valid_through or remove the role",
        severity=Severity.WARNING,
    )


def site_locales(
    project: Project, locales: Sequence[LocaleInfo], fallback: bool, default: str = ""
) -> tuple[list[str], list[Problem]]:
    """The locales the site is built in, and a warning for each one left out because its
    site catalog (the template strings: headings, labels, navigation) is not translated:
    straight after ``jdgen i18n init pt-BR``, a pt-BR site would be English text under
    ``lang="pt-BR"``. ``fallback_pages: true`` builds them anyway."""
    pot = next(
        (
            base / f"{TEMPLATE_DOMAIN}.pot"
            for base in project.locale_dirs
            if (base / f"{TEMPLATE_DOMAIN}.pot").is_file()
        ),
        None,
    )
    if pot is None or fallback:
        return [info.tag for info in locales], []
    ids = [
        (m.context, m.id if isinstance(m.id, str) else m.id[0])
        for m in read_catalog(pot)
        if m.id and m.context not in NOT_ON_PAGES
    ]
    kept, warnings = [], []
    for info in locales:
        # The default locale is the front page's: kept, and its pages warn as they render.
        if same_writing(info.tag, TEMPLATE_SOURCE_LANGUAGE) or info.tag == default:
            kept.append(info.tag)
            continue
        entries = Messages.load(info, TEMPLATE_DOMAIN, project.locale_dirs).entries
        missing = sum(1 for key in ids if key not in entries)
        if not missing:
            kept.append(info.tag)
            continue
        where = Position(project.display(project.config_path)) if project.config_path else None
        warnings.append(
            Problem(
                f"not published in {info.tag}: {missing} of the site's {len(ids)} texts "
                f"(headings, labels) have no {info.tag} translation, so its pages would be "
                "English",
                where,
                "locales",
                hint=f"translate locales/{catalog_dir(info, project.locale_dirs)}/LC_MESSAGES/"
                f"{TEMPLATE_DOMAIN}.po (jdgen i18n status shows what is left), or set "
                "fallback_pages: true",
                severity=Severity.WARNING,
            )
        )
    return kept, warnings
