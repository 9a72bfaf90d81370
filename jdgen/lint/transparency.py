"""What each pay-transparency law that reaches a role finds missing or wrong: the pay (per
location, where locations set their own), the range's width, the other statements a law
asks for (benefits, deadline, headcount, AI screening...), pay below the minimum, and
wording it forbids. Where the law reaches the role, and by which employer count, is
jdgen/lint/coverage.py; the laws themselves are jdgen/lint/laws.py.

Severity: error where the law requires it of the posting; warning where it is advisable
(the law allows it elsewhere, binds someone else, or is not yet enforced); info where a
fact the law needs is missing from the role, or no law binds yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from jdgen.lint.coverage import Coverage, Unknown, coverage, size
from jdgen.lint.laws import INSTEAD, REQUIREMENTS, Law, Requirement, laws
from jdgen.lint.pay import PER_YEAR, markets, pay_problems
from jdgen.lint.rules import Rule
from jdgen.project.model import Role, Salary


@dataclass(frozen=True)
class Breach:
    law: Law
    rule: Rule  # the law's rule, at the severity of this finding
    message: str
    key: str  # the field the finding points at


def breaches(
    role: Role,
    day: dt.date,
    employees: int | None,
    neutral_title: bool,
    texts: dict[str, str],
) -> list[Breach]:
    """What each law that reaches the role finds missing or wrong."""
    out: list[Breach] = []
    for law in laws():
        if day < law.effective or (law.until and day > law.until):
            continue
        reach = coverage(law, role)
        if reach is None:
            continue
        counted = size(law, role, employees)
        if not counted.covered:
            continue
        if isinstance(reach, Unknown):
            # Worth saying only where the posting would fall short if the law reached it.
            maybe = Coverage(tuple(range(len(role.locations))), "", True)
            if _breaches(law, role, maybe, day, neutral_title, ""):
                info = replace(law.rule, severity="info")
                out.append(Breach(law, info, reach.message + law.caveat, reach.fact))
            continue
        out.extend(_breaches(law, role, reach, day, neutral_title, counted.note))
        for pattern, why in law.forbidden:
            for path, text in texts.items():
                m = pattern.search(text)
                if m:
                    out.append(Breach(law, _rule(law, None, day), f'"{m.group(0)}": {why}', path))
    return out


def _rule(law: Law, need: Requirement | None, day: dt.date) -> Rule:
    """The law's rule at the severity of one requirement: a warning while the law is in
    force but not yet enforced."""
    severity = (need.severity if need else None) or law.rule.severity
    if law.enforced and day < law.enforced and severity == "error":
        severity = "warning"
    return law.rule if severity == law.rule.severity else replace(law.rule, severity=severity)


def _breaches(
    law: Law, role: Role, reach: Coverage, day: dt.date, neutral: bool, note: str
) -> list[Breach]:
    out = []
    for pay, at in _pay_here(role, reach):
        places = ", ".join(role.locations[i].label for i in at) or "The role"
        head = f"{places} is under {law.name}'s law ({reach.why})"
        missing = _missing(law, role, pay, day, neutral)
        by_severity: dict[str, list[Requirement]] = {}
        for need in missing:
            by_severity.setdefault(_rule(law, need, day).severity, []).append(need)
        for needs in by_severity.values():
            lacks = ", ".join(_wording(need) for need in needs)
            if _exempt_amount(law) and any(n.name.startswith("pay") for n in needs):
                lacks += f" (unless the pay is above {_exempt_amount(law)})"
            message = f"{head}, but the posting lacks {lacks}{note}{law.caveat}"
            # The fix names only what is missing here, not the law's whole list (which
            # would say "add salary" to a posting that has one).
            fix = "add " + " and ".join(dict.fromkeys(_ADD.get(n.name, n.name) for n in needs))
            rule = replace(_rule(law, needs[0], day), fix=fix)
            out.append(Breach(law, rule, message, _key(role, at, needs)))
        wide = _too_wide(law, pay)
        if wide:
            message = f"{places}: {wide}{note}{law.caveat}"
            out.append(Breach(law, _rule(law, None, day), message, _pay_key(role, at)))
    return out


def _wording(need: Requirement) -> str:
    text = REQUIREMENTS[need.name]
    if need.instead:
        text += " or " + " or ".join(INSTEAD[alt] for alt in need.instead)
    return text


def _pay_here(role: Role, reach: Coverage) -> list[tuple[Salary | None, list[int]]]:
    """The role's pay groups, each with only its locations under the law."""
    if not role.locations or (reach.role_wide and not reach.at):
        return [(role.salary, [])]
    groups = [(pay, [i for i in at if i in reach.at]) for pay, at in role.pay_groups()]
    return [(pay, at) for pay, at in groups if at]


