"""What every importer makes of one ATS posting, before it becomes a role file.

A source module reads its own payload shape into :class:`Posting`; the shared modules
turn description HTML into sections (``html``, ``sections``), place strings into
places (``places``) and pay into ranges (``pay``); one writer (``rolefile``) turns a
posting into a role file. Nothing here knows any vendor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

# What a role's links may use (jdgen/project/values.py checks the same when loading).
_LINK_SCHEMES = ("https://", "mailto:")


@dataclass
class Place:
    """A place as jdgen's ``locations[]`` holds it; ``country`` is an ISO 3166 code."""

    city: str | None = None
    region: str | None = None
    country: str | None = None
    name: str | None = None
    street: str | None = None
    postal_code: str | None = None

    def key(self) -> str:
        """What two mentions of one place share, to merge duplicates."""
        return "|".join((self.city or self.name or "").casefold().split()) + f"|{self.country}"


@dataclass
class Pay:
    """A pay range; ``zone`` names the tier or place it is for (None: everywhere)."""

    currency: str
    period: str
    min: Decimal | None = None
    max: Decimal | None = None
    zone: str | None = None


@dataclass
class Section:
    """A piece of the description under one heading (None: before any heading)."""

    heading: str | None
    html: str
    field: str | None = None  # the jdgen field a source already knows it belongs to
    decode: bool = False  # its text holds entities written twice (Greenhouse)


@dataclass
class Posting:
    """One posting, in jdgen's terms. ``problems`` are (field, message) pairs: what the
    source says that could not be mapped, reported with the posting."""

    source: str
    id: str
    title: str
    sections: list[Section] = field(default_factory=list)
    language: str | None = None
    organization: str | None = None
    team: str | None = None
    places: list[Place] = field(default_factory=list)
    place_texts: list[str] = field(default_factory=list)  # still to be parsed by places
    work_arrangement: str | None = None
    employment_type: str | None = None
    pay: list[Pay] = field(default_factory=list)
    pay_structure: list[tuple[str, str]] = field(default_factory=list)
    posted: dt.date | None = None
    valid_through: dt.date | None = None
    apply_url: str | None = None
    unmapped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def name(self) -> str:
        """How reports name the posting: its source, id and title."""
        return f"{self.source} posting {self.id} “{self.title}”"

    def skip(self, where: str, what: str) -> None:
        """Note a field of the source that jdgen has no place for."""
        self.unmapped.append((where, what))

    def link(self, url: str | None, where: str) -> None:
        """Take ``url`` as the apply link if a role may hold it (``https:`` or ``mailto:``,
        no spaces); otherwise say why it was left out, rather than drop it unseen."""
        if not url:
            return
        if url.lower().startswith(_LINK_SCHEMES) and not any(ch.isspace() for ch in url):
            self.apply_url = url
        else:
            self.skip(where, f"the link “{url}” is not an https: or mailto: link; add one by hand")
