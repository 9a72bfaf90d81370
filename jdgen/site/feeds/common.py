"""What every feed writes of a posting: its places with their job ids, its pay as one
string, and XML text that needs no entity (CDATA)."""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from jdgen.i18n.localize import Localizer
from jdgen.project.identity import job_id
from jdgen.project.model import Location, Role, Salary
from jdgen.site.pages import plain


@dataclass(frozen=True)
class Posting:
    """One posting in one locale, as the feeds need it."""

    role: Role  # as localized
    keys: tuple[str, ...]  # its locations' keys, from the role as written
    localizer: Localizer
    url: str  # the posting page
    html: str  # the posting's body, as the page shows it
    company: str

    @property
    def tag(self) -> str:
        return self.localizer.info.tag

    def places(self) -> Iterator[tuple[str, Location | None]]:
        """Each job of the posting: its id and location (one job, with no location, for a
        role that has none)."""
        if not self.role.locations:
            yield job_id(self.role.id, None, self.tag), None
        for key, loc in zip(self.keys, self.role.locations, strict=True):
            yield job_id(self.role.id, key, self.tag), loc

    def pay(self, loc: Location | None) -> Salary | None:
        return (loc.pay if loc else None) or self.role.salary


# Characters XML 1.0 cannot carry at all, even in CDATA.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def cdata(text: str) -> str:
    """``text`` as CDATA: as it is, with no entity, a ``]]>`` in it split across two
    sections so it cannot end the first."""
    clean = _ILLEGAL.sub("", text)
    return "<![CDATA[" + clean.replace("]]>", "]]]]><![CDATA[>") + "]]>"


#: A ``&`` that would read as an entity (text that says "&amp;" as such).
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def literal(text: str) -> str:
    """Text with no entity in it, even one the text spells out: a word joiner after
    such a ``&`` keeps it from reading as one, and shows as nothing."""
    return _ENTITY_LIKE.sub("&\u2060", text)


def element(name: str, text: str | None, indent: str = "  ") -> str:
    """``<name><![CDATA[text]]></name>`` on a line of its own; nothing for None."""
    if text is None:
        return ""
    return f"{indent}<{name}>{cdata(literal(text))}</{name}>\n"


def salary_text(localizer: Localizer, pay: Salary | None) -> str:
    """The pay as one string in the locale's form (``$4,000 – $5,000 per month``), with
    every amount written out: boards read "28K" as no salary."""
    if pay is None:
        return ""
    full = copy.copy(localizer)
    full.conventions = dataclasses.replace(localizer.conventions, salary_thousands=())
    return full.salary(dataclasses.replace(pay, note=None))


def experience_text(localizer: Localizer, role: Role) -> str | None:
    """The experience the least senior level asks for, in the locale's words (``3-5
    years``); None if the role gives none."""
    if not role.experience:
        return None
    fewest = min(role.experience, key=lambda e: (e.years.min, e.years.max or 99))
    return localizer.years(fewest.years)


def education(role: Role) -> str | None:
    return (plain(role.requirements.education) or None) if role.requirements else None
