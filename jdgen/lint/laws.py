"""Pay-transparency law, by jurisdiction: the laws, and where each applies (what each
finds missing is jdgen/lint/transparency.py). The laws are data, one file per
jurisdiction (``rules/laws/*.yaml``, described in its README): where it applies, from
when, from what employer size, and what a posting must state.

A law applies to a role when one of its locations is in the law's place (for a remote
role, its locations are where applicants may work from, so a remote job open to all of
the US could be done in Colorado), when the role's posting date (else the build date) is
on or after the law's effective date, and when the employer is at least the law's size
(``organization.employees``; unset, every law is assumed to apply, and the finding says
so). Each location is judged with its own pay where it gives one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

import yaml
from babel import Locale

from jdgen.foundation.locales import country_in, parse_locale
from jdgen.lint.rules import RULES_DIR, Rule
from jdgen.project.model import Location, Role

LAWS_DIR = RULES_DIR / "laws"
REQUIREMENTS = {
    "pay-range": "a pay range (a minimum and a maximum)",
    "pay": "the pay",
    "pay-minimum": "the minimum pay",
    "benefits": "a description of the benefits",
    "deadline": "the application deadline (valid_through)",
    "validity": "how long the posting is valid (valid_through)",
    "how-to-apply": "how to apply (apply)",
    "headcount": "the number of openings (headcount)",
    "ai-disclosure": "whether AI screens applicants (ai_screening)",
    "vacancy": "whether the vacancy exists (vacancy)",
    "neutral-title": "a gender-neutral title",
}


@dataclass(frozen=True)
class Place:
    countries: frozenset[str]
    regions: frozenset[str]  # normalized: lower case, no dots
    cities: tuple[str, ...]


@dataclass(frozen=True)
class Law:
    id: str
    name: str
    effective: dt.date
    enforced: dt.date | None
    employees: int | None
    places: tuple[Place, ...]
    remote: bool
    requires: tuple[tuple[str, dt.date | None], ...]
    range: dict[str, Any]
    forbidden: tuple[tuple[re.Pattern[str], str], ...]
    rule: Rule
    checked: dt.date


def _norm(text: str | None) -> str:
    if text is not None and not isinstance(text, str):  # YAML 1.1 reads a bare ON as true
        raise ValueError(f"a place must be text, not {text!r}: quote it")
    return (text or "").lower().replace(".", "").strip()


def _law(data: dict[str, Any]) -> Law:
    places = []
    for place in data["places"]:
        countries = place["country"]
        regions = place.get("region", [])
        places.append(
            Place(
                frozenset([countries] if isinstance(countries, str) else countries),
                frozenset(_norm(r) for r in ([regions] if isinstance(regions, str) else regions)),
                tuple(_norm(c) for c in place.get("cities", ())),
            )
        )
    requires = []
    for item in data["requires"]:
        if isinstance(item, dict):
            ((name, since),) = item.items()
            requires.append((name, since))
        else:
            requires.append((item, None))
    unknown = {name for name, _ in requires} - set(REQUIREMENTS)
    if unknown:
        raise ValueError(f"law {data['id']}: unknown requirements {sorted(unknown)}")
    size = f"; employers with {data['employees']}+ employees" if data.get("employees") else ""
    enforced = f", enforced from {data['enforced']}" if data.get("enforced") else ""
    source = (
        f"{data['law']} (in force from {data['effective']}{enforced}{size}; "
        f"checked {data['checked']})"
    )
    rule = Rule(
        f"comp.{data['id']}",
        data["severity"],
        "pay-transparency",
        data["reason"],
        data["fix"],
        source,
        "checks",
        data={"name": data["name"], "url": data.get("url", "")},
    )
    return Law(
        data["id"],
        data["name"],
        data["effective"],
        data.get("enforced"),
        data.get("employees"),
        tuple(places),
        bool(data.get("remote", False)),
        tuple(requires),
        dict(data.get("range") or {}),
        tuple(
            (re.compile(f["pattern"], re.IGNORECASE), f["why"]) for f in data.get("forbidden", ())
        ),
        rule,
        data["checked"],
    )


@functools.cache
def laws() -> tuple[Law, ...]:
    """Every law, from its file, in the order of their ids."""
    found = [
        _law(yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted(LAWS_DIR.glob("*.yaml"))
    ]
    return tuple(sorted(found, key=lambda law: law.id))


def law_rules() -> list[Rule]:
    return [law.rule for law in laws()]


# -- where ------------------------------------------------------------------------------


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
def _is_country_code(code: str) -> bool:
    return code.upper() in Locale("en").territories


REMOTE = re.compile(r"remote|anywhere|remoto|en remoto|teletrabajo|远程|居家", re.IGNORECASE)


@dataclass(frozen=True)
class Where:
    country: str
    region: str  # normalized, "" if unknown
    city: str  # normalized, "" if the location names none (Remote, US)


def _where(loc: Location, home: str) -> Where:
    """A location's country, region and city. A missing region is read from the name
    ("Denver, Colorado"; "Toronto, ON" where the country is given, since a bare "CO"
    could be Colombia) or from the cities the laws name ("Brooklyn"); a missing country
    from the region, else ``home``."""
    country = (loc.country or "").upper()
    region = _norm(loc.region)
    name = _norm(loc.name)
    parts = [p.strip() for p in name.replace(";", ",").split(",")]
    city = _norm(loc.city) or ("" if not name or REMOTE.search(name) else parts[0])
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
    return Where(country or home, region, city or "")


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
    return re.search(rf"(?<!\w){re.escape(known)}(?!\w)", name) is not None


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


def _in(place: Place, where: Where, remote: bool) -> bool:
    """Whether a location is in the place; for a remote job, also whether applicants
    working from there could be in it: a location with no region covers its country's
    states, one with no city its region's cities."""
    if where.country not in place.countries:
        return False
    if place.regions and where.region not in place.regions and not (remote and not where.region):
        return False
    in_city = any(c in where.city for c in place.cities if where.city)
    return not place.cities or in_city or (remote and not where.city)


