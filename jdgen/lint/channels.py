"""Job boards' rules, per channel (``rules/channels.yaml``): what Indeed, LinkedIn and
InfoJobs refuse or cut - a title's length or extras, a description's length, a posting
with no place or no way to apply - and, across every posting, descriptions that end in
one shared sentence (aggregators refuse such feeds as generated).

A role's rules are judged on the posting as rendered in each locale, as the boards get
it; the shared ending is judged across the roles once each is done (:func:`endings`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jdgen.errors import JdgenError, Position
from jdgen.foundation.inline import to_text as inline_text
from jdgen.foundation.locales import parse_locale
from jdgen.foundation.titles import holds_pay, holds_place
from jdgen.lint.rules import Finding, Rule, pack, register
from jdgen.project.config import Config
from jdgen.project.identity import ambiguous
from jdgen.project.model import Role
from jdgen.project.resolve import ResolvedRole
from jdgen.rendering.document import (
    Block,
    Code,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Table,
)
from jdgen.rendering.document import Rule as Break
from jdgen.rendering.renderer import Renderer

CHANNELS = ("indeed", "linkedin", "infojobs")
#: What ``--channel`` takes besides a board: every board, or the boards the site feeds.
GROUPS = ("all", "site")
RULES = {r.id: register(r) for r in pack("channels")}


def site_channels(config: Config) -> tuple[str, ...]:
    """The boards the site feeds (``--channel site``)."""
    feeds = config.feeds
    out = ["indeed"] if feeds.indeed else []
    if feeds.linkedin is not None:
        out.append("linkedin")
    return tuple(out)


def role_channels(
    renderer: Renderer, resolved: ResolvedRole, wanted: Sequence[str], channels: Sequence[str]
) -> tuple[list[Finding], list[tuple[str, Ending]]]:
    """:func:`role_findings` for a role posted in the locales ``wanted`` it renders to."""
    own = {parse_locale(t).tag for t in resolved.role.locales}
    shown = []
    for tag in wanted:
        if own and parse_locale(tag).tag not in own:
            continue
        try:
            rendition = renderer.rendition(resolved, tag, "posting")
        except JdgenError:  # reported by the build and by validate, not here
            continue
        shown.append((tag, rendition.role, rendition.document))
    found, endings = role_findings(resolved, shown, channels)
    return found, [(resolved.role.id, e) for e in endings]


def channels_of(names: Sequence[str], config: Config) -> tuple[str, ...]:
    """The boards ``--channel`` names: boards, ``all`` or ``site``."""
    out: list[str] = []
    for name in names:
        out += CHANNELS if name == "all" else site_channels(config) if name == "site" else [name]
    return tuple(dict.fromkeys(out))


def channel_rules(channels: Sequence[str]) -> list[Rule]:
    return [r for r in RULES.values() if set(r.data.get("channels", ())) & set(channels)]


@dataclass(frozen=True)
class Ending:
    """The last sentence of a posting's prose in one locale, for the shared-ending rule."""

    locale: str
    sentence: str
    position: Position


def plain_text(doc: Document) -> str:
    """A posting as plain text, as a board that takes no markup gets it: its words, with
    none of the rules and underlines the text format draws."""
    return " ".join(" ".join(_words(doc.blocks)).split())


def _words(blocks: Iterable[Block]) -> Iterable[str]:
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            yield inline_text(block.text)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _words(item.blocks)
        elif isinstance(block, Quote):
            yield from _words(block.blocks)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                yield from (inline_text(cell) for cell in row)
        elif isinstance(block, Code):
            yield block.text


def last_sentence(doc: Document) -> str:
    """The last sentence of the posting's last paragraph of prose, before the closing
    lines (posted, apply by) that every posting has in its own dates."""
    blocks = list(doc.blocks)
    breaks = [i for i, b in enumerate(blocks) if isinstance(b, Break)]
    if breaks:
        blocks = blocks[: breaks[-1]]
    texts = [" ".join(inline_text(t).split()) for t in _prose(blocks)]
    texts = [t for t in texts if t]
    if not texts:
        return ""
    sentences = [s for s in re.split(r"(?<=[.!?。！？])\s*", texts[-1]) if s.strip()]
    return sentences[-1].strip().casefold() if sentences else ""


