"""Teamtailor RSS: ``GET {company}.teamtailor.com/jobs.rss``.

The places are in the ``tt:`` namespace (``https://teamtailor.com/locations``);
``remoteStatus`` is not namespaced (none, hybrid, fully). The ``description`` is HTML
escaped once as XML text, which the XML parser decodes.
"""

from __future__ import annotations

import re

from lxml import etree

from jdgen.errors import Problem
from jdgen.importers.fields import date
from jdgen.importers.payload import each, fail, load_xml, require, text
from jdgen.importers.places import place
from jdgen.importers.posting import Posting, Section

TT = "https://teamtailor.com/locations"
_REMOTE = {"fully": "remote", "full": "remote", "hybrid": "hybrid", "none": "on-site"}


def _tt(el: etree._Element, name: str) -> str | None:
    return text(el.findtext(f"{{{TT}}}{name}"))


def _item(item: etree._Element) -> Posting:
    link = text(item.findtext("link")) or ""
    m = re.search(r"/jobs/(\d+)", link)
    ident = m.group(1) if m else item.findtext("guid")
    p = Posting("teamtailor", require(ident, "guid"), require(item.findtext("title"), "title"))
    description = item.findtext("description") or ""
    if description.strip():
        p.sections.append(Section(None, description))
    for loc in item.iterfind(f"{{{TT}}}locations/{{{TT}}}location"):
        got = place(
            _tt(loc, "city") or _tt(loc, "name"),
            None,
            _tt(loc, "country"),
            street=_street(_tt(loc, "address")),
            postal_code=_tt(loc, "zip"),
        )
        if got is not None:
            p.places.append(got)
    p.team = _tt(item, "department") or _tt(item, "division")
    status = (text(item.findtext("remoteStatus")) or "").casefold()
    p.work_arrangement = _REMOTE.get(status)
    if status and status not in _REMOTE:
        p.skip("remoteStatus", f"“{status}” is no jdgen work arrangement")
    p.posted = date(item.findtext("pubDate"))
    p.link(link, "link")
    return p


def read(data: bytes, name: str, problems: list[Problem]) -> list[Posting]:
    """The items of a Teamtailor ``jobs.rss``."""
    root = load_xml(data, name)
    if root.tag != "rss" or root.find("channel") is None:
        raise fail(
            name,
            f"not an RSS feed: the root is <{root.tag!s}>",
            "fetch https://<company>.teamtailor.com/jobs.rss",
        )
    return each(root.iterfind("channel/item"), _item, name, "item", problems)


def _street(address: str | None) -> str | None:
    """A street address, not an area written in its place ("Europe")."""
    return address if address and re.search(r"\d", address) else None
