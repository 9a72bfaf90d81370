"""SmartRecruiters Posting API: ``GET api.smartrecruiters.com/v1/companies/{id}/postings``
lists postings without their text; each ``…/postings/{postingId}`` has ``jobAd.sections``.
Either shape is read: a list (``{"content": [...]}`` or an array) or one posting.
"""

from __future__ import annotations

from typing import Any

from jdgen.errors import Problem
from jdgen.importers.fields import date, set_employment_type
from jdgen.importers.payload import each, fail, load_json, require, text
from jdgen.importers.places import place
from jdgen.importers.posting import Posting, Section

#: Which field each section of a job ad is, unless its own headings say otherwise.
_SECTIONS = {
    "companyDescription": None,
    "jobDescription": None,
    "qualifications": "must_have",
    "additionalInformation": None,
}


def _label(value: Any) -> str | None:
    return text(value.get("label")) if isinstance(value, dict) else text(value)


def _posting(item: Any) -> Posting:
    p = Posting("smartrecruiters", require(item["id"], "id"), require(item.get("name"), "name"))
    sections = ((item.get("jobAd") or {}).get("sections")) or {}
    for key, given in _SECTIONS.items():
        section = sections.get(key)
        if isinstance(section, dict) and text(section.get("text")):
            p.sections.append(Section(text(section.get("title")), section["text"], given))
    loc = item.get("location") if isinstance(item.get("location"), dict) else {}
    got = place(loc.get("city"), loc.get("region"), loc.get("country"))
    if got is not None:
        p.places.append(got)
    if loc.get("hybrid") is True:
        p.work_arrangement = "hybrid"
    elif loc.get("remote") is True:
        p.work_arrangement = "remote"
    company = item.get("company")
    p.organization = text(company.get("name")) if isinstance(company, dict) else None
    p.team = _label(item.get("department")) or _label(item.get("function"))
    set_employment_type(p, _label(item.get("typeOfEmployment")), "typeOfEmployment")
    language = item.get("language")
    p.language = text(language.get("code")) if isinstance(language, dict) else None
    p.posted = date(item.get("releasedDate"))
    url = text(item.get("applyUrl")) or text(item.get("postingUrl"))
    p.link(url, "applyUrl")
    if _label(item.get("experienceLevel")):
        p.skip("experienceLevel", f"“{_label(item['experienceLevel'])}” has no jdgen field")
    return p


def read(data: bytes, name: str, problems: list[Problem]) -> list[Posting]:
    """The postings of a SmartRecruiters list, or one posting with its job ad."""
    payload = load_json(data, name)
    if isinstance(payload, dict) and isinstance(payload.get("content"), list):
        items = payload["content"]
    elif isinstance(payload, list):
        items = payload
    elif isinstance(payload, dict) and "id" in payload and "name" in payload:
        items = [payload]
    else:
        raise fail(
            name,
            'not a SmartRecruiters payload: expected {"content": [...]} or one posting',
            "fetch api.smartrecruiters.com/v1/companies/<id>/postings/<postingId>",
        )
    return each(items, _posting, name, "content", problems)
