"""The pages made from all postings: an index per locale, the front page, the sitemap,
robots.txt, the postings feed and the stylesheet.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from jdgen.foundation.write import sha256
from jdgen.i18n.localize import Localizer
from jdgen.rendering.renderer import Renderer
from jdgen.rendering.templates import render_template
from jdgen.site.cards import greetings
from jdgen.site.facts import Facts, facet_values
from jdgen.site.feeds.assemble import feed_files
from jdgen.site.feeds.atom import atom_path
from jdgen.site.listings import entries, facet_keys, paginate
from jdgen.site.pages import (
    page_url,
    relative,
    robots,
    sitemap,
    switcher,
)
from jdgen.site.roles import (
    RenderPlan,
    page_context,
)


@dataclass
class PageMemo:
    """The listing pages the last assembly rendered, by a hash of what each was made from
    (``seed``, the plan; its locale, template and context), with the templates and template
    strings it used and their state then: a page made from the same, whose templates and
    strings are unchanged, is taken from here instead of being rendered again. So one
    posting changed re-renders the few lists it is on, and one site string reworded the
    pages that show it."""

    seed: str = ""
    old: dict[str, bytes] = field(default_factory=dict)  # key → page; key.uses → uses
    #: This assembly's: key → the page's path, key.uses → the templates and strings it
    #: used and their state (the pages themselves are in the site's pages).
    new: dict[str, bytes] = field(default_factory=dict)
    _judged: dict[bytes, bool] = field(default_factory=dict)

    def load(self, saved: dict[str, bytes], pages: dict[str, bytes]) -> None:
        """Take up what an earlier assembly :attr:`new` saved, with its pages."""
        for key, value in saved.items():
            if key.endswith(".uses"):
                self.old[key] = value
            elif (page := pages.get(value.decode())) is not None:
                self.old[key] = page

    def render(
        self, renderer: Renderer, tag: str, template: str, context: dict[str, Any], page: str
    ) -> bytes:
        key = sha256(repr((self.seed, tag, template, context)).encode())
        data, uses = self.old.get(key), self.old.get(key + ".uses")
        if data is None or uses is None or not self._unchanged(renderer, uses):
            renderer.start_tracking()
            data = render_template(renderer.environment(tag), template, context).encode()
            tracked = renderer.tracked()
            uses = json.dumps([tracked, renderer.uses_state(tracked)]).encode()
        self.new[key], self.new[key + ".uses"] = page.encode(), uses
        return data

    def _unchanged(self, renderer: Renderer, uses: bytes) -> bool:
        """Whether the templates and strings a page used are as they were (most pages
        used the same ones: each distinct set is judged once)."""
        if uses not in self._judged:
            try:
                tracked, state = json.loads(uses)
                self._judged[uses] = renderer.uses_state(tracked) == state
            except (ValueError, TypeError, KeyError):
                self._judged[uses] = False
        return self._judged[uses]


def _organization(renderer: Renderer) -> str:
    org = renderer.project.config.organization
    return org.name if org else ""


def _facet_label(localizer: Localizer, kind: str, count: int) -> str:
    if kind == "location":
        return localizer.npgettext("label", "Location", "Locations", count)
    if kind == "team":
        return localizer.pgettext("label", "Team")
    return localizer.pgettext("label", "Work arrangement")


#: Beyond this many values, a filter page links back to the index only, not to each of
#: its siblings (which would make the pages' size grow with the square of the site).
SIBLINGS = 30


def locale_link(page: str, tag: str, target: str, up: str | None) -> str:
    """``relative(page, target)`` for a page and target under the locale's folder, given
    ``up``, ``relative(page, f"{tag}/index.html")``: the way up to that folder and down
    again, ~100 times cheaper on an index of many places. Where the two do not part at the
    locale's folder (a page's siblings under its own folder), ``relative`` itself."""
    up = "" if up == "./" else up
    below = page.removeprefix(f"{tag}/").split("/")[:-1]  # the page's folders under it
    rest = page_url(target).removeprefix(f"{tag}/")
    parts = [*rest.removesuffix("/").split("/"), *below]
    plain = all(p not in ("", ".", "..") for p in parts)
    apart = not below or rest.split("/")[0] != below[0]
    if up is None or not target.startswith(f"{tag}/") or not rest or not plain or not apart:
        return relative(page, target)
    return up + rest


def _facet_nav(
    localizer: Localizer,
    tag: str,
    page: str,
    facets: dict[str, list[tuple[str, str, list[Facts]]]],
    current: tuple[str, str] | None,
) -> list[dict[str, Any]]:
    """The filters on a listing page: each facet's label and its values as links. On the
    index, every value; on a value's page, its siblings where there are few."""
    out = []
    up = relative(page, f"{tag}/index.html") if page.startswith(f"{tag}/") else None

    def href(target: str) -> str:
        return locale_link(page, tag, target, up)

    for kind, values in facets.items():
        if current is not None and (current[0] != kind or len(values) > SIBLINGS):
            continue
        links = [
            {
                "text": value,
                "href": href(
                    f"{tag}/{kind}/{slug}/index.html" if len(items) > 1 else items[0].path
                ),
                "current": current == (kind, slug),
            }
            for value, slug, items in values
        ]
        out.append({"label": _facet_label(localizer, kind, len(values)), "links": links})
    return out


