"""What each pay-transparency law that applies to a role finds missing or wrong: the pay
(per location, where locations set their own), the range's width, the other statements a
law asks for (benefits, deadline, headcount, AI screening...) and wording it forbids. The
laws themselves, and where they apply, are in jdgen/lint/laws.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from jdgen.lint.laws import REQUIREMENTS, Law, applies, home_country, laws
from jdgen.lint.pay import PER_YEAR
from jdgen.lint.rules import Rule
from jdgen.project.model import Role, Salary


@dataclass(frozen=True)
class Breach:
    law: Law
    rule: Rule  # the law's rule, a warning while it is not yet enforced
    message: str
    key: str  # the field the finding points at


def breaches(
    role: Role,
    day: dt.date,
    employees: int | None,
    neutral_title: bool,
    texts: dict[str, str],
) -> list[Breach]:
    """What each law that applies to the role finds missing or wrong."""
    out: list[Breach] = []
    remote = role.work_arrangement == "remote"
    home = home_country(role)
    for law in laws():
        if day < law.effective:
            continue
        if law.employees and employees is not None and employees < law.employees:
            continue
        here = [i for i, loc in enumerate(role.locations) if applies(law, loc, remote, home)]
        if not here:
            continue
        rule = law.rule
        if law.enforced and day < law.enforced and rule.severity == "error":
            rule = replace(rule, severity="warning")
        size = ""
        if law.employees and law.employees > 1 and employees is None:
            size = (
                f" (it covers employers with {law.employees}+ employees; set "
                "organization.employees in jdgen.yaml if yours is smaller)"
            )
        for pay, at in _pay_here(role, here):
            places = ", ".join(role.locations[i].label for i in at)
            missing = _missing(law, role, pay, day, neutral_title)
            if missing:
                # The fix names only what is missing here, not the law's whole list
                # (which would say "add salary" to a posting that has one).
                fix = "add " + " and ".join(dict.fromkeys(_ADD.get(n, n) for n in missing))
                out.append(
                    Breach(
                        law,
                        replace(rule, fix=fix),
                        f"{places} is under {law.name}'s law, but the posting lacks "
                        + ", ".join(REQUIREMENTS[name] for name in missing)
                        + size,
                        _key(role, at, missing),
                    )
                )
            wide = _too_wide(law, pay)
            if wide:
                out.append(Breach(law, rule, f"{places}: {wide}{size}", _pay_key(role, at)))
        for pattern, why in law.forbidden:
            for path, text in texts.items():
                m = pattern.search(text)
                if m:
                    out.append(Breach(law, rule, f'"{m.group(0)}": {why}', path))
    return out


def _pay_here(role: Role, here: list[int]) -> list[tuple[Salary | None, list[int]]]:
    """The role's pay groups, each with only its locations that are under the law."""
    groups = [(pay, [i for i in at if i in here]) for pay, at in role.pay_groups()]
    return [(pay, at) for pay, at in groups if at]


def _missing(
    law: Law, role: Role, pay: Salary | None, day: dt.date, neutral_title: bool
) -> list[str]:
    """The requirements (their names) the posting does not meet where this pay applies."""
    have = {
        "pay-range": pay is not None and pay.min is not None and pay.max is not None,
        "pay": pay is not None,
        "pay-minimum": pay is not None and pay.min is not None,
        "benefits": bool(role.benefits),
        "deadline": role.valid_through is not None,
        "validity": role.valid_through is not None,
        "how-to-apply": role.apply is not None,
        "headcount": isinstance(role.headcount, int),
        "ai-disclosure": role.ai_screening is not None,
        "vacancy": role.vacancy is not None,
        "neutral-title": neutral_title,
    }
    return [
        name for name, since in law.requires if (since is None or day >= since) and not have[name]
    ]


def _too_wide(law: Law, pay: Salary | None) -> str:
    limit = law.range.get("max_width")
    if not limit or pay is None or pay.min is None or pay.max is None:
        return ""
    if pay.currency != law.range.get("currency", pay.currency):
        return ""
    per = Decimal(PER_YEAR[pay.period]) / Decimal(PER_YEAR[law.range.get("period", "year")])
    width, top = (pay.max - pay.min) * per, pay.max * per
    exempt = law.range.get("exempt_above")
    if width <= Decimal(limit) or (exempt and top > Decimal(exempt)):
        return ""
    return (
        f"the range is {width:,.0f} {pay.currency} wide a year; {law.name} allows at most "
        f"{Decimal(limit):,.0f}"
    )


def _pay_key(role: Role, at: Sequence[int]) -> str:
    own = [i for i in at if role.locations[i].pay is not None]
    return f"locations[{own[0]}].pay" if own else "salary"


FIELDS = {
    "benefits": "benefits",
    "deadline": "valid_through",
    "validity": "valid_through",
    "how-to-apply": "apply",
    "headcount": "headcount",
    "ai-disclosure": "ai_screening",
    "vacancy": "vacancy",
    "neutral-title": "title",
}


#: What to add for each requirement, as a fix names it.
_ADD = {
    **FIELDS,
    "pay": "salary",
    "pay-range": "salary.min and salary.max",
    "pay-minimum": "salary.min",
    "headcount": "a number for headcount",
    "neutral-title": "a gender-neutral title",
}


def _key(role: Role, at: Sequence[int], missing: list[str]) -> str:
    """The field a finding points at: the first one missing."""
    return FIELDS.get(missing[0]) or _pay_key(role, at)
