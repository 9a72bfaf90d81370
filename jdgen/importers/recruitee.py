"""Recruitee careers API: ``GET {company}.recruitee.com/api/offers/``.

The text is split between ``description`` and ``requirements`` (the latter often also
holds the hiring steps and the benefits, under their own headings). Salary figures may
be strings. ``remote`` and ``hybrid`` can both be true: hybrid wins.
"""

from __future__ import annotations

from typing import Any

from jdgen.errors import Problem
from jdgen.importers import pay as paying
from jdgen.importers.fields import date, set_employment_type
from jdgen.importers.payload import each, fail, load_json, require, text
from jdgen.importers.places import place
from jdgen.importers.posting import Posting, Section


def _offer(offer: Any) -> Posting:
    p = Posting("recruitee", require(offer["id"], "id"), require(offer.get("title"), "title"))
    if text(offer.get("description")):
        p.sections.append(Section(None, offer["description"]))
    if text(offer.get("requirements")):
        p.sections.append(Section(None, offer["requirements"], "must_have"))
    p.organization = text(offer.get("company_name"))
    p.team = text(offer.get("department"))
    locations = [x for x in offer.get("locations") or [] if isinstance(x, dict)] or [offer]
    for loc in locations:
        got = place(
            loc.get("city"),
            loc.get("state_name") or loc.get("state"),
            loc.get("country_code") or loc.get("country"),
        )
        if got is not None:
            p.places.append(got)
    if offer.get("hybrid") is True:
        p.work_arrangement = "hybrid"
    elif offer.get("remote") is True:
        p.work_arrangement = "remote"
    elif offer.get("on_site") is True:
        p.work_arrangement = "on-site"
    set_employment_type(p, text(offer.get("employment_type_code")), "employment_type_code")
    salary = offer.get("salary")
    if isinstance(salary, dict) and (salary.get("min") or salary.get("max")):
        paying.add(
            p,
            "salary",
            salary.get("min"),
            salary.get("max"),
            salary.get("currency"),
            salary.get("period"),
        )
    p.posted = date(offer.get("published_at"))
    p.valid_through = date(offer.get("close_at"))
    url = text(offer.get("careers_apply_url")) or text(offer.get("careers_url"))
    p.link(url, "careers_apply_url")
    return p


def read(data: bytes, name: str, problems: list[Problem]) -> list[Posting]:
    """The offers of a Recruitee careers site (``{"offers": [...]}``)."""
    payload = load_json(data, name)
    if isinstance(payload, dict) and isinstance(payload.get("offer"), dict):
        payload = {"offers": [payload["offer"]]}
    if not (isinstance(payload, dict) and isinstance(payload.get("offers"), list)):
        raise fail(
            name,
            'not a Recruitee payload: expected {"offers": [...]}',
            "fetch https://<company>.recruitee.com/api/offers/",
        )
    return each(payload["offers"], _offer, name, "offers", problems)