#: A filter's pages in every locale that has them, by (facet, key): its alternates.
Versions = dict[tuple[str, str], dict[str, str]]


def _versions(plan: RenderPlan, items: Sequence[Facts]) -> Versions:
    """Where each filter value's page is in each locale: the same place, team or
    arrangement has a page in every language whose index lists two postings with it."""
    out: Versions = {}
    for tag in plan.locales:
        mine = [f for f in items if f.locale == tag]
        for kind, values in facet_values(mine).items():
            keys = facet_keys(mine, kind)
            for value, slug, found in values:
                if len(found) > 1:
                    out.setdefault((kind, keys[value]), {})[tag] = f"{tag}/{kind}/{slug}/index.html"
    return out


def _listing(
    renderer: Renderer,
    plan: RenderPlan,
    tag: str,
    folder: str,
    items: Sequence[Facts],
    paths: dict[str, str],
    extra: dict[str, Any],
    memo: PageMemo,
) -> tuple[dict[str, bytes], list[str]]:
    """A listing in pages of 50: the first page has its versions in other languages
    (``paths``); x-default is the default locale's version, else the language chooser."""
    pages: dict[str, bytes] = {}
    for part in paginate(folder, items):
        here = paths if part.number == 1 else {tag: part.path}
        chooser = None if plan.default in here else "index.html"
        context = page_context(renderer, plan, tag, part.path, here, chooser)
        context.update(extra)
        context.update(
            groups=entries(part.path, part.items, extra.get("on")),
            pagination=part.nav(),
            home=relative(part.path, f"{tag}/index.html"),
        )
        if part.number > 1:
            number = renderer.localizer(tag).pgettext("site", "page %(number)s")
            context["title"] = f"{context['title']} · {number % {'number': part.number}}"
        context["facets"] = _facet_nav(
            renderer.localizer(tag), tag, part.path, extra["facets"], extra["current"]
        )
        if extra.get("atom"):  # the locale's feed, linked from each page of its index
            context["feed"] = relative(part.path, extra["atom"])
        pages[part.path] = memo.render(renderer, tag, "site/index.html.j2", context, part.path)
    return pages, [p.path for p in paginate(folder, items)[1:]]


def _facet_pages(
    renderer: Renderer,
    plan: RenderPlan,
    tag: str,
    facets: dict[str, list[tuple[str, str, list[Facts]]]],
    versions: Versions,
    memo: PageMemo,
) -> tuple[dict[str, bytes], list[str]]:
    """One listing per facet value (Lima, Platform, Remote): the postings that have it, a
    five-city posting under each of its cities."""
    localizer = renderer.localizer(tag)
    title = localizer.pgettext("site", "Open positions")
    pages: dict[str, bytes] = {}
    more: list[str] = []
    for kind, values in facets.items():
        keys = facet_keys([f for _, _, found in values for f in found], kind)
        for value, slug, items in values:
            if len(items) < 2:
                continue  # its filter links straight to the one posting
            folder = f"{tag}/{kind}/{slug}/"
            paths = versions.get((kind, keys.get(value, "")), {tag: folder + "index.html"})
            extra = {
                "title": f"{value} · {title}",
                "facet_value": value,
                "facets": facets,
                "current": (kind, slug),
                "on": (kind, value),
                "description": f"{value} · {title}",
            }
            done, rest = _listing(renderer, plan, tag, folder, items, paths, extra, memo)
            pages.update(done)
            more += rest
    return pages, more


def _elsewhere(
    renderer: Renderer, tag: str, items: Sequence[Facts], mine: Sequence[Facts]
) -> list[dict[str, Any]]:
    """The postings open in other languages only (held back here, untranslated): an
    index lists them, with their languages and links, rather than claim there are no
    openings."""
    here = {f.role for f in mine}
    shown_in = renderer.localizer(tag).locale
    by_role: dict[str, list[Facts]] = {}
    for f in items:
        if f.role not in here:
            by_role.setdefault(f.role, []).append(f)
    out = []
    for role in sorted(by_role):
        found = by_role[role]
        links = [
            {
                "href": relative(f"{tag}/index.html", f.path),
                "lang": f.locale,
                "name": renderer.localizer(f.locale).locale.get_display_name(shown_in) or f.locale,
            }
            for f in found
        ]
        out.append({"title": found[0].title, "links": links})
    return out