def _prose(blocks: Iterable[object]) -> Iterable[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Quote):
            yield from _prose(block.blocks)
        elif isinstance(block, ListBlock):
            continue  # facts and bullet points, not the closing words


def role_findings(
    resolved: ResolvedRole,
    shown: Sequence[tuple[str, Role, Document]],
    channels: Sequence[str],
) -> tuple[list[Finding], list[Ending]]:
    """A role's findings on each board in ``channels``, from its posting in each locale
    (``shown``: locale, localized role, document); and the posting's endings."""
    active = {r.id for r in channel_rules(channels)}
    role = resolved.role
    out: list[Finding] = []

    def at(key: str) -> Position:
        return resolved.positions.get(key) or Position(resolved.display)

    def add(rule_id: str, message: str, key: str = "", locale: str = "") -> None:
        if rule_id in active:
            out.append(Finding(RULES[rule_id], message, at(key), key, locale))

    if not any(loc.city or loc.country for loc in role.locations):
        what = "no location" if not role.locations else "no location with a city or a country"
        add("feed.no-place", f"the posting has {what}", "locations")
    apply = role.apply
    contacts = apply.contacts if apply else ()
    if not (apply and (apply.url or apply.email or any(c.url or c.email for c in contacts))):
        add("feed.no-apply", "the role gives no link or e-mail address to apply", "apply")
    for key in ambiguous(role):
        add(
            "feed.ambiguous-place",
            f'several locations are "{key}" with no id: their job ids follow their order',
            "locations",
        )
    endings = []
    for tag, localized, doc in shown:
        title = " ".join(inline_text(localized.title).split())
        text = plain_text(doc)
        limit = RULES["linkedin.title-length"].data["max"]
        if len(title) > limit:
            add(
                "linkedin.title-length",
                f"the title is {len(title)} characters long (LinkedIn takes {limit})",
                "title",
                tag,
            )
        for rule_id, board in (
            ("linkedin.description-length", "LinkedIn"),
            ("infojobs.description-length", "InfoJobs"),
        ):
            low, high = RULES[rule_id].data["min"], RULES[rule_id].data["max"]
            if not low <= len(text) <= high:
                add(
                    rule_id,
                    f"the description is {len(text):,} characters of plain text "
                    f"({board} takes {low:,} to {high:,})",
                    "",
                    tag,
                )
        extras = _title_extras(title, localized)
        if extras:
            add("indeed.title-extras", f'the title "{title}" holds {extras}', "title", tag)
        if sentence := last_sentence(doc):
            endings.append(Ending(tag, sentence, Position(resolved.display)))
    return out, endings


def _title_extras(title: str, role: Role) -> str:
    """What in a title is pay or a place, named; '' if nothing."""
    found = ["pay"] if holds_pay(title) else []
    if holds_place(title, places_of(role)):
        found.append("a place")
    return " and ".join(found)


def places_of(role: Role) -> list[str]:
    """The names a role's places go by, as it shows them."""
    return [
        " ".join(inline_text(p).split())
        for loc in role.locations
        for p in (loc.name, loc.city, loc.region)
        if p
    ]


def repeated_endings(
    endings: Sequence[tuple[str, Ending]], channels: Sequence[str]
) -> list[Finding]:
    """``feed.repeated-ending``: each posting (role id, ending) whose description ends in
    the same sentence as more than a fifth of the other postings of its locale."""
    if "feed.repeated-ending" not in {r.id for r in channel_rules(channels)}:
        return []
    rule = RULES["feed.repeated-ending"]
    share = float(rule.data["share"])
    postings = Counter(e.locale for _, e in endings)
    same = Counter((e.locale, e.sentence) for _, e in endings)
    out = []
    for _, ending in endings:
        others = postings[ending.locale] - 1
        sharing = same[ending.locale, ending.sentence] - 1
        if others and sharing > share * others:
            out.append(
                Finding(
                    rule,
                    f"the description ends like {sharing} of the {others} other postings: "
                    f'"{ending.sentence}"',
                    ending.position,
                    "",
                    ending.locale,
                )
            )
    return out