def _yearly(pay: Salary, amount: Decimal, period: str) -> Decimal:
    return amount * Decimal(PER_YEAR[pay.period]) / Decimal(PER_YEAR[period])


def _exempt_amount(law: Law) -> str:
    if not law.exempt:
        return ""
    return f"{law.exempt['above']:,} {law.exempt['currency']} a {law.exempt.get('period', 'year')}"


def _exempt(law: Law, pay: Salary | None) -> bool:
    """Whether the pay is above the amount from which the law asks for no pay at all."""
    if not law.exempt or pay is None or pay.currency != law.exempt["currency"]:
        return False
    top = pay.max if pay.max is not None else pay.min
    period = law.exempt.get("period", "year")
    return top is not None and _yearly(pay, top, period) > Decimal(law.exempt["above"])


def _missing(
    law: Law, role: Role, pay: Salary | None, day: dt.date, neutral_title: bool
) -> list[Requirement]:
    """The requirements the posting does not meet where this pay applies."""
    exempt = _exempt(law, pay)
    have = {
        "pay-range": exempt or (pay is not None and pay.min is not None and pay.max is not None),
        "pay": exempt or (pay is not None and (pay.min is not None or pay.max is not None)),
        "pay-minimum": exempt or (pay is not None and pay.min is not None),
        "not-below-minimum": not _below_minimum(law, pay),
        "benefits": bool(role.benefits),
        "deadline": role.valid_through is not None,
        "validity": role.valid_through is not None,
        "how-to-apply": role.apply is not None,
        "headcount": isinstance(role.headcount, int),
        # Only employers that use AI owe the statement: a role that says either way is fine.
        "ai-disclosure": role.ai_screening is not None,
        "vacancy": role.vacancy is not None,
        "neutral-title": neutral_title,
        "ongoing": bool(role.applications_ongoing),
        "updated": role.posted is not None,
    }
    return [
        need
        for need in law.requires
        if (need.since is None or day >= need.since)
        and not have[need.name]
        and not any(have[alt] for alt in need.instead)
    ]


def _below_minimum(law: Law, pay: Salary | None) -> bool:
    """Whether the pay is below the minimum wage of the law's country."""
    if pay is None:
        return False
    countries = sorted({c for place in law.places for c in place.countries})
    return any(
        "below the minimum wage" in message
        for country in countries
        for message in pay_problems(pay, markets().get(country))
    )


def _too_wide(law: Law, pay: Salary | None) -> str:
    limit = law.range.get("max_width")
    if not limit or pay is None or pay.min is None or pay.max is None or _exempt(law, pay):
        return ""
    if pay.currency != law.range.get("currency", pay.currency):
        return ""
    period = law.range.get("period", "year")
    width = _yearly(pay, pay.max - pay.min, period)
    if width <= Decimal(limit):
        return ""
    return (
        f"the range is {width:,.0f} {pay.currency} wide a {period}; {law.name} allows at "
        f"most {Decimal(limit):,.0f}"
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


def _key(role: Role, at: Sequence[int], missing: list[Requirement]) -> str:
    """The field a finding points at: the first one missing."""
    return FIELDS.get(missing[0].name) or _pay_key(role, at)
