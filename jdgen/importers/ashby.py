"""Ashby Posting API:
``GET api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true``.

Unlisted jobs (``isListed: false``) are left out. ``workplaceType`` decides the work
arrangement (it can say Hybrid while ``isRemote`` is true). Compensation tiers become
each tier's pay; bonus and equity components become the pay structure.
"""

from __future__ import annotations

from typing import Any

from jdgen.errors import Problem
from jdgen.importers import pay as paying
from jdgen.importers.fields import date, set_employment_type
from jdgen.importers.payload import each, fail, load_json, require, text
from jdgen.importers.places import parse_places, place
from jdgen.importers.posting import Place, Posting, Section

_ARRANGEMENT = {"onsite": "on-site", "remote": "remote", "hybrid": "hybrid"}


def _where(entry: Any) -> tuple[list[Place], str | None]:
    if not isinstance(entry, dict):
        return [], None
    address = entry.get("address")
    postal = address.get("postalAddress") if isinstance(address, dict) else None
    if isinstance(postal, dict):
        got = place(
            postal.get("addressLocality"), postal.get("addressRegion"), postal.get("addressCountry")
        )
        if got is not None:
            return [got], None
    label = entry.get("location") or entry.get("locationName")
    return parse_places(label) if isinstance(label, str) else ([], None)


def _components(p: Posting, components: Any, zone: str | None, where: str) -> None:
    for j, c in enumerate(components or []):
        if not isinstance(c, dict):
            continue
        kind = str(c.get("compensationType") or "")
        if kind == "Salary":
            paying.add(
                p,
                f"{where}[{j}]",
                c.get("minValue"),
                c.get("maxValue"),
                c.get("currencyCode"),
                c.get("interval"),
                zone,
            )
        elif text(c.get("summary")):
            label = {"EquityPercentage": "Equity", "EquityCashValue": "Equity"}.get(kind, kind)
            fact = (label or "Compensation", str(c["summary"]))
            if fact not in p.pay_structure:
                p.pay_structure.append(fact)


def _job(job: Any) -> Posting | None:
    if job.get("isListed") is False:
        return None
    p = Posting("ashby", require(job["id"], "id"), require(job.get("title"), "title"))
    if text(job.get("descriptionHtml")):
        p.sections.append(Section(None, job["descriptionHtml"]))
    elif text(job.get("descriptionPlain")):
        p.sections.append(Section(None, job["descriptionPlain"]))
    p.team = text(job.get("team")) or text(job.get("department"))
    set_employment_type(p, text(job.get("employmentType")), "employmentType")
    for entry in [job, *(job.get("secondaryLocations") or [])]:
        found, arrangement = _where(entry)
        p.places += found
        p.work_arrangement = p.work_arrangement or arrangement
    workplace = str(job.get("workplaceType") or "").replace("-", "").casefold()
    if workplace in _ARRANGEMENT:
        p.work_arrangement = _ARRANGEMENT[workplace]
    elif job.get("isRemote") is True:
        p.work_arrangement = "remote"
    comp = job.get("compensation")
    if isinstance(comp, dict):
        tiers = [t for t in comp.get("compensationTiers") or [] if isinstance(t, dict)]
        for i, tier in enumerate(tiers):
            zone = text(tier.get("title")) if len(tiers) > 1 else None
            _components(p, tier.get("components"), zone, f"compensationTiers[{i}].components")
        if not tiers:
            _components(p, comp.get("summaryComponents"), None, "summaryComponents")
    p.posted = date(job.get("publishedAt"))
    url = text(job.get("applyUrl")) or text(job.get("jobUrl"))
    p.link(url, "applyUrl")
    return p


def read(data: bytes, name: str, problems: list[Problem]) -> list[Posting]:
    """The listed jobs of an Ashby job board (``{"jobs": [...]}``)."""
    payload = load_json(data, name)
    if not (isinstance(payload, dict) and isinstance(payload.get("jobs"), list)):
        raise fail(
            name,
            'not an Ashby payload: expected {"jobs": [...]}',
            "fetch api.ashbyhq.com/posting-api/job-board/<board>?includeCompensation=true",
        )
    return each(payload["jobs"], _job, name, "jobs", problems)
