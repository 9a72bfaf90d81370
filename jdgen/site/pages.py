"""The careers site's pages: what each says, from rendered roles. No I/O here.

Every posting page carries schema.org JobPosting JSON-LD built from the same localized
role as the visible text, so the markup cannot say what the page does not. Every page
lists its alternates in every locale (reciprocal, itself included, plus ``x-default``),
with hreflang tags that search engines accept (``es-AR``; a numeric region such as
``es-419`` is written as its language).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from babel import Locale
from markupsafe import Markup

from jdgen.foundation.inline import to_text as inline_text
from jdgen.foundation.xml_text import quoteattr, xml_escape
from jdgen.i18n.localize import Localizer
from jdgen.project.config import Project
from jdgen.project.identity import job_id, location_keys
from jdgen.project.model import Location, Role
from jdgen.site.qualifications import qualifications

SCHEMA_EMPLOYMENT = {
    "full-time": "FULL_TIME",
    "part-time": "PART_TIME",
    "contract": "CONTRACTOR",
    "temporary": "TEMPORARY",
    "internship": "INTERN",
    "volunteer": "VOLUNTEER",
    "per-diem": "PER_DIEM",
    "other": "OTHER",
}
#: Google's required JobPosting properties (plus jobLocation or the telecommute pair).
REQUIRED = ("title", "description", "datePosted", "hiringOrganization")
STYLESHEET = "assets/style.css"


def posting_path(locale: str, role_id: str, kind: str = "posting", ext: str = ".html") -> str:
    """Where a role's document lives in the site, relative to its root."""
    folder = f"{locale}/{role_id}/"
    if kind == "posting" and ext == ".html":
        return folder + "index.html"
    return f"{folder}{kind}{ext}"


def page_url(path: str) -> str:
    """The URL path of a page file: ``es/x/index.html`` → ``es/x/``."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


def hreflang(tag: str) -> str:
    """A BCP 47 tag as hreflang takes it: ``es-419`` (rejected by Google) becomes ``es``."""
    parts = tag.split("-")
    return "-".join(p for p in parts if not p.isdigit())


def hreflangs(tags: Sequence[str]) -> dict[str, str]:
    """The hreflang of each locale, no two the same: when two locales map to one code
    (``es`` and ``es-419`` both to ``es``), the one that is that code wins, else the first
    configured; the other is left out of the alternates (its page is still published)."""
    wanted = {tag: hreflang(tag) for tag in tags}
    out: dict[str, str] = {}
    for tag in sorted(tags, key=lambda t: (wanted[t] != t, list(tags).index(t))):
        if wanted[tag] not in out.values():
            out[tag] = wanted[tag]
    return {tag: out[tag] for tag in tags if tag in out}


def language_name(tag: str) -> str:
    """The locale's name in its own language, capitalised: Español (Argentina), 中文."""
    locale = Locale.parse(tag.replace("-", "_"))
    name = locale.get_display_name(locale) or tag
    return name[:1].upper() + name[1:]


def plain(text: str | None) -> str:
    return " ".join(inline_text(text or "").split())


def json_number(value: Decimal) -> int | float:
    """An amount as JSON and YAML write it: 28000, not 28000.0 or "28000"."""
    return int(value) if value == value.to_integral_value() else float(value)


