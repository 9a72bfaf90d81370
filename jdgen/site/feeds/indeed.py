"""``indeed.xml``: Indeed's XML feed, which Talent.com, Talroo, ZipRecruiter and Careerjet
read too. One ``<job>`` per posting × location × locale, every posting on the site
(Indeed's complete-feed rule), and every text in CDATA with no entity anywhere: the
description is the page's HTML with its entities turned back into characters.
"""

from __future__ import annotations

import html
import re

from jdgen.foundation.titles import bare_title
from jdgen.site.feeds.common import (
    Posting,
    cdata,
    education,
    element,
    experience_text,
    literal,
    salary_text,
)
from jdgen.site.pages import plain

PATH = "indeed.xml"

#: Indeed's job types (its docs: "fulltime, parttime, contract, internship, temporary").
JOB_TYPES = {
    "full-time": "fulltime",
    "part-time": "parttime",
    "contract": "contract",
    "temporary": "temporary",
    "internship": "internship",
    "volunteer": "volunteer",
    "per-diem": "per diem",
}
REMOTE_TYPES = {"remote": "Fully remote", "hybrid": "Hybrid remote"}


#: A ``<`` the page escapes that would open a tag once unescaped (role text such as
#: "<b>" is data, never markup): written as the full-width sign, which reads the same.
_OPENS_TAG = re.compile(r"&lt;(?=[A-Za-z/!?])")


def description(body_html: str) -> str:
    """The page's HTML as Indeed takes it: no entity (``&amp;`` is written ``&``, ``a &lt; b``
    is ``a < b``), and no text that would turn into markup."""
    return literal(html.unescape(_OPENS_TAG.sub("\uff1c", body_html)))


def indeed_jobs(posting: Posting) -> str:
    """The ``<job>`` elements of one posting in one locale."""
    role = posting.role
    remote = role.work_arrangement == "remote"
    out = []
    body = description(posting.html)
    places = [plain(p) for loc in role.locations for p in (loc.name, loc.city, loc.region) if p]
    for ref, loc in posting.places():
        fields = [
            # The title alone: what of pay or place it holds is in fields of its own.
            element("title", bare_title(plain(role.title), places)),
            element("date", role.posted.isoformat() if role.posted else None),
            element("referencenumber", ref),
            element("requisitionid", role.id),
            element("url", posting.url),
            element("company", posting.company),
            element("sourcename", posting.company),
        ]
        if remote:
            fields += [
                element("city", "Remote"),
                element("state", ""),
                element("country", loc.country if loc and loc.country else ""),
                element("postalcode", ""),
            ]
        elif loc is not None:
            fields += [
                element("city", plain(loc.city or loc.name)),
                element("state", plain(loc.region)),
                element("country", loc.country or ""),
                element("postalcode", plain(loc.postal_code) or None),
                element("streetaddress", plain(loc.street) or None),
            ]
        if role.apply and role.apply.email:
            fields.append(element("email", role.apply.email))
        fields += [
            f"  <description>{cdata(body)}</description>\n",
            element("salary", salary_text(posting.localizer, posting.pay(loc))),
            element("jobtype", JOB_TYPES.get(role.employment_type or "")),
            element("education", education(role)),
            element("experience", experience_text(posting.localizer, role)),
            element("category", plain(role.team) or None),
            element(
                "expirationdate", role.valid_through.isoformat() if role.valid_through else None
            ),
            element("remotetype", REMOTE_TYPES.get(role.work_arrangement or "")),
        ]
        out.append(" <job>\n" + "".join(fields) + " </job>\n")
    return "".join(out)


def indeed_feed(publisher: str, base_url: str) -> tuple[str, str]:
    """The head and foot of the feed, around every posting's :func:`indeed_jobs`."""
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n<source>\n'
        + element("publisher", publisher, " ")
        + element("publisherurl", base_url, " ")
    )
    return head, "</source>\n"
