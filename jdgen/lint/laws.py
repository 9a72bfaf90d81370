"""Pay-transparency law, by jurisdiction: the laws as data, one file per jurisdiction
(``rules/laws/*.yaml``, described in its README): where each applies and by which tests
(jdgen/lint/coverage.py), from when, from what employer size counted how, what a posting
must state and what may stand in for it (jdgen/lint/transparency.py), and the sources
each fact was checked against, with the facts that could not be verified.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from jdgen.foundation.data import read_data
from jdgen.lint.rules import RULES_DIR, Rule

LAWS_DIR = RULES_DIR / "laws"
REQUIREMENTS = {
    "pay-range": "a pay range (a minimum and a maximum, or one fixed amount)",
    "pay": "the pay (an amount or a range)",
    "pay-minimum": "the minimum pay",
    "not-below-minimum": "pay at or above the applicable minimum wage",
    "benefits": "a description of the benefits",
    "deadline": "the application deadline (valid_through)",
    "validity": "how long the posting is valid (valid_through)",
    "how-to-apply": "how to apply (apply)",
    "headcount": "the number of openings (headcount)",
    "ai-disclosure": "whether AI screens applicants (ai_screening)",
    "vacancy": "whether the vacancy exists (vacancy)",
    "neutral-title": "a gender-neutral title",
}
#: What may stand in for a requirement, where a law says so.
INSTEAD = {
    "ongoing": "a statement that applications are taken on an ongoing basis (applications_ongoing)",
    "updated": "the day it was published or last updated (posted)",
}
#: The tests a law uses to reach a job (its file's `covers`).
TESTS = {
    "located": "the job is done there",
    "remote": "a remote job could be done there",
    "reports-to": "the job reports to a supervisor or office there (reports_to)",
    "office": "a remote job works predominantly for an office there (reports_to)",
    "employer-seat": "the employer is based there (employer_seat), for its remote jobs",
}
COUNTING = {"anywhere", "place"}
SEVERITIES = {"error", "warning", "info"}


@dataclass(frozen=True)
class Place:
    countries: frozenset[str]
    regions: frozenset[str]  # normalized: lower case, no dots
    cities: tuple[str, ...]
    towns: frozenset[str] = frozenset()  # cities that tell the region, not limit the law


@dataclass(frozen=True)
class Requirement:
    name: str
    since: dt.date | None = None
    instead: tuple[str, ...] = ()  # what may stand in for it (INSTEAD)
    severity: str | None = None  # where it differs from the law's


@dataclass(frozen=True)
class Law:
    id: str
    name: str
    effective: dt.date
    enforced: dt.date | None
    until: dt.date | None  # the last day it applies (a local law the state's replaced)
    employees: int | None
    counting: str  # "anywhere": every employee; "place": only those in the law's place
    counting_rule: str  # how the law counts, in words
    places: tuple[Place, ...]
    covers: frozenset[str]
    requires: tuple[Requirement, ...]
    range: dict[str, Any]
    exempt: dict[str, Any]  # pay above which the pay duty does not apply
    forbidden: tuple[tuple[re.Pattern[str], str], ...]
    rule: Rule
    checked: dt.date
    reaches_left_out: bool  # it reaches a remote posting that leaves its place out
    sources: tuple[tuple[str, str], ...]  # (what, url): the primary source first
    unverified: tuple[str, ...]  # the facts no source confirmed, in words

    @property
    def remote(self) -> bool:
        """Whether the law reaches a remote job by where it could be done."""
        return "remote" in self.covers

    @property
    def caveat(self) -> str:
        """What a finding adds when some of the law's facts are unverified."""
        return f" (unverified: {'; '.join(self.unverified)})" if self.unverified else ""


def norm(text: str | None) -> str:
    if text is not None and not isinstance(text, str):  # YAML 1.1 reads a bare ON as true
        raise ValueError(f"a place must be text, not {text!r}: quote it")
    return (text or "").lower().replace(".", "").strip()


def _listed(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) else list(value or ())


def _requirement(item: Any, law_id: str) -> Requirement:
    if isinstance(item, str):
        found = Requirement(item)
    else:
        ((name, spec),) = item.items()
        if isinstance(spec, dict):
            found = Requirement(
                name, spec.get("from"), tuple(_listed(spec.get("instead"))), spec.get("severity")
            )
        else:
            found = Requirement(name, spec)
    unknown = ({found.name} - set(REQUIREMENTS)) | (set(found.instead) - set(INSTEAD))
    if unknown or (found.severity and found.severity not in SEVERITIES):
        raise ValueError(f"law {law_id}: unknown requirement {item!r}")
    return found


def _law(data: dict[str, Any]) -> Law:
    places = tuple(
        Place(
            frozenset(_listed(place["country"])),
            frozenset(norm(r) for r in _listed(place.get("region"))),
            tuple(norm(c) for c in place.get("cities", ())),
            frozenset(norm(t) for t in place.get("towns", ())),
        )
        for place in data["places"]
    )
    covers = frozenset(["located", *_listed(data.get("covers"))])
    count = data.get("counting") or {"where": "anywhere", "rule": ""}
    if covers - set(TESTS) or count["where"] not in COUNTING:
        raise ValueError(f"law {data['id']}: unknown coverage test or counting")
    if data["severity"] not in SEVERITIES:
        raise ValueError(f"law {data['id']}: unknown severity {data['severity']!r}")
    sources = tuple((s["title"], s["url"]) for s in data["sources"])
    unverified = tuple(data.get("unverified") or ())
    size = f"; employers with {data['employees']}+ employees" if data.get("employees") else ""
    enforced = f", enforced from {data['enforced']}" if data.get("enforced") else ""
    enforced += f", until {data['until']}" if data.get("until") else ""
    doubt = f"; unverified: {'; '.join(unverified)}" if unverified else ""
    source = (
        f"{data['law']} (in force from {data['effective']}{enforced}{size}; "
        f"checked {data['checked']} against {sources[0][1]}{doubt})"
    )
    rule = Rule(
        f"comp.{data['id']}",
        data["severity"],
        "pay-transparency",
        data["reason"],
        data["fix"],
        source,
        "checks",
        data={"name": data["name"], "url": sources[0][1], "law": data["law"]},
    )
    return Law(
        id=data["id"],
        name=data["name"],
        effective=data["effective"],
        enforced=data.get("enforced"),
        until=data.get("until"),
        employees=data.get("employees"),
        counting=count["where"],
        counting_rule=count.get("rule", ""),
        places=places,
        covers=covers,
        requires=tuple(_requirement(item, data["id"]) for item in data["requires"]),
        range=dict(data.get("range") or {}),
        exempt=dict(data.get("exempt") or {}),
        forbidden=tuple(
            (re.compile(f["pattern"], re.IGNORECASE), f["why"]) for f in data.get("forbidden", ())
        ),
        rule=rule,
        checked=data["checked"],
        reaches_left_out=bool(data.get("reaches_left_out", False)),
        sources=sources,
        unverified=unverified,
    )


@functools.cache
def laws() -> tuple[Law, ...]:
    """Every law, from its file, in the order of their ids."""
    found = [_law(read_data(path)) for path in sorted(LAWS_DIR.glob("*.yaml"))]
    return tuple(sorted(found, key=lambda law: law.id))


def law_rules() -> list[Rule]:
    return [law.rule for law in laws()]
