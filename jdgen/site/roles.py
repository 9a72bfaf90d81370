"""Rendering each role's pages (every kind, locale and format) for the site build (the
pool of worker processes is :mod:`jdgen.site.workers`); each result depends only on its
own inputs, so the site is the same whatever the order or the number of processes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from jdgen.errors import InvalidInputError, JdgenError, Position, Problem, Severity
from jdgen.foundation.inline import to_text as inline_text
from jdgen.foundation.locales import parse_locale, same_locale
from jdgen.foundation.vocabulary import INTERNAL_KINDS
from jdgen.i18n.catalogs import role_domain
from jdgen.project.config import FeedsConfig
from jdgen.project.identity import location_keys
from jdgen.project.model import Role
from jdgen.project.resolve import ResolvedRole
from jdgen.rendering.document import Document, Heading
from jdgen.rendering.formats import EXTENSIONS
from jdgen.rendering.formats.html import to_html
from jdgen.rendering.formats.markdown import to_markdown
from jdgen.rendering.formats.text import to_text
from jdgen.rendering.renderer import DESCRIPTION_LENGTH, Renderer, Rendition, kinds_of
from jdgen.rendering.templates import render_template
from jdgen.site.cards import apply_href, brand_css, card_for, og_locale, social
from jdgen.site.facts import facts
from jdgen.site.feeds.assemble import feed_parts
from jdgen.site.feeds.common import Posting
from jdgen.site.pages import (
    alternates,
    job_postings,
    json_ld,
    missing_required,
    page_url,
    plain,
    posting_path,
    relative,
    switcher,
)

#: A rendition's warning that a text is shown untranslated (jdgen.i18n.localize words it).
_UNTRANSLATED = re.compile(r"no \S+ translation for ")
Progress = Callable[[int, int], None]


@dataclass
class RoleResult:
    """One role, rendered in every locale (from a worker, so plain data only)."""

    role: str
    outputs: dict[str, bytes] = field(default_factory=dict)  # emptied by stored()
    files: dict[str, str] = field(default_factory=dict)  # site path → SHA-256, once stored
    pack: str = ""  # the cache object holding the outputs, once stored
    facts: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[list[Any]] = field(default_factory=list)  # Problem.to_json()
    problems: list[Problem] = field(default_factory=list)
    families: list[str] = field(default_factory=list)
    published: bool = True
    #: The templates and template strings its pages used (Renderer.tracked), and what
    #: they were (Renderer.uses_state): when that changes, the role is rendered again.
    uses: dict[str, list[Any]] = field(default_factory=dict)
    uses_state: str = ""
    #: Its entries in the job-board feeds, by feed file (jdgen.site.feeds): emptied by
    #: stored(), which keeps them in one cache object, ``feeds``.
    feed_parts: dict[str, str] = field(default_factory=dict)
    feeds: str = ""


@dataclass(frozen=True)
class RenderPlan:
    """What every worker needs to know, picklable."""

    root: Path
    locales: tuple[str, ...]
    default: str
    base_url: str
    today: dt.date
    #: The document kinds the public site carries (jdgen.yaml ``publish:``).
    publish: tuple[str, ...] = ("posting",)
    #: Publish locales a role's texts are not translated into (``fallback_pages:``).
    fallback: bool = False
    #: Printed copies published beside each document (``publish_formats:``: docx, pdf).
    printed: tuple[str, ...] = ()
    #: The job-board feeds the site carries (``feeds:``).
    feeds: FeedsConfig = field(default_factory=FeedsConfig)


def description(text: str) -> str:
    flat = " ".join(inline_text(text).split())
    return flat if len(flat) <= DESCRIPTION_LENGTH else flat[: DESCRIPTION_LENGTH - 1] + "…"


def render_role(renderer: Renderer, plan: RenderPlan, role_id: str) -> RoleResult:
    renderer.start_tracking()
    result = _render_role(renderer, plan, role_id)
    result.uses = renderer.tracked()
    result.uses_state = renderer.uses_state(result.uses)
    return result


def _render_role(renderer: Renderer, plan: RenderPlan, role_id: str) -> RoleResult:
    result = RoleResult(role_id)
    path = renderer.index.files[role_id]
    if renderer.index.is_family(path):
        result.problems = renderer.index.check(path)  # checked, never published
        result.published = False
        return result
    try:
        resolved = renderer.index.resolve(path)
    except InvalidInputError as exc:
        result.problems = exc.problems
        return result
    result.families = list(resolved.families)
    role = resolved.role
    tags, skipped = role_locales(role.locales, plan.locales)
    result.warnings.extend(
        Problem(
            f"not published in {tag}: the site does not build that locale",
            resolved.positions.get("locales", Position(resolved.display)),
            "locales",
            severity=Severity.WARNING,
            hint="add it to locales: in jdgen.yaml, or remove it from the role",
        ).to_json()
        for tag in skipped
    )
    kinds = [k for k in kinds_of(role) if k in plan.publish and k not in INTERNAL_KINDS]
    if "posting" in kinds and apply_href(role) is None:
        result.warnings.append(
            Problem(
                "the posting has no apply channel: its page has no apply button, and job "
                "boards drop it",
                resolved.positions.get("apply", Position(resolved.display)),
                "apply",
                severity=Severity.WARNING,
                hint="add apply: {url: https://…} or apply: {email: …}",
            ).to_json()
        )
    renditions: dict[tuple[str, str], Rendition] = {}
    for tag in tags:
        for kind in kinds:
            try:
                rendition = renderer.rendition(resolved, tag, kind)
            except InvalidInputError as exc:
                result.problems.extend(exc.problems)
                continue
            own = same_locale(tag, role.language)
            if rendition.untranslated and not own and not plan.fallback:
                # The page is left out: no "the source text is shown" beside it, which
                # would say the opposite. The other warnings stand.
                result.warnings.extend(
                    w.to_json() for w in rendition.warnings if not _UNTRANSLATED.match(w.message)
                )
                result.warnings.append(
                    Problem(
                        f"not published in {tag}: {rendition.untranslated} text(s) of the "
                        f"{kind} have no {tag} translation",
                        Position(resolved.display),
                        severity=Severity.WARNING,
                        hint=rendition.localizer.translate_hint(role_domain(role_id)).replace(
                            "translate it", "translate them"
                        )
                        + "; or set fallback_pages: true in jdgen.yaml",
                    ).to_json()
                )
                continue
            result.warnings.extend(w.to_json() for w in rendition.warnings)
            renditions[tag, kind] = rendition
    for (tag, kind), rendition in renditions.items():
        # The same page in every locale it is published in, for the switcher and the
        # alternates (hreflang names only pages that exist).
        same = {t: posting_path(t, role_id, k) for t, k in renditions if k == kind}
        _pages(renderer, plan, resolved, role_id, tag, kind, rendition, same, result)
    return result


def role_locales(wanted: Sequence[str], site: Sequence[str]) -> tuple[list[str], list[str]]:
    """The site's locales a role is posted in (all of them, if it names none), and the
    ones it names that the site does not build."""
    if not wanted:
        return list(site), []
    canonical = {parse_locale(t).tag for t in wanted}
    known = {parse_locale(t).tag for t in site}
    return [t for t in site if parse_locale(t).tag in canonical], sorted(canonical - known)


def _pages(
    renderer: Renderer,
    plan: RenderPlan,
    resolved: ResolvedRole,
    role_id: str,
    tag: str,
    kind: str,
    rendition: Rendition,
    same: dict[str, str],
    result: RoleResult,
) -> None:
    """One document of a role in one locale: its HTML page, Markdown and text (and, for
    a posting, its JSON-LD and the facts the index pages list)."""
    doc, localizer = rendition.document, rendition.localizer
    text_width = localizer.conventions.text_width or renderer.project.config.text_width
    result.outputs[posting_path(tag, role_id, kind, ".md")] = to_markdown(doc).encode()
    result.outputs[posting_path(tag, role_id, kind, ".txt")] = to_text(doc, text_width).encode()
    _printed(renderer, plan, resolved, role_id, tag, kind, rendition, result)
    page = posting_path(tag, role_id, kind)
    # A posting's page leads with its own header instead of the document's first heading
    # (below): its body is written once, without that heading.
    first = doc.blocks[0] if doc.blocks else None
    leads = kind == "posting" and isinstance(first, Heading) and first.level == 1
    body = to_html(Document(doc.blocks[1:]) if leads else doc)
    context = page_context(renderer, plan, tag, page, same)
    context.update(
        title=inline_text(doc.title),
        # The role's own summary, where it has one: the document's first paragraph can be
        # a bare label ("理论基础：").
        description=description(rendition.role.summary or doc.summary()),
        body=Markup(body),
        kind=kind,
        # The printed copies beside the page (publish_formats:), for download.
        printed=[
            {"href": f"{kind}{EXTENSIONS[fmt]}", "type": PRINTED_TYPES[fmt], "label": label}
            for fmt, label in (("docx", "Word"), ("pdf", "PDF"))
            if fmt in plan.printed
        ],
    )
    if kind == "posting":
        # The page leads with the job: its title, facts and apply button, then the text
        # without its own first heading (in Chinese, "…职位描述(JD)", a document's title),
        # which the JSON-LD describes too.
        org = renderer.project.config.organization
        card = posting_path(tag, role_id, "card", ".svg")
        result.outputs[card] = card_for(rendition.role, localizer, org).encode()
        context.update(social(rendition.role, localizer, org, plan.base_url + card))
        context["title"] = plain(rendition.role.title)
        url = plan.base_url + page_url(page)
        keys = tuple(location_keys(resolved.role))  # as written: a translation is no rename
        postings = job_postings(rendition.role, localizer, renderer.project, body, url, keys)
        company = company_of(renderer, rendition.role)
        entry = Posting(rendition.role, keys, localizer, url, body, company)
        for feed, part in feed_parts(entry, context["description"], plan.feeds).items():
            result.feed_parts[feed] = result.feed_parts.get(feed, "") + part
        for posting in postings:
            for missing in missing_required(posting):
                result.warnings.append(
                    Problem(
                        f"the {tag} JobPosting lacks {missing}, which Google requires",
                        Position(resolved.display),
                        severity=Severity.WARNING,
                    ).to_json()
                )
        # Pay set by location: one JobPosting per range, in one list.
        ld: Any = postings[0] if len(postings) == 1 else postings
        context["json_ld"] = json_ld(ld)
        data = posting_path(tag, role_id, kind, ".json")
        result.outputs[data] = (
            json.dumps(ld, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        ).encode()
        shown = facts(rendition.role, localizer, page, postings[0], data, resolved.role)
        result.facts.append(shown.to_json())
    env = renderer.environment(tag)
    result.outputs[page] = render_template(env, "site/posting.html.j2", context).encode()


PRINTED_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _printed(
    renderer: Renderer,
    plan: RenderPlan,
    resolved: ResolvedRole,
    role_id: str,
    tag: str,
    kind: str,
    rendition: Rendition,
    result: RoleResult,
) -> None:
    """The printed copies of one document (``publish_formats:``), beside its page."""
    for fmt in plan.printed:
        name = f"{role_id} {kind} ({tag}, {fmt})"
        try:
            data = renderer.printed(
                rendition.document, fmt, rendition.localizer, name, Position(resolved.display)
            )
        except JdgenError as exc:  # no WeasyPrint, a font missing, a glyph no font has
            result.problems.extend(exc.problems)
            continue
        result.outputs[posting_path(tag, role_id, kind, EXTENSIONS[fmt])] = data


def company_of(renderer: Renderer, role: Role) -> str:
    """Who is hiring, as the JobPosting names it."""
    org = renderer.project.config.organization
    return plain(role.organization) or (org.name if org else "")


def page_context(
    renderer: Renderer,
    plan: RenderPlan,
    tag: str,
    page: str,
    paths: dict[str, str],
    default_path: str | None = None,
) -> dict[str, Any]:
    return {
        "lang": tag,
        "org": renderer.project.config.organization,
        "canonical": plan.base_url + page_url(page),
        "alternates": alternates(plan.base_url, paths, plan.default, default_path),
        "switcher": switcher(page, paths, tag),
        "root": relative(page, ""),
        "home": relative(page, f"{tag}/index.html"),
        "json_ld": None,
        "description": "",
        "brand_css": brand_css(renderer.project.config.organization),
        "og_locale": og_locale(tag),
        "og_type": "website",
        "card": None,
        "feed": None,  # the locale's Atom feed, linked from its index
    }