def job_posting(
    role: Role,
    localizer: Localizer,
    project: Project,
    body_html: str,
    url: str,
    identifier: str | None = None,
) -> dict[str, Any]:
    """schema.org JobPosting for a role as shown in one locale; ``identifier`` is its job
    id (jdgen.project.identity), the role's id if not given."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": plain(role.title),
        "description": body_html,
        "url": url,
    }
    if role.posted:
        data["datePosted"] = role.posted.isoformat()
    if role.valid_through:
        data["validThrough"] = role.valid_through.isoformat()
    org = project.config.organization
    company = plain(role.organization) or (org.name if org else "")
    if company:
        hiring: dict[str, Any] = {"@type": "Organization", "name": company}
        if org and org.url:
            hiring["sameAs"] = org.url
        if org and org.logo:
            hiring["logo"] = org.logo
        data["hiringOrganization"] = hiring
    # The same id as the job boards' feeds: stable over a rename, one per locale.
    data["identifier"] = {
        "@type": "PropertyValue",
        "name": company or "jdgen",
        "value": identifier or role.id,
    }
    if role.employment_type:
        data["employmentType"] = SCHEMA_EMPLOYMENT[role.employment_type]
    if role.work_arrangement == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = [
            {"@type": "Country", "name": loc.country or plain(loc.label)} for loc in role.locations
        ]
    elif places := [_place(loc) for loc in role.locations if loc.city or loc.country]:
        # A location that is only a name ("offices abroad") is shown, but is no place.
        data["jobLocation"] = places if len(places) > 1 else places[0]
    if role.salary:
        value: dict[str, Any] = {
            "@type": "QuantitativeValue",
            "unitText": role.salary.period.upper(),
        }
        if role.salary.min is not None:
            value["minValue"] = json_number(role.salary.min)
        if role.salary.max is not None:
            value["maxValue"] = json_number(role.salary.max)
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": role.salary.currency,
            "value": value,
        }
    data.update(qualifications(role))
    if isinstance(role.headcount, int):
        data["totalJobOpenings"] = role.headcount
    if role.apply and (role.apply.url or role.apply.email):
        # The posting says where to apply: its own link or address, not a job board's.
        data["directApply"] = True
    return data


def job_postings(
    role: Role,
    localizer: Localizer,
    project: Project,
    body_html: str,
    url: str,
    keys: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """The JobPostings of a role in one locale: one, or, where locations set their own
    pay, one per pay with the locations it applies to (Google's baseSalary is one range
    per posting). Each is identified by the job id of its first location (``keys``: the
    role's location keys, from the role as written), so no two share one."""
    keys = list(keys) or location_keys(role)
    tag = localizer.info.tag
    groups = role.pay_groups()
    if len(groups) == 1:
        first = keys[0] if keys else None
        return [job_posting(role, localizer, project, body_html, url, job_id(role.id, first, tag))]
    out = []
    for pay, at in groups:
        here = replace(role, locations=tuple(role.locations[i] for i in at), salary=pay)
        ident = job_id(role.id, keys[at[0]], tag)
        out.append(job_posting(here, localizer, project, body_html, url, ident))
    return out


def _place(loc: Location) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if loc.street:
        address["streetAddress"] = plain(loc.street)
    if loc.city or loc.name:
        address["addressLocality"] = plain(loc.city or loc.name)
    if loc.region:
        address["addressRegion"] = plain(loc.region)
    if loc.postal_code:
        address["postalCode"] = plain(loc.postal_code)
    if loc.country:
        address["addressCountry"] = loc.country
    return {"@type": "Place", "address": address}


UNITS = ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")


def missing_required(posting: dict[str, Any]) -> list[str]:
    """What Google's Rich Results test would report of a JobPosting: its required
    properties, and the errors Search Console reports most often (a location without
    addressCountry, an organization without a name, the shape of baseSalary, the format
    of validThrough, employmentType values)."""
    missing = [key for key in REQUIRED if not posting.get(key)]
    remote = posting.get("jobLocationType") == "TELECOMMUTE"
    if "jobLocation" not in posting and not remote:
        missing.append("jobLocation (a location with a city or a country)")
    if remote and not posting.get("applicantLocationRequirements"):
        missing.append("applicantLocationRequirements")
    places = posting.get("jobLocation") or []
    for place in places if isinstance(places, list) else [places]:
        address = place.get("address", {})
        if not address.get("addressCountry"):
            where = address.get("addressLocality", "?")
            missing.append(f'addressCountry for "{where}" (add country: to the location)')
    if "hiringOrganization" in posting and not posting["hiringOrganization"].get("name"):
        missing.append("hiringOrganization.name")
    salary = posting.get("baseSalary")
    if salary is not None:
        value = salary.get("value", {})
        numbers = [value.get(k) for k in ("minValue", "maxValue", "value") if k in value]
        if value.get("unitText") not in UNITS or not numbers or not salary.get("currency"):
            missing.append("a well-formed baseSalary (currency, a value, unitText)")
    until = posting.get("validThrough")
    if until is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:+\-Z.]+)?", until):
        missing.append("validThrough in ISO 8601 form")
    kinds = posting.get("employmentType")
    if kinds is not None and kinds not in SCHEMA_EMPLOYMENT.values():
        missing.append("an employmentType Google knows")
    return missing