def applies(law: Law, loc: Location, remote: bool, home: str = "") -> bool:
    where = _where(loc, home)
    if any(_in(p, where, False) for p in law.places):
        return True
    return remote and law.remote and any(_in(p, where, True) for p in law.places)


def laws_markdown() -> str:
    """The table of laws in docs/lint.md."""
    out = [
        "## Pay-transparency laws",
        "",
        "One file per jurisdiction in `jdgen/lint/rules/laws/` (its README gives the format).",
        "A law applies to a role when one of its locations is in the law's place: for a remote",
        "role (`work_arrangement: remote`) its locations are where applicants may work from,",
        "so a location that names only a country covers every state of it whose law reaches",
        "remote jobs. The role is judged by the law in force on its `posted` date (else the",
        "build date); `organization.employees` in `jdgen.yaml` decides the laws with a size",
        "threshold (unset, they are assumed to apply). Each location is judged with its own",
        "`pay` where it gives one. A law in force but not yet enforced gives warnings.",
        "",
        "| rule | where | from | employers | severity | remote jobs | the posting must state "
        "| law | checked |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for law in laws():
        size = f"{law.employees}+" if law.employees else "all"
        since = str(law.effective) + (f" (enforced {law.enforced})" if law.enforced else "")
        needs = [REQUIREMENTS[name] + (f" from {day}" if day else "") for name, day in law.requires]
        if law.range.get("max_width"):
            needs.append(
                f"a range at most {law.range['max_width']:,} {law.range.get('currency', '')} "
                f"wide a {law.range.get('period', 'year')}"
                + (
                    f" (below {law.range['exempt_above']:,})"
                    if law.range.get("exempt_above")
                    else ""
                )
            )
        needs += [f"not: {why}" for _, why in law.forbidden]
        law_name = law.rule.source.split(" (in force")[0]
        if law.rule.data.get("url"):
            law_name = f"[{law_name}]({law.rule.data['url']})"
        cells = [
            f"`{law.rule.id}`",
            law.name,
            since,
            size,
            law.rule.severity,
            "yes" if law.remote else "no",
            "; ".join(needs),
            law_name,
            str(law.checked),
        ]
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(out) + "\n"
