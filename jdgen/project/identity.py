"""A posting's identity on job boards: one id per role × location × locale that never
changes.

Boards drop the second job with a repeated reference number, and LinkedIn keeps a job's
id for its whole life, so the id is made from data that does not change when a place is
renamed: the role's id, the location's explicit ``id:`` or else its country and city,
and the locale. The display name (``name:``) never enters it, and neither does a
translation: the keys come from the role as written, not as localized.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from jdgen.project.model import Location, Role

#: LinkedIn's partnerJobId takes 40 characters; every board takes the same id.
MAX_LENGTH = 40


def code(text: str) -> str:
    """A value as an id part: its words in ascii where it is written in Latin letters
    (São Paulo → sao-paulo), else a short digest of it (北京 → x1a2b3c4d)."""
    letters = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    words = re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-")
    if words and letters.isascii():
        return words
    return "x" + hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:8]


def location_key(loc: Location) -> str:
    """What identifies a location: its ``id:``, else its country and city codes (``pe-lima``),
    else ``place`` (a place that is only a name: the name is what gets renamed)."""
    if loc.id:
        return loc.id
    parts = [loc.country.lower()] if loc.country else []
    if loc.city:
        parts.append(code(loc.city))
    elif loc.region:
        parts.append(code(loc.region))
    return "-".join(parts) or "place"


def location_keys(role: Role) -> list[str]:
    """Each location's key, no two alike within the role: a second place with the same
    country and city (two offices, or one city in two pay zones) is told apart by its
    rank among them (``es-madrid``, ``es-madrid-2``); an ``id:`` keeps it steady."""
    keys: list[str] = []
    for loc in role.locations:
        key, n = location_key(loc), 1
        while (key if n == 1 else f"{key}-{n}") in keys:
            n += 1
        keys.append(key if n == 1 else f"{key}-{n}")
    return keys


def ambiguous(role: Role) -> list[str]:
    """The keys two or more of a role's places share with no ``id:`` to tell them apart:
    their job ids then follow their order, and moving one changes them."""
    counts: dict[str, int] = {}
    for loc in role.locations:
        if not loc.id:
            key = location_key(loc)
            counts[key] = counts.get(key, 0) + 1
    return [key for key, n in counts.items() if n > 1]


def job_id(role_id: str, key: str | None, locale: str) -> str:
    """The id of a role's job at one location (``key``; None for a role with no
    location) in one locale: ``ml-engineer:pe-lima:es``. Ids longer than LinkedIn takes
    keep their start and end in a digest of the whole, so they stay unique."""
    whole = f"{role_id}:{key}:{locale}" if key else f"{role_id}:{locale}"
    if len(whole) <= MAX_LENGTH:
        return whole
    digest = hashlib.sha1(whole.encode()).hexdigest()[:10]
    return f"{whole[: MAX_LENGTH - len(digest) - 1]}~{digest}"
