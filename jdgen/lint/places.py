"""Where a place is: the country, region and city a role's location (or reporting
office, employer seat, staff count) names, read as the laws' places are written
("Denver, CO", "Toronto, ON, Canada", "远程（美国）"), and whether it is in a law's place.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from babel import Locale

from jdgen.foundation.locales import country_in, parse_locale
from jdgen.lint.laws import Law, Place, laws, norm
from jdgen.project.model import Location, Role


@functools.cache
def _regions() -> tuple[tuple[str, str, str], ...]:
    """Every region the laws name, as (name, country, the region's first name), longest
    first, so that "washington dc" is found before "washington"."""
    found = {
        (region, country, sorted(place.regions)[0])
        for law in laws()
        for place in law.places
        for region in place.regions
        for country in place.countries
    }
    return tuple(sorted(found, key=lambda x: (-len(x[0]), x)))


@functools.cache
def _towns() -> tuple[tuple[str, str, str], ...]:
    """(town, country, region) for every town the law files name for their regions."""
    return tuple(
        sorted(
            (town, country, sorted(place.regions)[0] if place.regions else "")
            for law in laws()
            for place in law.places
            for town in place.towns
            for country in place.countries
        )
    )


@functools.cache
def _is_country_code(code: str) -> bool:
    return code.upper() in Locale("en").territories


REMOTE = re.compile(r"remote|anywhere|remoto|en remoto|teletrabajo|远程|居家", re.IGNORECASE)


@dataclass(frozen=True)
class Where:
    country: str
    region: str  # normalized, "" if unknown
    city: str  # normalized, "" if the location names none (Remote, US)
    left_out: frozenset[str] = frozenset()  # regions it excludes ("excluding Colorado")


@functools.cache
def where_of(loc: Location, home: str) -> Where:
    """A location's country, region and city. A missing region is read from the name
    ("Denver, Colorado"; "Toronto, ON" where the country is given, since a bare "CO"
    could be Colombia) or from the cities the laws name ("Brooklyn"); a missing country
    from the region, else ``home``."""
    country = (loc.country or "").upper()
    region = norm(loc.region)
    # "Remote (US, excluding Colorado)" is open in the US: the states it leaves out are
    # not where it is (Colorado's agency covers such postings all the same).
    full = norm(loc.name)
    name = EXCLUDING.sub("", full)
    left_out = _left_out(full[len(name) :])
    parts = [p.strip() for p in name.replace(";", ",").split(",")]
    city = norm(loc.city) or ("" if not name or REMOTE.search(name) else parts[0])
    country = country or _named_country(name)
    if not region:
        region, country = _region_in(parts, name, country, home)
    if region and not country:
        country = next((c for known, c, _ in _regions() if known == region), "")
    if not region and len(parts) == 1 and city:
        for law in laws():
            for place in law.places:
                near = any(c == city or c in parts[0] for c in place.cities)
                if near and (not country or country in place.countries):
                    country = country or sorted(place.countries)[0]
                    region = sorted(place.regions)[0] if place.regions else ""
    if not region and (city or name):
        # "Seattle" with no state: the law files name the larger cities of their states.
        town = next(
            (
                t
                for t in _towns()
                if (t[0] == city or _names(t[0], name)) and (not country or t[1] == country)
            ),
            None,
        )
        if town:
            country, region = country or town[1], town[2]
    if not (country or home or region):
        # "Remote (EMEA)" names no country but is not open everywhere: keep its area as
        # the region, which is in no law's place.
        area = ABROAD.search(name)
        region = area.group(0) if area else ""
    return Where(country or home, region, city or "", left_out)


def _left_out(tail: str) -> frozenset[str]:
    """The regions a place leaves out ("excluding Colorado, NY"), by the names the laws use."""
    if not tail:
        return frozenset()
    parts = [p.strip() for p in re.split(r"[,;/、，]|\band\b|\bor\b|\by\b|和", tail)]
    found = set()
    for known, _, first in _regions():
        named = (len(known) > 2 or not known.isascii()) and _names(known, tail)
        if named or any(p.endswith(" " + known) or p == known for p in parts):
            found.add(first)
    return frozenset(found)


EXCLUDING = re.compile(
    r"[\s,;(\[–-]*\b(?:excluding|except|excl|not in|not available in|outside of|excepto|salvo)\b.*$"
    r"|[\s,;(（]*除.*$"
)

#: Areas a remote place may name that hold no country with a law reaching remote work.
ABROAD = re.compile(
    r"\b(?:europe|europa|emea|apac|asia(?:[- ]pacific)?|africa|latam|latin america|"
    r"south america|am[ée]rica latina|latinoam[ée]rica|oceania|middle east|mena)\b"
    r"|欧洲|亚洲|非洲|拉丁美洲|拉美|亚太|中东"
)


def _region_in(parts: list[str], name: str, country: str, home: str) -> tuple[str, str]:
    """The region a place name states, and its country: first a part after a comma that
    is a region ("Denver, CO"; a code that is also a country's, CO for Colombia, only
    where the location or the role's language names no other country), then a region's
    name anywhere in it ("Greater Boston, Massachusetts area")."""
    regions = [r for r in _regions() if not country or r[1] == country]
    for part in parts[1:]:
        for known, in_country, first in regions:
            if part != known:
                continue
            ambiguous = len(known) == 2 and not country and _is_country_code(known)
            if ambiguous and home and home != in_country:
                continue
            return first, country or in_country
    for known, in_country, first in regions:
        if (len(known) > 2 or not known.isascii()) and _names(known, name):
            return first, country or in_country
    return "", country


def _names(known: str, name: str) -> bool:
    """Whether ``name`` holds the place ``known`` as a word (Chinese has no spaces)."""
    if not known.isascii() and not re.search(r"[a-z]", known):
        return known in name
    # "West Virginia" is not Virginia.
    return re.search(rf"(?<!\w)(?<!west ){re.escape(known)}(?!\w)", name) is not None


# Countries written the short way in place names ("Remote (US)", "Austin, TX, USA").
SHORT_NAMES = {"us": "US", "usa": "US", "eeuu": "US", "ee uu": "US", "uk": "GB"}


def _named_country(name: str) -> str:
    """The country a place name states: "Remote - US", "Toronto, ON, Canada", "远程（美国）"."""
    for chunk in re.split(r"[,，、;()（）/|·–-]", name):
        chunk = chunk.strip()
        if not chunk:
            continue
        found = SHORT_NAMES.get(chunk) or next(
            (c for lang in ("en", "es", "zh") if (c := country_in(chunk, _locale(lang)))), None
        )
        if found:
            return found
    # A remote place says it in a sentence: "Anywhere in the USA", "remoto desde España".
    if REMOTE.search(name):
        words = re.findall(r"[\w.]+", name)
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i : i + n]).strip(".")
                found = SHORT_NAMES.get(phrase.replace(".", "")) or next(
                    (c for lang in ("en", "es") if (c := country_in(phrase, _locale(lang)))),
                    None,
                )
                if found:
                    return found
        for chinese, code in _chinese_countries():
            if chinese in name:
                return code
    return ""


@functools.cache
def _chinese_countries() -> tuple[tuple[str, str], ...]:
    """Country names in Chinese, longest first (远程（美国）has no spaces to split on)."""
    names = {
        name: code
        for code, name in Locale("zh").territories.items()
        if len(code) == 2 and code.isalpha() and len(name) >= 2
    }
    return tuple(sorted(names.items(), key=lambda item: (-len(item[0]), item[0])))


@functools.cache
def _locale(tag: str) -> Locale:
    return Locale.parse(tag)


def home_country(role: Role) -> str:
    """The country a role's locations are in when they name none: that of its language
    only where the language names a territory (es-ES) or has one market (zh-Hans)."""
    locale = parse_locale(role.language).babel
    if locale.territory:
        return str(locale.territory)
    if locale.language == "zh" and locale.script != "Hant":
        return "CN"
    return ""


def in_place(place: Place, where: Where, remote: bool) -> bool:
    """Whether a location is in the place; for a remote job, also whether applicants
    working from there could be in it: a location with no region covers its country's
    states, one with no city its region's cities."""
    if where.country not in place.countries:
        return False
    if place.regions and where.region not in place.regions and not (remote and not where.region):
        return False
    in_city = any(c in where.city for c in place.cities if where.city)
    return not place.cities or in_city or (remote and not where.city)


def exact(law: Law, where: Where) -> bool:
    """Whether the place is in the law's place (a country-wide place is in no state)."""
    return any(in_place(p, where, False) for p in law.places)


def could_be(law: Law, where: Where) -> bool:
    """Whether a job open to applicants anywhere in ``where`` could be done in the law's
    place: a place naming no country is open everywhere."""
    if not where.country:
        return not (where.region or where.city)
    places = [p for p in law.places if law.reaches_left_out or not (p.regions & where.left_out)]
    return any(in_place(p, where, True) for p in places)
