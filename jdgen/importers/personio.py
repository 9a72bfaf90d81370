"""Personio XML feed: ``GET {company}.jobs.personio.de/xml?language=en``.

Each ``jobDescription`` is a heading and its HTML. The feed has no job URL, so no
apply link is written (add ``apply.url`` to the role: it is kept). XML is read with
entities unresolved and a DTD refused (``payload.load_xml``).
"""

from __future__ import annotations

from lxml import etree

from jdgen.errors import Problem
from jdgen.importers import pay as paying
from jdgen.importers.fields import date, employment_type
from jdgen.importers.payload import each, fail, load_xml, require, text
from jdgen.importers.places import parse_places
from jdgen.importers.posting import Posting, Section


def _t(el: etree._Element, path: str) -> str | None:
    return text(el.findtext(path))


def _position(el: etree._Element) -> Posting:
    p = Posting("personio", require(_t(el, "id"), "id"), require(_t(el, "name"), "name"))
    for desc in el.iterfind("jobDescriptions/jobDescription"):
        value = desc.findtext("value") or ""
        if value.strip():
            p.sections.append(Section(_t(desc, "name"), value))
    p.organization = _t(el, "subcompany")
    p.team = _t(el, "department") or _t(el, "recruitingCategory")
    offices = [_t(el, "office"), *(text(o.text) for o in el.iterfind("additionalOffices/office"))]
    for office in offices:
        if office:
            found, arrangement = parse_places(office)
            p.places += found
            p.work_arrangement = p.work_arrangement or arrangement
    schedule, kind = _t(el, "schedule"), _t(el, "employmentType")
    p.employment_type = employment_type(kind) if kind and kind != "permanent" else None
    p.employment_type = p.employment_type or (employment_type(schedule) if schedule else None)
    if p.employment_type is None and (schedule or kind):
        p.skip("employmentType", f"“{kind}/{schedule}” is no jdgen employment type")
    p.posted = date(_t(el, "createdAt"))
    salary = el.find("salaryInformation")
    if salary is not None:
        paying.add(
            p,
            "salaryInformation",
            salary.findtext("min"),
            salary.findtext("max"),
            _t(salary, "currencyCode") or _t(salary, "currencySymbol"),
            _t(salary, "type"),
        )
    for key in ("seniority", "yearsOfExperience", "occupation", "occupationCategory", "keywords"):
        if _t(el, key):
            p.skip(key, f"“{_t(el, key)}” has no jdgen field")
    return p


def read(data: bytes, name: str, problems: list[Problem]) -> list[Posting]:
    """The positions of a Personio XML feed (``<workzag-jobs><position>…``)."""
    root = load_xml(data, name)
    if root.tag != "workzag-jobs" and root.find("position") is None:
        raise fail(
            name,
            f"not a Personio feed: the root is <{root.tag!s}>, not <workzag-jobs>",
            "fetch https://<company>.jobs.personio.de/xml?language=en",
        )
    return each(root.iterfind("position"), _position, name, "position", problems)
