"""Lever Postings API: ``GET api.lever.co/v0/postings/{site}?mode=json`` (EU sites:
``api.eu.lever.co``), a bare array of postings.

Lever already splits a posting: ``opening`` and ``descriptionBody``, then ``lists``
(each a heading and a run of ``<li>``, often without the ``<ul>``), then
``additional``. Each list is split by its own heading.
"""

from __future__ import annotations

from typing import Any

from jdgen.errors import Problem
from jdgen.importers import pay as paying
from jdgen.importers.fields import date, set_employment_type
from jdgen.importers.payload import each, fail, load_json, require, text
from jdgen.importers.places import parse_places, place
from jdgen.importers.posting import Posting, Section

_ARRANGEMENT = {"remote": "remote", "hybrid": "hybrid", "on-site": "on-site", "onsite": "on-site"}


def _posting(item: Any) -> Posting:
    p = Posting("lever", require(item["id"], "id"), require(item.get("text"), "text (the title)"))
    body = item.get("opening") or ""
    body += item.get("descriptionBody") or ("" if body else item.get("description") or "")
    if text(body):
        p.sections.append(Section(None, body))
    for entry in item.get("lists") or []:
        if isinstance(entry, dict) and text(entry.get("content")):
            p.sections.append(Section(text(entry.get("text")), f"<ul>{entry['content']}</ul>"))
    if text(item.get("additional")):
        p.sections.append(Section(None, item["additional"]))
    cats = item.get("categories") if isinstance(item.get("categories"), dict) else {}
    p.team = text(cats.get("team")) or text(cats.get("department"))
    set_employment_type(p, text(cats.get("commitment")), "categories.commitment")
    country = text(item.get("country"))
    texts = [t for t in (cats.get("allLocations") or []) if text(t)] or (
        [cats["location"]] if text(cats.get("location")) else []
    )
    for t in texts:
        found, arrangement = parse_places(str(t))
        for one in found:
            if one.country is None and country and not one.name:
                one.country = (place(country=country) or one).country
        p.places += found
        p.work_arrangement = p.work_arrangement or arrangement
    if not texts and country and (only := place(country=country)):
        p.places.append(only)
    p.work_arrangement = _ARRANGEMENT.get(str(item.get("workplaceType")), p.work_arrangement)
    salary = item.get("salaryRange")
    if isinstance(salary, dict):
        paying.add(
            p,
            "salaryRange",
            salary.get("min"),
            salary.get("max"),
            salary.get("currency"),
            salary.get("interval"),
        )
    if text(item.get("salaryDescription")):
        p.skip("salaryDescription", "the pay note is not imported (the range is)")
    p.posted = date(item.get("createdAt"))
    url = text(item.get("applyUrl")) or text(item.get("hostedUrl"))
    p.link(url, "applyUrl")
    return p


def read(data: bytes, name: str, problems: list[Problem]) -> list[Posting]:
    """The postings of a Lever site: a JSON array."""
    payload = load_json(data, name)
    if isinstance(payload, dict) and isinstance(payload.get("data"), list):
        payload = payload["data"]
    if not isinstance(payload, list):
        raise fail(
            name,
            "not a Lever payload: expected a JSON array of postings",
            "fetch api.lever.co/v0/postings/<site>?mode=json",
        )
    return each(payload, _posting, name, "postings", problems)
