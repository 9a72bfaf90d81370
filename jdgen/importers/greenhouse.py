"""Greenhouse Job Board API: ``GET boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true``
(or one job, ``jobs/{id}?pay_transparency=true``, for its ``pay_input_ranges``).

``content`` is HTML escaped as entities once more (``&lt;p&gt;``): it is decoded once,
then parsed, and the parser decodes the entities of the HTML itself (``&amp;nbsp;``
becomes a space, not the text "&nbsp;"). Greenhouse wraps the board's intro and closing
in ``content-intro`` / ``content-conclusion``; those are dropped, as is the pay
paragraph (``content-pay-transparency``), whose ranges come as data.
"""

from __future__ import annotations

import html
import re
from typing import Any

import lxml.html
from lxml import etree

from jdgen.errors import Problem
from jdgen.importers import pay as paying
from jdgen.importers.fields import date, employment_type
from jdgen.importers.payload import each, fail, load_json, require, text
from jdgen.importers.posting import Posting, Section

_BOARD_PARTS = re.compile(r"\bcontent-(intro|conclusion|pay-transparency)\b")


def _content(escaped: str) -> str:
    markup = html.unescape(escaped)
    if "content-" not in markup:
        return markup
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for el in list(root.iter()):
        if isinstance(el.tag, str) and _BOARD_PARTS.search(el.get("class") or ""):
            parent = el.getparent()
            if parent is not None:
                tail = el.tail
                parent.remove(el)
                if tail:
                    parent.text = (parent.text or "") + tail
    return etree.tostring(root, encoding="unicode", method="html")


def _job(job: Any) -> Posting:
    p = Posting("greenhouse", require(job["id"], "id"), require(job.get("title"), "title"))
    if isinstance(job.get("content"), str):
        p.sections.append(Section(None, _content(job["content"]), decode=True))
    p.language = text(job.get("language"))
    p.organization = text(job.get("company_name"))
    location = (
        (job.get("location") or {}).get("name") if isinstance(job.get("location"), dict) else None
    )
    if text(location):
        p.place_texts.append(str(location))
    else:
        for office in job.get("offices") or []:
            if isinstance(office, dict) and text(office.get("location") or office.get("name")):
                p.place_texts.append(str(office.get("location") or office.get("name")))
    departments = [text(d.get("name")) for d in job.get("departments") or [] if isinstance(d, dict)]
    p.team = next((d for d in departments if d), None)
    p.posted = date(job.get("first_published"))
    p.valid_through = date(job.get("application_deadline"))
    url = text(job.get("absolute_url"))
    p.link(url, "absolute_url")
    for field in job.get("metadata") or []:
        if not isinstance(field, dict):
            continue
        label, value = str(field.get("name") or ""), field.get("value")
        kind = employment_type(value) if isinstance(value, str) else None
        if kind and re.search(r"employment|job type|contract|commitment", label, re.I):
            p.employment_type = kind
            continue
        if value not in (None, "", []):
            p.skip(f"metadata[{label}]", f"the custom field “{label}” has no jdgen field")
    for i, zone in enumerate(job.get("pay_input_ranges") or []):
        if not isinstance(zone, dict):
            continue
        got = paying.add(
            p,
            f"pay_input_ranges[{i}]",
            zone.get("min_cents"),
            zone.get("max_cents"),
            zone.get("currency_type"),
            "year",
            zone=text(zone.get("title")),
            cents=True,
        )
        if got is not None:
            p.warnings.append(
                (f"pay_input_ranges[{i}]", "Greenhouse gives no pay period; a year is assumed")
            )
    if job.get("questions"):
        p.skip("questions", "application questions are the ATS's form, not part of a role")
    return p


def read(data: bytes, name: str, problems: list[Problem]) -> list[Posting]:
    """The postings of a Greenhouse board (``{"jobs": [...]}``) or of one job."""
    payload = load_json(data, name)
    if isinstance(payload, dict) and isinstance(payload.get("jobs"), list):
        jobs = payload["jobs"]
    elif isinstance(payload, dict) and "title" in payload and "id" in payload:
        jobs = [payload]
    else:
        raise fail(
            name,
            'not a Greenhouse payload: expected {"jobs": [...]} or one job',
            "fetch boards-api.greenhouse.io/v1/boards/<board>/jobs?content=true",
        )
    return each(jobs, _job, name, "jobs", problems)
