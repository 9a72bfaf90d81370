"""Place strings ("Austin, TX", "Remote - Spain", "Lima, Perú", "上海") → places and the
work arrangement they name.

Country names are recognised in every language CLDR names them in (through Babel),
beside the codes and nicknames in ``places.yaml``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from babel import Locale

from jdgen.foundation.data import read_data
from jdgen.importers.posting import Place

PLACES_FILE = Path(__file__).with_name("places.yaml")
#: The languages whose country names are recognised (CLDR's, through Babel).
NAME_LANGUAGES = ("en", "es", "zh", "zh_Hant", "de", "fr", "pt", "it", "nl", "pl", "nb", "ja")
_SPLIT = re.compile(r"\s*(?:;|\||/|\bor\b|、|\s+o\s+)\s*", re.IGNORECASE)
_POSTAL = re.compile(r"^(\d[\d -]{2,}\d)\s+(\D.*)$|^(\D.*?)\s+(\d[\d -]{2,}\d)$")


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_data(PLACES_FILE)
    return data


@functools.cache
def _countries() -> dict[str, str]:
    names: dict[str, str] = {}
    for tag in NAME_LANGUAGES:
        for code, name in Locale.parse(tag).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO"):
                names.setdefault(name.casefold(), code)
    for code in set(names.values()):
        names.setdefault(code.casefold(), code)
    for alias, code in _data()["countries"].items():
        names[str(alias).casefold()] = str(code)
    return names


def country_code(text: str | None) -> str | None:
    """The ISO 3166 code of a country name or code, in any language CLDR has."""
    if not text:
        return None
    return _countries().get(" ".join(text.split()).casefold().strip(" ."))


@functools.cache
def _words(kind: str) -> re.Pattern[str]:
    words = sorted((str(w) for w in _data()[kind]), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def arrangement_in(text: str) -> str | None:
    """The work arrangement a text names: "remote", "hybrid", "on-site" or None."""
    for kind in ("hybrid", "remote", "on-site"):
        if _words(kind).search(text):
            return kind
    return None


def parse_place(text: str) -> tuple[Place | None, str | None]:
    """One place string → (the place, or None when it names only an arrangement; the
    work arrangement it names)."""
    arrangement = arrangement_in(text)
    rest = text
    for kind in ("hybrid", "remote", "on-site"):
        rest = _words(kind).sub(" ", rest)
    rest = re.sub(r"[()\[\]（）]", ",", rest)
    parts = [p.strip(" -–—:·.") for p in re.split(r"[,，]| - | – ", rest)]
    parts = [p for p in parts if p and p.strip(" -–—")]
    if not parts:
        return None, arrangement
    place = Place()
    last = parts[-1]
    state = _country_of_region(last) if len(parts) > 1 else None
    code = country_code(last) if len(last) > 2 or last.isupper() or not last.isascii() else None
    if state is not None and (code is None or code not in _data()["prefer_country"]):
        place.country = state
    elif code is not None:
        place.country = code
        parts.pop()
    if place.country is None and len(parts) == 1 and parts[0].casefold() in _areas():
        place.name = parts[0]
        return place, arrangement
    if len(parts) >= 2 and (place.country or len(parts[-1]) <= 3 or len(parts) > 2):
        place.region = parts.pop()
    if len(parts) > 1:
        place.street = ", ".join(parts[:-1])
        parts = parts[-1:]
    if parts:
        city = parts[0]
        if (m := _POSTAL.match(city)) is not None:
            place.postal_code = m.group(1) or m.group(4)
            city = m.group(2) or m.group(3)
        place.city = city
    if place.region and place.city is None:
        place.city, place.region = place.region, None
    return place, arrangement


@functools.cache
def _areas() -> frozenset[str]:
    return frozenset(str(a).casefold() for a in _data()["areas"])


def _country_of_region(code: str) -> str | None:
    for country, regions in _data()["regions"].items():
        if code.upper() == code and code in regions:
            return str(country)
    return None


def parse_places(text: str) -> tuple[list[Place], str | None]:
    """A location string that may name several places ("Madrid; Remote")."""
    places: list[Place] = []
    arrangements: set[str] = set()
    for piece in _SPLIT.split(text):
        if not piece.strip():
            continue
        place, arrangement = parse_place(piece)
        if place is not None:
            places.append(place)
        if arrangement:
            arrangements.add(arrangement)
    return places, combine(arrangements)


def combine(arrangements: set[str]) -> str | None:
    """One arrangement for a role whose places name several: hybrid wins over remote
    and on-site together (the role is both), else the one named."""
    if not arrangements:
        return None
    if len(arrangements) == 1:
        return next(iter(arrangements))
    return "hybrid"


def place(
    city: str | None = None,
    region: str | None = None,
    country: str | None = None,
    **more: str | None,
) -> Place | None:
    """A place from structured fields; the country given by name or code."""
    clean = {k: (v.strip() if isinstance(v, str) and v.strip() else None) for k, v in more.items()}
    city = city.strip() if city and city.strip() else None
    region = region.strip() if region and region.strip() else None
    code = country_code(country) if country else None
    if not (city or region or code or clean.get("name")):
        return None
    return Place(city=city, region=region, country=code, **clean)


def dedupe(places: list[Place]) -> list[Place]:
    """Each place once, in the order first given; a bare country mention is dropped
    when a city in that country is listed."""
    seen: dict[str, Place] = {}
    for p in places:
        seen.setdefault(p.key(), p)
    out = list(seen.values())
    cities = {p.country for p in out if p.city}
    return [p for p in out if p.city or p.name or p.country not in cities]
