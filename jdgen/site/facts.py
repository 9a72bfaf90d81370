"""What the listing pages know of each posting (kept in the build cache, so that an
unchanged role is not even parsed), how they group postings, and the facets candidates
filter by: location, team and work arrangement, each a static page, with no script.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from jdgen.i18n.localize import Localizer
from jdgen.project.model import Role
from jdgen.site.pages import plain

FACETS = ("location", "team", "arrangement")


@dataclass(frozen=True)
class Facts:
    """What the index pages, the feed and the sitemap need of one posting in one locale."""

    role: str
    locale: str
    path: str  # the posting page, relative to the site root
    title: str
    group: str
    details: str  # "Lima · Full-time · $28,000 – $60,000 per year"
    valid_through: str | None
    posting: dict[str, Any]  # the JobPosting JSON-LD, without its (long) description
    data: str  # where the complete JSON-LD is, relative to the site root
    # What candidates filter by, as shown in this locale: every location, the team, the
    # work arrangement.
    facets: dict[str, list[str]] = field(default_factory=dict)
    # The same values' keys, the same in every locale (the arrangement's code, the team and
    # place as the role file writes them): a filter page's versions in other languages.
    keys: dict[str, list[str]] = field(default_factory=dict)
    #: The details without the places ("Full-time · $28,000 – $60,000 per year"): what a
    #: location's page shows after its own name, so that a posting in thousands of places
    #: does not repeat all of them on each of their pages.
    brief: str = ""

    def to_json(self) -> dict[str, Any]:
        return dict(vars(self))  # shallow: the values are plain JSON already

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Facts:
        return cls(**data)


def facts(
    role: Role,
    localizer: Localizer,
    path: str,
    posting: dict[str, Any],
    data: str,
    source: Role | None = None,
) -> Facts:
    """What the listings need of ``role`` as shown in one locale; ``source`` is the role as
    written, whose values key the facets across locales."""
    places = localizer.join([plain(loc.label) for loc in role.locations])
    details: list[str] = []
    if role.employment_type:
        details.append(localizer.employment_type(role.employment_type))
    pay = pay_summary(role, localizer)
    if pay:
        details.append(pay)
    group = plain(role.team)  # no team: the "Other roles" group, listed last
    summary = {k: v for k, v in posting.items() if k != "description"}
    facets = {
        "location": list(dict.fromkeys(plain(loc.label) for loc in role.locations)),
        "team": [plain(role.team)] if role.team else [],
        "arrangement": (
            [localizer.work_arrangement(role.work_arrangement)] if role.work_arrangement else []
        ),
    }
    written = source or role
    keys = {
        "location": list(
            dict.fromkeys(
                f"{loc.country or ''}|{plain(loc.city or loc.name or loc.label)}"
                for loc in written.locations
            )
        ),
        "team": [plain(written.team)] if written.team else [],
        "arrangement": [role.work_arrangement] if role.work_arrangement else [],
    }
    return Facts(
        role.id,
        localizer.info.tag,
        path,
        plain(role.title),
        group,
        " · ".join([places, *details] if places else details),
        role.valid_through.isoformat() if role.valid_through else None,
        summary,
        data,
        {k: v for k, v in facets.items() if v},
        {k: v for k, v in keys.items() if v},
        " · ".join(details),
    )


#: A posting in more places than this shows, on each place's page, that place only.
PLACES_SHOWN = 5


def details_on(item: Facts, kind: str, value: str) -> str:
    """A posting's details as the page of one facet value lists it."""
    if kind != "location" or len(item.facets.get("location", ())) <= PLACES_SHOWN:
        return item.details
    return " · ".join(p for p in (value, item.brief) if p)


def pay_summary(role: Role, localizer: Localizer) -> str:
    """The pay as one range: the role's, or, where places set their own pay, the span of
    their ranges ("" when they are in different currencies or periods)."""
    pays = {pay for pay, _ in role.pay_by_place()}
    if not pays or len({(p.currency, p.period) for p in pays}) != 1:
        return ""
    low = [x for pay in pays for x in (pay.min, pay.max) if x is not None]
    first = next(iter(pays))
    if len(pays) == 1:
        return localizer.salary(first)
    return localizer.salary(replace(first, min=min(low), max=max(low), note=None))


def group_postings(items: Sequence[Facts]) -> list[tuple[str, list[Facts]]]:
    """Postings grouped by team, the postings of no team last; groups and postings
    sorted."""
    groups: dict[str, list[Facts]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    return [
        (name, sorted(groups[name], key=lambda f: (f.title, f.role)))
        for name in sorted(groups, key=lambda n: (n == "", n))
    ]


def slug(value: str) -> str:
    """A facet value as a path segment: its words in ascii where it is written in Latin
    letters (São Paulo → sao-paulo), else a short digest (北京 → f-1a2b3c4d), so paths never
    need encoding."""
    plain_letters = "".join(
        c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c)
    )
    words = re.sub(r"[^a-z0-9]+", "-", plain_letters.lower()).strip("-")
    if words and plain_letters.isascii():
        return words
    return "f-" + hashlib.sha1(value.encode()).hexdigest()[:8]


def facet_values(items: Sequence[Facts]) -> dict[str, list[tuple[str, str, list[Facts]]]]:
    """For each facet with at least two values: (value, slug, its postings), by value. A
    value with one posting has no page of its own: its filter links to the posting."""
    out: dict[str, list[tuple[str, str, list[Facts]]]] = {}
    for kind in FACETS:
        values: dict[str, list[Facts]] = {}
        for item in items:
            for value in item.facets.get(kind, []):
                values.setdefault(value, []).append(item)
        if len(values) >= 2:
            out[kind] = []
            for value, name in unique_slugs(sorted(values)).items():
                out[kind].append((value, name, values[value]))
    return out


def unique_slugs(values: Sequence[str]) -> dict[str, str]:
    """Each value's slug, no two alike: "Lima", "LIMA", "lima!" and "Lima 2" never share
    a page, nor does a value whose own slug happens to be another's with its suffix. A
    value keeps its plain slug when it is the only one to have it, so that adding a value
    changes no other's page; those that share one each get a digest of the value."""
    plain_slugs = {value: slug(value) for value in values}
    counts = Counter(plain_slugs.values())
    taken = {s for s, n in counts.items() if n == 1}
    out: dict[str, str] = {}
    for value in values:
        name = plain_slugs[value]
        if counts[name] > 1:
            digest = hashlib.sha1(value.encode()).hexdigest()
            candidates = (f"{name}-{digest[:n]}" for n in range(6, 41, 2))
            fallback = (f"{name}-{digest}-{n}" for n in itertools.count(2))
            # A value written to look like another's page takes a longer digest.
            name = next(c for c in itertools.chain(candidates, fallback) if c not in taken)
        taken.add(name)
        out[value] = name
    return out