def json_ld(posting: dict[str, Any] | list[dict[str, Any]]) -> Markup:
    """JSON-LD for a <script> element. ``<``, ``>`` and ``&`` are written as JSON escapes,
    so no text can close the element (``</script>``) or make an HTML parser swallow the
    rest of the page (``<!--<script>``); the JSON means exactly the same."""
    text = json.dumps(posting, ensure_ascii=False, indent=1, sort_keys=True)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    return Markup(text)


# -- links between locales --------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    href: str
    hreflang: str
    lang: str
    name: str
    current: bool = False


def relpath(target: str, start: str) -> str:
    """``posixpath.relpath`` for two site-relative paths, by splitting strings: the site's
    listing pages make ~150 links each, and ``relpath``'s two ``abspath`` calls were half
    of a one-role rebuild. Anything not plainly relative (``..``, ``.``, ``//``, a leading
    ``/``) goes to ``posixpath.relpath`` itself."""
    to = [] if target == "." else target.removesuffix("/").split("/")
    here = [] if start == "." else start.removesuffix("/").split("/")
    if any(part in ("", ".", "..") for part in (*to, *here)):
        return posixpath.relpath(target, start)
    same = 0
    while same < len(to) and same < len(here) and to[same] == here[same]:
        same += 1
    return "/".join([".."] * (len(here) - same) + to[same:]) or "."


def relative(from_path: str, to_path: str) -> str:
    """A relative link from one site file to another (both relative to the site root),
    so the site works wherever it is published, even from a sub-folder."""
    target = page_url(to_path)
    link = relpath(target or ".", posixpath.dirname(from_path) or ".")
    if target.endswith("/") or not target:
        return "./" if link == "." else link + "/"
    return link


def alternates(
    base_url: str, paths: dict[str, str], default: str, default_path: str | None = None
) -> list[Link]:
    """<link rel=alternate> for one page: every locale's version, and x-default (the
    default locale's version, or ``default_path``, such as the language chooser)."""
    codes = hreflangs(list(paths))
    links = [
        Link(base_url + page_url(p), codes[tag], tag, tag)
        for tag, p in paths.items()
        if tag in codes
    ]
    fallback = default_path or paths.get(default) or next(iter(paths.values()))
    links.append(Link(base_url + page_url(fallback), "x-default", default, "x-default"))
    return links


def switcher(current_path: str, paths: dict[str, str], current: str) -> list[Link]:
    """The language switcher: the same page in every locale, each named in its language."""
    codes = hreflangs(list(paths))
    return [
        Link(relative(current_path, p), codes.get(tag, ""), tag, language_name(tag), tag == current)
        for tag, p in paths.items()
    ]


# -- site-wide files --------------------------------------------------------------------


def sitemap(
    base_url: str,
    pages: Sequence[tuple[dict[str, str], str | None, str | None]],
    default: str,
) -> str:
    """sitemap.xml with xhtml:link alternates: for each set of pages (one page in every
    locale, where its x-default points if not to the default locale's page, and the day
    it last changed). An x-default page of its own (the language chooser) is listed too."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for paths, x_default, lastmod in pages:
        # The same alternates for every page of the set: write them once.
        links = "\n".join(
            f'    <xhtml:link rel="alternate" hreflang={quoteattr(link.hreflang)}'
            f" href={quoteattr(link.href)}/>"
            for link in alternates(base_url, paths, default, x_default)
        )
        changed = f"    <lastmod>{xml_escape(lastmod)}</lastmod>\n" if lastmod else ""
        listed = list(paths.values())
        if x_default and x_default not in listed:
            listed.insert(0, x_default)
        for path in listed:
            out.append(
                f"  <url>\n    <loc>{xml_escape(base_url + page_url(path))}</loc>\n"
                f"{changed}{links}\n  </url>"
            )
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def robots(base_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n"
