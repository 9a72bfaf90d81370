"""Checks on a role's data, not its words: implausible pay, pay-transparency law by
jurisdiction (jdgen/lint/transparency.py), posting hygiene (an expired date, a title holding pay)
and counts that must match the data.
"""

from __future__ import annotations

import datetime as dt
import re

from jdgen.errors import Position
from jdgen.lint.interview import kit_checks
from jdgen.lint.pay import role_pay_problems
from jdgen.lint.rules import Finding, offset_position, rule
from jdgen.lint.spanish import spanish_masculine
from jdgen.lint.transparency import breaches
from jdgen.lint.wording import scan
from jdgen.project.config import Project
from jdgen.project.model import Role
from jdgen.project.resolve import ResolvedRole


def data_checks(
    resolved: ResolvedRole, project: Project, today: dt.date, style: str
) -> list[Finding]:
    role = resolved.role
    out: list[Finding] = []

    def at(key: str) -> Position:
        return resolved.position(key)

    def add(rule_id: str, message: str, key: str = "") -> None:
        out.append(
            Finding(rule(rule_id), message, at(key) if key else Position(resolved.display), key)
        )

    for key, message in role_pay_problems(role):
        add("comp.implausible-pay", message, key)
    day = role.posted or today
    config = project.config.organization
    employees = config.employees if config else None
    texts = {path: source.text for path, source in resolved.texts.items()}
    for breach in breaches(role, day, employees, _neutral_title(role, style), texts):
        key = breach.key if breach.key in resolved.positions else "title"
        out.append(Finding(breach.rule, breach.message, at(key), breach.key))
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
    out.extend(kit_checks(resolved))
    return out


_COUNTED = {
    "locations": r"(\d+)\s*(?:locations|offices|cities|ubicaciones|sedes|ciudades"
    r"|个?(?:城市|办公地点))",
    "headcount": r"(\d+)\s*(?:openings|positions|vacantes|plazas|个?(?:职位|岗位)|名)",
}


def _neutral_title(role: Role, style: str) -> bool:
    hits = [
        h
        for h in scan(role.title, role.language.split("-")[0], style)
        if h.rule.category == "gender"
    ]
    if role.language.startswith("es"):
        hits += spanish_masculine(rule("es.generic-masculine"), "un " + role.title, style)
    return not hits


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