def site_pages(
    renderer: Renderer, plan: RenderPlan, items: list[Facts], memo: PageMemo | None = None
) -> dict[str, bytes]:
    """The pages made from all postings: indexes, the front page, sitemap, robots, feed."""
    memo = memo or PageMemo()
    pages: dict[str, bytes] = {}
    # A locale with no posting of its own is not offered: its index says where the
    # postings are, but no chooser, front page or sitemap links it.
    live = [t for t in plan.locales if any(f.locale == t for f in items)] or [plan.default]
    index_paths = {tag: f"{tag}/index.html" for tag in live}
    versions = _versions(plan, items)
    more: list[str] = []
    for tag in plan.locales:
        localizer = renderer.localizer(tag)
        mine = [f for f in items if f.locale == tag]
        title = localizer.pgettext("site", "Open positions")
        owner = _organization(renderer)
        facets = facet_values(mine)
        extra = {
            "title": title,
            "facet_value": None,
            "facets": facets,
            "current": None,
            "description": f"{title} · {owner}" if owner else title,
            "elsewhere": _elsewhere(renderer, tag, items, mine),
            "atom": atom_path(tag) if plan.feeds.atom else None,
        }
        paths = index_paths if tag in index_paths else {**index_paths, tag: f"{tag}/index.html"}
        done, rest = _listing(renderer, plan, tag, f"{tag}/", mine, paths, extra, memo)
        pages.update(done)
        more += rest
        done, rest = _facet_pages(renderer, plan, tag, facets, versions, memo)
        pages.update(done)
        more += rest
    env = renderer.environment(plan.default)
    front = page_context(renderer, plan, plan.default, "index.html", index_paths, "index.html")
    careers = renderer.localizer(plan.default).pgettext("site", "Careers")
    front.update(
        title=careers,
        switcher=switcher("index.html", index_paths, ""),
        greetings=greetings(renderer, list(index_paths)),
        description=" · ".join(
            [_organization(renderer) or careers]
            + [renderer.localizer(t).pgettext("site", "Open positions") for t in index_paths]
        ),
    )
    pages["index.html"] = memo.render(
        renderer, plan.default, "site/root.html.j2", front, "index.html"
    )
    by_role: dict[str, dict[str, str]] = {}
    for f in items:
        by_role.setdefault(f.role, {})[f.locale] = f.path
    # lastmod: when a posting was published; an index changes with its newest posting.
    posted: dict[str, str] = {}
    for f in items:
        day = str(f.posting.get("datePosted") or "")
        posted[f.role] = max(posted.get(f.role, ""), day)
    newest = max(posted.values(), default="") or None
    sets: list[tuple[dict[str, str], str | None, str | None]] = [
        (index_paths, "index.html", newest)
    ]
    sets += [(by_role[role], None, posted.get(role) or None) for role in sorted(by_role)]
    # Filter pages in all their languages, and every later page of a listing on its own.
    chooser = "index.html"
    sets += [
        (paths, None if plan.default in paths else chooser, None)
        for _, paths in sorted(versions.items())
    ]
    sets += [({page.split("/", 1)[0]: page}, chooser, None) for page in sorted(more)]
    pages["sitemap.xml"] = sitemap(plan.base_url, sets, plan.default).encode()
    pages["robots.txt"] = robots(plan.base_url).encode()
    pages["postings.json"] = feed(items, plan.base_url, plan.today.isoformat()).encode()
    source, _, _ = env.loader.get_source(env, "default:style.css")  # type: ignore[union-attr]
    pages["assets/style.css"] = source.encode()
    icon, _, _ = env.loader.get_source(env, "default:favicon.svg")  # type: ignore[union-attr]
    pages["assets/favicon.svg"] = icon.encode()
    return pages


def site_feeds(
    renderer: Renderer,
    plan: RenderPlan,
    items: Sequence[Facts],
    entries: Sequence[dict[str, bytes]],
) -> dict[str, bytes]:
    """The job-board feeds (jdgen.site.feeds), from every open posting's entries."""
    owner = _organization(renderer)
    titles = {}
    for tag in plan.locales:
        title = renderer.localizer(tag).pgettext("site", "Open positions")
        titles[tag] = f"{title} · {owner}" if owner else title
    dates: dict[str, list[str]] = {}
    for f in items:  # an undated posting is dated the day of the build, in its entry too
        day = f.posting.get("datePosted") or plan.today.isoformat()
        dates.setdefault(f.locale, []).append(str(day))
    return feed_files(
        plan.feeds,
        entries,
        plan.locales,
        titles,
        owner,
        plan.base_url,
        dates,
        plan.today.isoformat(),
    )


def feed(items: Sequence[Facts], base_url: str, generated: str) -> str:
    """postings.json, for job boards: every open posting in every locale, with its JobPosting
    data but the description, and where the complete JSON-LD is (``data``). Each posting's
    own file keeps the feed small, and rebuilding it cheap, however many postings there are."""
    postings = [
        {
            "id": f.role,
            "locale": f.locale,
            "url": f.posting.get("url"),
            "data": base_url + f.data,
            "jobPosting": f.posting,
        }
        for f in sorted(items, key=lambda f: (f.role, f.locale))
    ]
    # One posting a line, compact: Python's JSON encoder is many times faster without
    # indentation, and a feed of tens of thousands of postings is read by programs.
    lines = ",\n".join(
        json.dumps(p, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for p in postings
    )
    return f'{{"generated":{json.dumps(generated)},"postings":[\n{lines}\n]}}\n'
