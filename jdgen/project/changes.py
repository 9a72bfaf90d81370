"""What changed in a role between two versions, by meaning, for the reviewer of a pull
request: the title, the pay, the places, requirements and years of experience added or
raised, and every other field that changed.

Plain data; :mod:`jdgen.lint.revisions` adds what needs the laws and the catalogs (the
laws to check again, the translations that go fuzzy) and renders the change log.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from jdgen.project.model import Location, Role, Salary

#: "5 years", "5+ años", "5年以上", "3-5 yrs": the numbers of years a text asks for.
_YEARS = re.compile(
    r"(\d{1,2})\s*(?:\+|(?:[-–~至到]\s*\d{1,2}))?\s*"
    r"(?:\+\s*)?(?:years?|yrs?|años?|anos?|年)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Change:
    """One change: ``what`` is its kind (``title``, ``pay``, ``places``,
    ``requirement``, ``years``, ``field``), ``field`` the dotted field, and ``before`` /
    ``after`` the old and new values as text ("" when added or removed)."""

    what: str
    field: str
    before: str = ""
    after: str = ""


def _pay(salary: Salary | None) -> str:
    if salary is None:
        return ""
    low = "" if salary.min is None else str(salary.min)
    high = "" if salary.max is None else str(salary.max)
    span = low if low == high else f"{low}-{high}"
    return f"{span} {salary.currency}/{salary.period}".strip()


def _place(loc: Location) -> str:
    parts = [loc.name, loc.city, loc.region, loc.country]
    return ", ".join(dict.fromkeys(p for p in parts if p)) or "?"


def _items(groups: tuple[object, ...]) -> list[str]:
    return [str(item) for g in groups for item in getattr(g, "items", ())]


def most_years(text: str) -> int:
    """The most years of experience a text asks for (0: none named)."""
    return max((int(m.group(1)) for m in _YEARS.finditer(text)), default=0)


def compare_roles(old: Role, new: Role) -> list[Change]:
    """The changes from ``old`` to ``new``, the ones a reviewer must act on first."""
    changes: list[Change] = []
    if old.title != new.title:
        changes.append(Change("title", "title", old.title, new.title))
    if _pay(old.salary) != _pay(new.salary):
        changes.append(Change("pay", "salary", _pay(old.salary), _pay(new.salary)))
    old_places = {_place(loc): loc for loc in old.locations}
    new_places = {_place(loc): loc for loc in new.locations}
    for name in old_places.keys() - new_places.keys():
        changes.append(Change("places", "locations", name, ""))
    for name in new_places.keys() - old_places.keys():
        changes.append(Change("places", "locations", "", name))
    for name in sorted(old_places.keys() & new_places.keys()):
        before, after = _pay(old_places[name].pay), _pay(new_places[name].pay)
        if before != after:
            changes.append(Change("pay", f"locations[{name}].pay", before, after))
    changes.extend(_requirements(old, new))
    covered = {"title", "salary", "locations", "requirements", "experience"}
    for f in dataclasses.fields(Role):
        if f.name not in covered and getattr(old, f.name) != getattr(new, f.name):
            changes.append(Change("field", f.name))
    changes.sort(key=lambda c: (c.what == "places", c.what == "field"))  # stable otherwise
    return changes


def _requirements(old: Role, new: Role) -> list[Change]:
    out: list[Change] = []
    for part in ("must_have", "nice_to_have"):
        before = _items(getattr(old.requirements, part, ()) if old.requirements else ())
        after = _items(getattr(new.requirements, part, ()) if new.requirements else ())
        field = f"requirements.{part}"
        for item in after:
            if item not in before:
                out.append(Change("requirement", field, "", item))
        for item in before:
            if item not in after:
                out.append(Change("requirement", field, item, ""))
        was = max((most_years(t) for t in before), default=0)
        now = max((most_years(t) for t in after), default=0)
        if now > was:
            out.append(Change("years", field, str(was), str(now)))
    was = max((e.years.min for e in old.experience), default=0)
    now = max((e.years.min for e in new.experience), default=0)
    if now > was:
        out.append(Change("years", "experience", str(was), str(now)))
    return out


def inflation(changes: list[Change]) -> bool:
    """Whether the requirements grew: items added to must-haves, or more years asked —
    the "requirement inflation" that written-by-a-model postings bring."""
    return any(
        (c.what == "requirement" and c.after and c.field.endswith("must_have")) or c.what == "years"
        for c in changes
    )
