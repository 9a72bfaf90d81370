"""schema.org ``JobPosting`` from any careers page: the HTML page (its
``<script type="application/ld+json">`` blocks) or the JSON itself.

Objects may come alone, in an array, under ``@graph`` or in an ``ItemList``. A posting's
id is its ``identifier``, else its ``url``, else its title.
"""

from __future__ import annotations

import json
import re
from typing import Any

import lxml.html

from jdgen.errors import Position, Problem
from jdgen.importers import pay as paying
from jdgen.importers.fields import date, employment_type, slug
from jdgen.importers.payload import (
    PayloadError,
    each,
    fail,
    load_json,
    require,
    text,
    text_of,
)
from jdgen.importers.places import place
from jdgen.importers.posting import Posting, Section


def _objects(value: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 20:
        return
    if isinstance(value, list):
        for v in value:
            _objects(v, out, depth + 1)
    elif isinstance(value, dict):
        kind = value.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "JobPosting" in kinds:
            out.append(value)
            return
        for key in ("@graph", "itemListElement", "item", "mainEntity"):
            if key in value:
                _objects(value[key], out, depth + 1)


def _name(value: Any) -> str | None:
    return text(value.get("name")) if isinstance(value, dict) else text(value)


def _identifier(job: dict[str, Any]) -> str:
    ident = job.get("identifier")
    if isinstance(ident, dict):
        ident = ident.get("value") or ident.get("@value")
    return text(ident) or text(job.get("url")) or slug(require(job.get("title"), "title"))


def _posting(job: dict[str, Any]) -> Posting:
    p = Posting("jsonld", _identifier(job), require(job.get("title"), "title"))
    if text(job.get("description")):
        p.sections.append(Section(None, job["description"]))
    p.organization = _name(job.get("hiringOrganization"))
    locations = job.get("jobLocation")
    for loc in locations if isinstance(locations, list) else [locations]:
        address = loc.get("address") if isinstance(loc, dict) else None
        if isinstance(address, dict):
            got = place(
                address.get("addressLocality"),
                address.get("addressRegion"),
                _name(address.get("addressCountry")),
                street=text(address.get("streetAddress")),
                postal_code=text(address.get("postalCode")),
            )
            if got is not None:
                p.places.append(got)
    if str(job.get("jobLocationType") or "").upper() == "TELECOMMUTE":
        p.work_arrangement = "remote"
        wanted = job.get("applicantLocationRequirements")
        for req in wanted if isinstance(wanted, list) else [wanted]:
            if (got := place(country=_name(req))) is not None and not p.places:
                p.places.append(got)
    kinds = job.get("employmentType")
    for kind in kinds if isinstance(kinds, list) else [kinds]:
        if isinstance(kind, str) and (found := employment_type(kind)):
            p.employment_type = p.employment_type or found
        elif isinstance(kind, str):
            p.skip("employmentType", f"“{kind}” is no jdgen employment type")
    salary = job.get("baseSalary")
    if isinstance(salary, dict):
        value = salary.get("value")
        value = value if isinstance(value, dict) else {"value": value}
        paying.add(
            p,
            "baseSalary",
            value.get("minValue", value.get("value")),
            value.get("maxValue"),
            salary.get("currency"),
            value.get("unitText") or salary.get("unitText"),
        )
    p.language = text(job.get("inLanguage"))
    p.posted = date(job.get("datePosted"))
    p.valid_through = date(job.get("validThrough"))
    url = text(job.get("url"))
    p.link(url, "url")
    return p


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _page_text(data: bytes, name: str) -> str:
    """A page as text: UTF-8, else the charset its ``<meta>`` declares."""
    try:
        return text_of(data, name)
    except PayloadError:
        m = _CHARSET.search(data[:4096])
        if m is None:
            raise
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            raise fail(
                name, f"the page is not in the charset it declares ({m.group(1).decode()})"
            ) from None


def read(data: bytes, name: str, problems: list[Problem]) -> list[Posting]:
    """The JobPosting objects of an HTML page, or of a JSON document."""
    found: list[dict[str, Any]] = []
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        _objects(load_json(data, name), found)
    else:
        page = lxml.html.document_fromstring(_page_text(data, name))
        for i, script in enumerate(page.iter("script")):
            if (script.get("type") or "").strip().lower() != "application/ld+json":
                continue
            try:
                _objects(json.loads(script.text or "null"), found)
            except (json.JSONDecodeError, RecursionError) as exc:
                line = (script.sourceline or 0) + getattr(exc, "lineno", 1) - 1
                problems.append(
                    Problem(f"JSON-LD block {i + 1} is not JSON: {exc}", Position(name, line))
                )
    if not found and not problems:
        raise fail(
            name, "no schema.org JobPosting found", "save the careers page itself, or its JSON-LD"
        )
    return each(found, _posting, name, "JobPosting", problems)
