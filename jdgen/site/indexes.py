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
from jdgen.site.facts import Facts, facet_values, group_postings
from jdgen.site.feeds.assemble import feed_files
from jdgen.site.feeds.atom import atom_path
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


def _below(tag: str, path: str) -> str:
    """The link from a locale's index (``es/index.html``) to one of its postings."""
    if path.startswith(tag + "/"):
        return page_url(path[len(tag) + 1 :])
    return relative(f"{tag}/index.html", path)  # pragma: no cover - postings live below


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


def _facet_nav(
    localizer: Localizer,
    tag: str,
    facets: dict[str, list[tuple[str, str, list[Facts]]]],
    current: tuple[str, str] | None,
) -> list[dict[str, Any]]:
    """The filters on a listing page: each facet's label and its values as links. On the
    index, every value; on a value's page, its siblings where there are few."""
    out = []
    for kind, values in facets.items():
        if current is not None and (current[0] != kind or len(values) > SIBLINGS):
            continue
        # Links from the index (es/index.html), or from a value's page (es/location/lima/).
        up = "" if current is None else "../../"
        links = [
            {
                "text": value,
                "href": f"{up}{kind}/{slug}/"
                if len(items) > 1
                else up + _below(tag, items[0].path),
                "current": current == (kind, slug),
            }
            for value, slug, items in values
        ]
        out.append({"label": _facet_label(localizer, kind, len(values)), "links": links})
    return out


def _facet_pages(
    renderer: Renderer,
    plan: RenderPlan,
    tag: str,
    facets: dict[str, list[tuple[str, str, list[Facts]]]],
    memo: PageMemo,
) -> dict[str, bytes]:
    """One page per facet value (Lima, Platform, Remote): the postings that have it, a
    five-city posting under each of its cities."""
    localizer = renderer.localizer(tag)
    title = localizer.pgettext("site", "Open positions")
    pages: dict[str, bytes] = {}
    for kind, values in facets.items():
        for value, slug, items in values:
            if len(items) < 2:
                continue  # its filter links straight to the one posting
            page = f"{tag}/{kind}/{slug}/index.html"
            context = page_context(renderer, plan, tag, page, {tag: page})
            groups = [
                (
                    name,
                    [
                        {
                            "href": "../../" + _below(tag, f.path),
                            "title": f.title,
                            "details": f.details,
                        }
                        for f in group
                    ],
                )
                for name, group in group_postings(items)
            ]
            context.update(
                title=f"{value} · {title}",
                facet_value=value,
                home="../../",
                groups=groups,
                facets=_facet_nav(localizer, tag, facets, (kind, slug)),
                description=f"{value} · {title}",
            )
            pages[page] = memo.render(renderer, tag, "site/index.html.j2", context, page)
    return pages


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
    index_paths = {tag: f"{tag}/index.html" for tag in plan.locales}
    for tag in plan.locales:
        page = index_paths[tag]
        localizer = renderer.localizer(tag)
        mine = [f for f in items if f.locale == tag]
        groups = [
            (
                name,
                [
                    {"href": _below(tag, f.path), "title": f.title, "details": f.details}
                    for f in group
                ],
            )
            for name, group in group_postings(mine)
        ]
        context = page_context(renderer, plan, tag, page, index_paths, "index.html")
        context["elsewhere"] = _elsewhere(renderer, tag, items, mine)
        title = localizer.pgettext("site", "Open positions")
        owner = _organization(renderer)
        facets = facet_values(mine)
        context.update(
            title=title,
            feed=atom_path(tag)[len(tag) + 1 :] if plan.feeds.atom else None,
            facet_value=None,
            groups=groups,
            facets=_facet_nav(localizer, tag, facets, None),
            description=f"{title} · {owner}" if owner else title,
        )
        pages[page] = memo.render(renderer, tag, "site/index.html.j2", context, page)
        pages.update(_facet_pages(renderer, plan, tag, facets, memo))
    env = renderer.environment(plan.default)
    front = page_context(renderer, plan, plan.default, "index.html", index_paths, "index.html")
    careers = renderer.localizer(plan.default).pgettext("site", "Careers")
    front.update(
        title=careers,
        switcher=switcher("index.html", index_paths, ""),
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
