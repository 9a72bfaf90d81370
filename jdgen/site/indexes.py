"""The pages made from all postings: an index per locale, the front page, the sitemap,
robots.txt, the postings feed and the stylesheet.
"""

from __future__ import annotations

from jdgen.rendering.renderer import Renderer
from jdgen.rendering.templates import render_template
from jdgen.site.pages import (
    Facts,
    feed,
    group_postings,
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


def _below(tag: str, path: str) -> str:
    """The link from a locale's index (``es/index.html``) to one of its postings."""
    if path.startswith(tag + "/"):
        return page_url(path[len(tag) + 1 :])
    return relative(f"{tag}/index.html", path)  # pragma: no cover - postings live below


def _organization(renderer: Renderer) -> str:
    org = renderer.project.config.organization
    return org.name if org else ""


def site_pages(renderer: Renderer, plan: RenderPlan, items: list[Facts]) -> dict[str, bytes]:
    """The pages made from all postings: indexes, the front page, sitemap, robots, feed."""
    pages: dict[str, bytes] = {}
    index_paths = {tag: f"{tag}/index.html" for tag in plan.locales}
    for tag in plan.locales:
        page = index_paths[tag]
        env = renderer.environment(tag)
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
        title = localizer.pgettext("site", "Open positions")
        owner = _organization(renderer)
        context.update(
            title=title,
            groups=groups,
            description=f"{title} · {owner}" if owner else title,
        )
        pages[page] = render_template(env, "site/index.html.j2", context).encode()
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
    pages["index.html"] = render_template(env, "site/root.html.j2", front).encode()
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
