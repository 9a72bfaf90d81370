"""Checks on a role's data, not its words: pay-transparency law by jurisdiction, posting
hygiene (an expired date, a missing way to apply) and counts that must match the data.
"""

from __future__ import annotations

import datetime as dt
import re

from jdgen.errors import Position
from jdgen.foundation.locales import parse_locale
from jdgen.lint.pay import market_of, pay_problems
from jdgen.lint.rules import Finding, offset_position, rule
from jdgen.lint.spanish import spanish_masculine
from jdgen.lint.wording import scan
from jdgen.project.config import Project
from jdgen.project.model import Role
from jdgen.project.resolve import ResolvedRole

EU = frozenset(
    (
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    )
)


NYC = ("new york", "nyc", "brooklyn", "queens", "manhattan", "bronx", "staten island")


def jurisdictions(role: Role) -> set[str]:
    """Where pay-transparency laws apply: "EU", "NYC", "CO", "CA", "WA", "CN"."""
    found: set[str] = set()
    for loc in role.locations:
        country = (loc.country or "").upper()
        region = (loc.region or "").strip().lower()
        place = " ".join(x for x in (loc.name, loc.city) if x).lower()
        if country in EU:
            found.add("EU")
        if country == "CN" or (
            not country
            and role.language.startswith("zh")
            and parse_locale(role.language).babel.script != "Hant"
        ):
            found.add("CN")
        if country in ("US", ""):
            if any(n in place for n in NYC):
                found.add("NYC")
            for code, name in (("co", "colorado"), ("ca", "california"), ("wa", "washington")):
                if region in (code, name):
                    found.add(code.upper())
    return found


def data_checks(
    resolved: ResolvedRole, project: Project, today: dt.date, style: str
) -> list[Finding]:
    role = resolved.role
    out: list[Finding] = []

    def at(key: str) -> Position:
        return resolved.positions.get(key) or Position(resolved.display)

    def add(rule_id: str, message: str, key: str = "") -> None:
        out.append(
            Finding(rule(rule_id), message, at(key) if key else Position(resolved.display), key)
        )

    places = jurisdictions(role)
    salary = role.salary
    if salary is not None:
        for message in pay_problems(salary, market_of(role)):
            add("comp.implausible-pay", message, "salary")
    ranged = salary is not None and salary.min is not None and salary.max is not None
    if "EU" in places:
        if not ranged:
            add(
                "comp.eu-pay-range",
                "the job is in the EU but the posting has no pay range",
                "salary" if salary else "title",
            )
        title_hits = [
            h
            for h in scan(role.title, role.language.split("-")[0], style)
            if h.rule.category == "gender"
        ]
        if role.language.startswith("es"):
            title_hits += spanish_masculine(rule("es.generic-masculine"), "un " + role.title, style)
        if title_hits:
            add("comp.eu-neutral-title", f'the title "{role.title}" is not gender-neutral', "title")
    if "NYC" in places and not ranged:
        add(
            "comp.nyc-pay-range",
            "the job is in New York City but the posting lacks a minimum or a maximum pay",
            "salary" if salary else "title",
        )
    if "CO" in places:
        missing = [
            name
            for name, ok in (
                ("a pay range", ranged),
                ("benefits", role.benefits),
                ("an application deadline", role.valid_through),
                ("how to apply", role.apply),
            )
            if not ok
        ]
        if missing:
            add(
                "comp.colorado",
                "the job is in Colorado but the posting lacks " + ", ".join(missing),
            )
    for state in ("CA", "WA"):
        if state in places and not ranged:
            add(
                "comp.ca-wa-pay-range",
                f"the job is in {state} but the posting has no pay range",
                "salary" if salary else "title",
            )
    # Structured data that Google requires.
    org = role.organization or (
        project.config.organization.name if project.config.organization else None
    )
    for prop, lacking in (
        ("datePosted (posted)", not role.posted),
        ("hiringOrganization (organization)", not org),
        ("jobLocation (locations)", not role.locations),
    ):
        if lacking:
            add("hyg.structured-data", f"the JobPosting lacks {prop}")
    if role.valid_through and role.valid_through < today:
        add(
            "hyg.expired",
            f"the posting expired on {role.valid_through.isoformat()}",
            "valid_through",
        )
    if len(role.title) > 80:
        add("hyg.title-length", f"the title is {len(role.title)} characters long", "title")
    if re.search(r"\d+\s*[kK]\b|[$€¥£]\s*\d|\d[\d.,]*\s*(?:EUR|USD|CNY|€)", role.title) or any(
        loc.label and len(loc.label) > 2 and loc.label.lower() in role.title.lower()
        for loc in role.locations
    ):
        add("hyg.title-extras", f'the title "{role.title}" holds pay or a location', "title")
    out.extend(count_checks(resolved))
    return out


_COUNTED = {
    "locations": r"(\d+)\s*(?:locations|offices|cities|ubicaciones|sedes|ciudades"
    r"|个?(?:城市|办公地点))",
    "headcount": r"(\d+)\s*(?:openings|positions|vacantes|plazas|个?(?:职位|岗位)|名)",
}


def count_checks(resolved: ResolvedRole) -> list[Finding]:
    """Numbers in the text that disagree with the data they count."""
    role = resolved.role
    actual = {
        "locations": len(role.locations),
        "headcount": role.headcount if isinstance(role.headcount, int) else None,
    }
    out = []
    for path, source in resolved.texts.items():
        for key, pattern in _COUNTED.items():
            for m in re.finditer(pattern, source.text, re.IGNORECASE):
                claimed, real = int(m.group(1)), actual[key]
                if real is not None and real and claimed != real:
                    out.append(
                        Finding(
                            rule("hyg.count-mismatch"),
                            f'the text says "{m.group(0)}" but the role has {real} {key}',
                            offset_position(source.position, m.start(), source.text),
                            path,
                        )
                    )
    return out
