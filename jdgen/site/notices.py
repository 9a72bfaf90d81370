"""What a build warns about that is no single role's text: a config that would publish
something wrong without an error (a frozen ``today:``, the placeholder address), and the
postings left out because they expired."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from jdgen.errors import Position, Problem, Severity
from jdgen.project.config import Project
from jdgen.site.feeds.linkedin import linkedin_missing

PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net")


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
