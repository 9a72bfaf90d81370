"""``linkedin.xml``: LinkedIn's job XML (Basic Jobs). One job per posting × city ×
locale, its ``partnerJobId`` the job id (at most 40 characters), its description in the
only tags LinkedIn keeps, its location "City, ST" in the US and "City, Country"
elsewhere. LinkedIn requires a company page id and a poster's e-mail for every job, so
the feed is written only when the config gives them (``feeds: {linkedin: …}``).
"""

from __future__ import annotations

import lxml.html
from babel import Locale

from jdgen.project.config import LinkedInFeed
from jdgen.project.model import Location
from jdgen.site.feeds.common import Posting, cdata, element
from jdgen.site.pages import plain

PATH = "linkedin.xml"

#: The tags LinkedIn keeps in a description; it strips the rest.
KEPT = frozenset({"b", "strong", "u", "i", "br", "p", "ul", "li"})
RENAMED = {"em": "i", "ol": "ul"}
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
JOB_TYPES = {
    "full-time": "FULL_TIME",
    "part-time": "PART_TIME",
    "contract": "CONTRACT",
    "temporary": "CONTRACT",
    "internship": "INTERNSHIP",
    "volunteer": "VOLUNTEER",
}
WORKPLACES = {"on-site": "On-site", "hybrid": "Hybrid", "remote": "Remote"}
PERIODS = {"hour": "HOURLY", "day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_ENGLISH = Locale("en")


def description(body_html: str) -> str:
    """The page's HTML in LinkedIn's tags: a heading becomes a bold paragraph, a list of
    any kind a ``ul``, a link its text; no attributes."""
    root = lxml.html.fragment_fromstring(body_html or "<p></p>", create_parent="div")
    for el in list(root.iter()):
        if el is root or not isinstance(el.tag, str):
            continue
        el.attrib.clear()
        if el.tag in HEADINGS:
            el.tag = "p"
            bold = lxml.html.Element("strong")
            bold.text, el.text = el.text, None
            for child in list(el):
                bold.append(child)
            el.append(bold)
        elif el.tag in RENAMED:
            el.tag = RENAMED[el.tag]
        elif el.tag not in KEPT:
            el.drop_tag()
    inner = (root.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in root
    )
    return inner.strip()


def experience_level(posting: Posting) -> str | None:
    role = posting.role
    if role.employment_type == "internship":
        return "INTERNSHIP"
    if not role.experience:
        return None
    fewest = min(e.years.min for e in role.experience)
    return "ENTRY_LEVEL" if fewest < 2 else "ASSOCIATE" if fewest < 5 else "MID_SENIOR_LEVEL"


def place(loc_city: str, region: str, country: str) -> str:
    """ "City, ST" in the United States, "City, Country" (in English) elsewhere."""
    if country == "US":
        return ", ".join(p for p in (loc_city, region) if p)
    name = _ENGLISH.territories.get(country, country) if country else ""
    return ", ".join(p for p in (loc_city, name) if p)


def linkedin_jobs(posting: Posting, config: LinkedInFeed) -> str:
    """The ``<job>`` elements of one posting in one locale."""
    role = posting.role
    body = description(posting.html)
    apply_url = (role.apply.url if role.apply else None) or posting.url
    poster = config.poster_email or (role.apply.email if role.apply else None)
    out = []
    for ref, loc in posting.places():
        if loc is None:
            where = ""
        elif role.work_arrangement == "remote":
            where = place("", "", loc.country or "") or plain(loc.label)
        else:
            where = place(plain(loc.city or loc.name), plain(loc.region), loc.country or "")
        fields = [
            element("partnerJobId", ref),
            element("company", posting.company),
            element("title", plain(role.title)),
            f"  <description>{cdata(body)}</description>\n",
            element("applyUrl", apply_url),
            element("companyId", config.company_id),
            element("location", where or None),
            element("workplaceTypes", WORKPLACES.get(role.work_arrangement or "")),
            element("jobtype", JOB_TYPES.get(role.employment_type or "")),
            element("experienceLevel", experience_level(posting)),
            element("posterEmail", poster),
            element("listDate", role.posted.isoformat() if role.posted else None),
            element(
                "expirationDate", role.valid_through.isoformat() if role.valid_through else None
            ),
            _salaries(posting, loc),
        ]
        out.append(" <job>\n" + "".join(fields) + " </job>\n")
    return "".join(out)


def _salaries(posting: Posting, loc: Location | None) -> str:
    pay = posting.pay(loc)
    if pay is None:
        return ""
    ends = ""
    for name, amount in (("highEnd", pay.max), ("lowEnd", pay.min)):
        if amount is not None:
            ends += (
                f"    <{name}><amount>{int(amount)}</amount>"
                f"<currencyCode>{pay.currency}</currencyCode></{name}>\n"
            )
    return (
        "  <salaries>\n   <salary>\n"
        + ends
        + f"    <period>{PERIODS[pay.period]}</period>\n    <type>BASE_SALARY</type>\n"
        "   </salary>\n  </salaries>\n"
    )


def linkedin_feed() -> tuple[str, str]:
    """The head and foot of the feed, around every posting's :func:`linkedin_jobs`."""
    return '<?xml version="1.0" encoding="utf-8"?>\n<source>\n', "</source>\n"


def linkedin_missing(config: LinkedInFeed | None) -> list[str]:
    """What the config lacks that LinkedIn requires of every job."""
    if config is None:
        return ["company_id", "poster_email"]
    return [k for k in ("company_id", "poster_email") if not getattr(config, k)]
