"""What a posting page shows before its text, and what it shows when shared: the job's
facts card and apply link, the brand's colours, the Open Graph and Twitter tags, and a
card image (SVG, made at build time, no network) with the title, the place and the pay.
No I/O here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from babel.core import get_global
from markupsafe import Markup

from jdgen.foundation.inline import text_html
from jdgen.foundation.xml_text import xml_escape
from jdgen.i18n.localize import Localizer
from jdgen.project.brand import derived_dark
from jdgen.project.config import Organization
from jdgen.project.model import Role
from jdgen.rendering.formats.width import width
from jdgen.site.facts import pay_summary
from jdgen.site.pages import plain


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


def apply_href(role: Role) -> str | None:
    """Where a candidate applies: the role's link, else its address (``mailto:``), else
    the first contact with a link or an address (seed 002's 简历投递)."""
    a = role.apply
    if a is None:
        return None
    if a.url:
        return a.url
    if a.email:
        return "mailto:" + a.email
    for contact in a.contacts:
        if contact.url or contact.email:
            return contact.url or f"mailto:{contact.email}"
    return None


def job_facts(role: Role, localizer: Localizer) -> list[Fact]:
    """The facts a candidate decides on, in the order they look for them: where, how,
    what kind of job, the pay, and since when it is posted."""
    g = localizer.pgettext
    out = []
    places = [plain(loc.label) for loc in role.locations]
    if places:
        label = localizer.npgettext("label", "Location", "Locations", len(places))
        out.append(Fact(label, localizer.join(places)))
    if role.work_arrangement:
        out.append(
            Fact(g("label", "Work arrangement"), localizer.work_arrangement(role.work_arrangement))
        )
    if role.employment_type:
        out.append(
            Fact(g("label", "Employment type"), localizer.employment_type(role.employment_type))
        )
    pay = pay_summary(role, localizer)
    if pay:
        out.append(Fact(g("label", "Salary"), pay))
    if role.posted:
        out.append(Fact(g("label", "Posted"), localizer.date(role.posted)))
    return out


def brand_css(org: Organization | None) -> str:
    """The brand's accent as the page's own variable, in both colour modes ("" for none)."""
    if org is None or org.accent is None:
        return ""
    dark = org.accent_dark or derived_dark(org.accent)
    return (
        f":root {{ --accent: {org.accent}; }}\n"
        f"@media (prefers-color-scheme: dark) {{ :root {{ --accent: {dark}; }} }}\n"
        "@media print { :root { --accent: #000; } }\n"
    )


def og_locale(tag: str) -> str:
    """A locale as Open Graph writes it (language_TERRITORY): es → es_ES, zh → zh_CN."""
    parts = tag.replace("-", "_").split("_")
    likely: Mapping[str, str] = get_global("likely_subtags")
    full = likely.get(tag.replace("-", "_")) or likely.get(parts[0], parts[0])
    territory = next((p for p in reversed(full.split("_")) if p.isupper() and len(p) == 2), "")
    own = next((p for p in parts[1:] if p.isupper() and len(p) == 2), territory)
    return f"{parts[0]}_{own}" if own else parts[0]


# -- the card image ---------------------------------------------------------------------

CARD_WIDTH, CARD_HEIGHT = 1200, 630
_FONTS = (
    'system-ui, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", '
    '"Microsoft YaHei", sans-serif'
)


def _lines(text: str, columns: int, most: int) -> list[str]:
    """Text broken into lines of at most ``columns`` display columns (a CJK character is
    two), at spaces where there are any, else anywhere; an ellipsis when it runs over."""
    lines: list[str] = []
    line = ""
    for word in text.replace("\u200b", "").split(" "):
        pieces = [word] if width(word) <= columns else list(word)
        for piece in pieces:
            joiner = "" if not line or len(pieces) > 1 else " "
            if width(line + joiner + piece) <= columns:
                line += joiner + piece
            else:
                lines.append(line)
                line = piece
    if line:
        lines.append(line)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1].rstrip()[:-1] + "…"
    return lines


def _attr(text: str) -> str:
    """Text for a double-quoted XML attribute."""
    return xml_escape(text).replace('"', "&quot;")


def card_svg(title: str, lines: list[str], org: str, accent: str, lang: str) -> str:
    """The image a shared link shows: the job title large, then the place and the pay,
    and the organisation. Text is data, escaped; the fonts are the system's, CJK
    included (Noto CJK on Linux)."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CARD_WIDTH} {CARD_HEIGHT}"'
        f' width="{CARD_WIDTH}" height="{CARD_HEIGHT}" xml:lang="{xml_escape(lang)}"'
        f' role="img" aria-label="{_attr(title)}">\n',
        f'<rect width="{CARD_WIDTH}" height="{CARD_HEIGHT}" fill="#ffffff"/>\n',
        f'<rect width="24" height="{CARD_HEIGHT}" fill="{xml_escape(accent)}"/>\n',
        f'<g font-family="{_attr(_FONTS)}" fill="#1d1d1f">\n',
    ]
    y = 150
    for line in _lines(title, 34, 3):
        out.append(
            f'<text x="90" y="{y}" font-size="68" font-weight="700">{xml_escape(line)}</text>\n'
        )
        y += 84
    y += 30
    for text in lines[:3]:
        for line in _lines(text, 58, 1):
            out.append(
                f'<text x="90" y="{y}" font-size="38" fill="#444450">{xml_escape(line)}</text>\n'
            )
            y += 54
    if org:
        out.append(
            f'<text x="90" y="{CARD_HEIGHT - 60}" font-size="34" font-weight="600"'
            f' fill="{xml_escape(accent)}">{xml_escape(org)}</text>\n'
        )
    out.append("</g>\n</svg>\n")
    return "".join(out)


def social(
    role: Role, localizer: Localizer, org: Organization | None, card_url: str
) -> dict[str, Any]:
    """What the page template needs for a posting's header and its sharing tags."""
    facts = job_facts(role, localizer)
    company = plain(role.organization) or (org.name if org else "")
    return {
        "job_title": Markup(text_html(" ".join(role.title.split()))),
        "job_org": " · ".join(x for x in (company, plain(role.team)) if x),
        "job_facts": facts,
        "apply_href": apply_href(role),
        "card": card_url,
        "og_type": "article",
    }


def card_for(role: Role, localizer: Localizer, org: Organization | None) -> str:
    facts = {f.label: f.value for f in job_facts(role, localizer)}
    lines = [v for k, v in facts.items() if k != localizer.pgettext("label", "Posted")]
    company = plain(role.organization) or (org.name if org else "")
    accent = org.accent if org and org.accent else "#0b57d0"
    return card_svg(plain(role.title), lines, company, accent, localizer.info.tag)


def greetings(renderer: Any, tags: list[str]) -> dict[str, dict[str, str]]:
    """The front page's greeting in each locale: the link to its openings, and the
    organisation's intro in that language (its own, else its language's)."""
    from jdgen.foundation.locales import parse_locale

    org = renderer.project.config.organization
    intros = list(org.intro) if org else []
    out = {}
    for tag in tags:
        language = parse_locale(tag).language
        exact = [i.text for i in intros if parse_locale(i.locale).tag == parse_locale(tag).tag]
        near = [i.text for i in intros if parse_locale(i.locale).language == language]
        out[tag] = {
            "action": renderer.localizer(tag).pgettext("site", "See our open positions"),
            "intro": (exact or near or [""])[0],
        }
    return out
