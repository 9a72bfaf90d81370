"""An Atom feed per locale (``<tag>/feed.atom``, ``xml:lang`` on it), for feed readers and
the aggregators that read them: an entry per posting, a ``<category>`` for its team, each
place and its work arrangement, and its job fields in WP Job Manager's element names
(``job_listing:location``, ``job_type``, ``company``, ``salary``, ``job_category``), so
readers made for WordPress job boards read it. As in WP Job Manager, the prefix's
namespace is the site's own URL.
"""

from __future__ import annotations

from jdgen.foundation.xml_text import quoteattr, xml_escape
from jdgen.site.feeds.common import Posting, salary_text
from jdgen.site.pages import plain

NAME = "feed.atom"
#: Where an entry's date goes when the posting has none: filled in with the day of the
#: build when the feed is assembled (an entry is kept from build to build; the day is not).
UNDATED = "<updated></updated>"


def atom_path(tag: str) -> str:
    return f"{tag}/{NAME}"


def _text(name: str, value: str, indent: str = "  ") -> str:
    return f"{indent}<{name}>{xml_escape(value)}</{name}>\n"


def atom_entry(posting: Posting, summary: str) -> str:
    """One posting's entry in its locale's feed."""
    role, loc10n = posting.role, posting.localizer
    day = f"{role.posted.isoformat()}T00:00:00Z" if role.posted else ""
    out = [
        " <entry>\n",
        _text("id", posting.url),
        _text("title", plain(role.title)),
        f'  <link rel="alternate" type="text/html" href={quoteattr(posting.url)}/>\n',
        _text("published", day) if day else "",
        f"  {dated(role.posted.isoformat()) if role.posted else UNDATED}\n",
        _text("summary", summary) if summary else "",
        f'  <content type="html">{xml_escape(posting.html)}</content>\n',
    ]
    base = posting.url.rsplit("/", 2)[0] + "/"  # the locale's index: <base>/<tag>/
    places = list(dict.fromkeys(plain(loc.label) for loc in role.locations))
    categories = [("team", plain(role.team))] if role.team else []
    categories += [("location", p) for p in places if p]
    if role.work_arrangement:
        categories.append(("arrangement", loc10n.work_arrangement(role.work_arrangement)))
    out += [
        f"  <category term={quoteattr(term)} scheme={quoteattr(base + kind + '/')}/>\n"
        for kind, term in categories
    ]
    out += [_text("job_listing:location", p) for p in places if p]
    if role.employment_type:
        out.append(_text("job_listing:job_type", loc10n.employment_type(role.employment_type)))
    if posting.company:
        out.append(_text("job_listing:company", posting.company))
    if role.team:
        out.append(_text("job_listing:job_category", plain(role.team)))
    pays = list(dict.fromkeys(salary_text(loc10n, posting.pay(loc)) for loc in role.locations))
    pays = pays or [salary_text(loc10n, role.salary)]
    out += [_text("job_listing:salary", pay) for pay in pays if pay]
    out.append(" </entry>\n")
    return "".join(out)


def dated(day: str) -> str:
    """An entry's ``<updated>`` for a posting first posted on ``day`` (YYYY-MM-DD)."""
    return f"<updated>{day}T00:00:00Z</updated>"


def atom_feed(tag: str, title: str, author: str, base_url: str, newest: str) -> tuple[str, str]:
    """The head and foot of a locale's feed, around its postings' :func:`atom_entry`;
    ``newest``: the day of its newest posting (or of the build, if none has a date)."""
    me = base_url + atom_path(tag)
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xmlns:job_listing={quoteattr(base_url)} '
        f"xml:lang={quoteattr(tag)}>\n"
        + _text("id", f"{base_url}{tag}/", " ")
        + _text("title", title, " ")
        + f' <link rel="self" type="application/atom+xml" href={quoteattr(me)}/>\n'
        + f' <link rel="alternate" type="text/html" href={quoteattr(f"{base_url}{tag}/")}/>\n'
        + f" {dated(newest)}\n"
        + f" <author>\n{_text('name', author or title)} </author>\n"
        + " <generator>jdgen</generator>\n"
    )
    return head, "</feed>\n"
