"""Workable widget API: ``GET apply.workable.com/api/v1/widget/accounts/{account}?details=true``.

One job can be listed once per country under one shortcode; the sync merges them into
one role with every place. ``telecommuting`` means remote.
"""

from __future__ import annotations

from typing import Any

from jdgen.errors import Problem
from jdgen.importers.fields import date, set_employment_type
from jdgen.importers.payload import each, fail, load_json, require, text
from jdgen.importers.places import place
from jdgen.importers.posting import Posting, Section


def _job(job: Any, organization: str | None) -> Posting:
    ident = job.get("shortcode") or job.get("code") or job.get("id")
    p = Posting("workable", require(ident, "shortcode"), require(job.get("title"), "title"))
    p.organization = organization
    if text(job.get("description")):
        p.sections.append(Section(None, job["description"]))
    for key in ("requirements", "benefits"):
        if text(job.get(key)):
            p.sections.append(
                Section(None, job[key], "must_have" if key == "requirements" else key)
            )
    p.team = text(job.get("department"))
    set_employment_type(p, text(job.get("employment_type")), "employment_type")
    places = [
        loc for loc in job.get("locations") or [] if isinstance(loc, dict) and not loc.get("hidden")
    ]
    for loc in places or [job]:
        got = place(
            loc.get("city"),
            loc.get("region") or loc.get("state"),
            loc.get("countryCode") or loc.get("country_code") or loc.get("country"),
        )
        if got is not None:
            p.places.append(got)
    if job.get("telecommuting") is True:
        p.work_arrangement = "remote"
    p.posted = date(job.get("published_on") or job.get("created_at"))
    url = text(job.get("application_url")) or text(job.get("url"))
    p.link(url, "application_url")
    for key in ("education", "experience", "function", "industry"):
        if text(job.get(key)):
            p.skip(key, f"“{job[key]}” has no jdgen field")
    return p


def read(data: bytes, name: str, problems: list[Problem]) -> list[Posting]:
    """The jobs of a Workable account (``{"name": ..., "jobs": [...]}``)."""
    payload = load_json(data, name)
    if not (isinstance(payload, dict) and isinstance(payload.get("jobs"), list)):
        raise fail(
            name,
            'not a Workable payload: expected {"jobs": [...]}',
            "fetch apply.workable.com/api/v1/widget/accounts/<account>?details=true",
        )
    org = text(payload.get("name"))
    return each(payload["jobs"], lambda j: _job(j, org), name, "jobs", problems)
