"""One posting → the mapping of a role file: the one place that decides what an imported
role says. Every source goes through :func:`role_data`; ``sync`` writes the result.

The keys this module writes are the ATS's (:data:`OWNED`); a re-import updates them.
Every other key of a role file is the team's, and no import touches it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jdgen.importers.html import Block, blocks, plain_of
from jdgen.importers.places import arrangement_in, dedupe, parse_place, parse_places
from jdgen.importers.posting import Pay, Place, Posting
from jdgen.importers.sections import Fields, split

#: The top-level keys an import owns, in the order a new role file lists them. Of the
#: mappings among them (requirements, apply) only the sub-keys in :data:`OWNED_SUB`.
OWNED = (
    "source",
    "language",
    "title",
    "organization",
    "team",
    "employment_type",
    "work_arrangement",
    "locations",
    "salary",
    "pay_structure",
    "summary",
    "responsibilities",
    "requirements",
    "benefits",
    "apply",
    "posted",
    "valid_through",
)
OWNED_SUB = {
    "source": ("ats", "id"),
    "requirements": ("must_have", "nice_to_have"),
    "apply": ("url",),
}
#: The keys of a location an import owns; a street or postal code the team adds stays.
LOCATION_KEYS = ("name", "city", "region", "country", "pay")


def description_blocks(posting: Posting) -> list[tuple[str | None, list[Block]]]:
    """Each section of the posting as (the field its source gave, its blocks); a
    section's own heading comes first, as a heading block."""
    parts = []
    for section in posting.sections:
        found = blocks(section.html, section.decode)
        if section.heading and section.heading.strip():
            heading = section.heading.strip()
            found.insert(0, Block("heading", text=heading, plain=plain_of(heading)))
        parts.append((section.field, found))
    return parts


def _amount(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral() else float(value)


def _pay(pay: Pay) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if pay.min is not None:
        out["min"] = _amount(pay.min)
    if pay.max is not None:
        out["max"] = _amount(pay.max)
    out["currency"] = pay.currency
    out["period"] = pay.period
    return out


def _place(place: Place) -> dict[str, Any]:
    fields = ("name", "city", "region", "country", "street", "postal_code")
    return {f: getattr(place, f) for f in fields if getattr(place, f)}


def _matches(zone: str, place: Place) -> bool:
    z = " ".join(zone.casefold().split())
    names = [n.casefold() for n in (place.name, place.city, place.region) if n]
    return any(n == z or n in z.split(" - ") or z.startswith(n + ",") for n in names)


def _items(groups: list[tuple[str | None, list[str]]]) -> list[Any]:
    if len(groups) == 1 and groups[0][0] is None:
        return list(groups[0][1])
    return [{"title": t, "items": i} if t else {"items": i} for t, i in groups]


def places_and_pay(posting: Posting) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The role's locations (each zone's pay on its places) and its salary (the pay
    that holds everywhere else)."""
    found = list(posting.places)
    arrangements = {posting.work_arrangement} if posting.work_arrangement else set()
    for text in posting.place_texts:
        more, arrangement = parse_places(text)
        found += more
        if arrangement:
            arrangements.add(arrangement)
    if not posting.work_arrangement and arrangements:
        posting.work_arrangement = "hybrid" if "hybrid" in arrangements else sorted(arrangements)[0]
    places = dedupe(found)
    pays: dict[int, Pay] = {}
    salary: Pay | None = None
    for pay in posting.pay:
        if pay.zone is None or len(posting.pay) == 1:
            if salary is None:
                salary = pay
            else:
                posting.skip("pay", "a second pay range for the whole role was left out")
            continue
        at = [i for i, p in enumerate(places) if _matches(pay.zone, p)]
        if not at:
            zone_place, arrangement = parse_place(pay.zone)
            if zone_place is None or not zone_place.country:
                zone_place = Place(name=pay.zone)  # "Zone 1 Pay Range": a name, no place
            if arrangement and not posting.work_arrangement:
                posting.work_arrangement = arrangement
            places.append(zone_place)
            at = [len(places) - 1]
        for i in at:
            pays.setdefault(i, pay)
    locations = []
    for i, p in enumerate(places):
        loc = _place(p)
        if i in pays:
            loc["pay"] = _pay(pays[i])
        locations.append(loc)
    return locations, _pay(salary) if salary else None


def role_data(posting: Posting, fields: Fields, language: str) -> dict[str, Any]:
    """The owned keys of the role file for ``posting``, in file order (None: absent)."""
    locations, salary = places_and_pay(posting)
    if posting.work_arrangement is None:
        posting.work_arrangement = arrangement_in(posting.title) if posting.title else None
    for heading in fields.unplaced:
        posting.skip(
            "description", f"the section “{heading}” has no jdgen field; kept in the summary"
        )
    requirements = {
        "must_have": _items(fields.items("must_have")) or None,
        "nice_to_have": _items(fields.items("nice_to_have")) or None,
    }
    data: dict[str, Any] = {
        "source": {"ats": posting.source, "id": posting.id},
        "language": language,
        "title": posting.title,
        "organization": posting.organization,
        "team": posting.team,
        "employment_type": posting.employment_type,
        "work_arrangement": posting.work_arrangement,
        "locations": locations or None,
        "salary": salary,
        "pay_structure": [{"label": lb, "text": t} for lb, t in posting.pay_structure] or None,
        "summary": "\n\n".join(fields.summary) or None,
        "responsibilities": _items(fields.items("responsibilities")) or None,
        "requirements": requirements if any(requirements.values()) else None,
        "benefits": _items(fields.items("benefits")) or None,
        "apply": {"url": posting.apply_url} if posting.apply_url else None,
        "posted": posting.posted,
        "valid_through": posting.valid_through,
    }
    return data


__all__ = ["OWNED", "description_blocks", "role_data", "split"]
