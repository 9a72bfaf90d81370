"""Localize: everything that depends on the output locale, in one object.

A :class:`Localizer` holds the Babel locale, the locale's conventions (merged along
its fallback chain) and the template catalog. It provides the filters templates use
(money, salary, dates, lists, years, durations) and turns a role into the role as
shown in that locale, its text marked as :class:`Content` (data, never markup).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

import yaml
from babel.core import get_global

from jdgen.errors import InvalidInputError, NotFoundError, Problem, Severity, relpath
from jdgen.foundation.inline import mark_language
from jdgen.foundation.locales import LocaleInfo, dir_to_tag, parse_locale, same_writing
from jdgen.i18n import formatting
from jdgen.i18n.catalogs import TEMPLATE_DOMAIN, catalog_dir, role_domain
from jdgen.i18n.formatting import Conventions
from jdgen.i18n.messages import Messages
from jdgen.project.checking import INVALID, Checker
from jdgen.project.load import load_yaml, merge_nodes
from jdgen.project.model import Role, Salary
from jdgen.project.resolve import ResolvedRole
from jdgen.project.schema import Struct, map_text
from jdgen.project.values import Headcount, YearRange

CONVENTIONS_FILE = "conventions.yaml"
#: Fields that hold names (places): left empty by a translator, they read as written
#: where the locale writes that script (see Localizer._as_written).
PROPER_NOUNS = frozenset({"locations.name", "locations.city", "locations.region"})
#: The language the built-in templates' strings are written in.
TEMPLATE_SOURCE_LANGUAGE = "en"


class Content(str):
    """Text that came from a role file: data to be shown as written, never markup to run.

    The Markdown renderer escapes it so that it cannot start a heading or a list, and it
    is never passed to the template engine as code.
    """

    __slots__ = ()


def available_locales(locale_dirs: Sequence[Path], template_dirs: Sequence[Path]) -> list[str]:
    """The locales jdgen has templates or catalogs for, as BCP 47 tags."""
    names = {TEMPLATE_SOURCE_LANGUAGE}
    for base in (*locale_dirs, *template_dirs):
        if base.is_dir():
            for child in base.iterdir():
                if child.is_dir() and (tag := dir_to_tag(child.name)):
                    names.add(tag)
    return sorted(names)


def resolve_locale(
    tag: str, locale_dirs: Sequence[Path], template_dirs: Sequence[Path]
) -> LocaleInfo:
    """Parse a user's locale tag and check jdgen can render it (some step of its chain)."""
    available = available_locales(locale_dirs, template_dirs)
    try:
        info = parse_locale(tag)
    except ValueError as exc:
        raise NotFoundError(
            Problem(f"unknown locale: {exc}", hint="available: " + ", ".join(available))
        ) from None
    supported = {parse_locale(t).chain[0] for t in available} | set(available)
    if not any(name in supported or dir_to_tag(name) in available for name in info.chain):
        raise NotFoundError(
            Problem(
                f'no templates or translations for locale "{info.tag}" '
                f"(looked for {', '.join(info.chain)})",
                hint="available: "
                + ", ".join(available)
                + f"; add one with a catalog in locales/{info.chain[-1]}/",
            )
        )
    return info


def load_conventions(locale: LocaleInfo, locale_dirs: Sequence[Path]) -> Conventions:
    """The locale's conventions: each ``conventions.yaml`` along the chain, specific last."""
    merged: yaml.Node | None = None
    for name in reversed(locale.chain):
        for base in reversed(locale_dirs):
            path = base / name / CONVENTIONS_FILE
            if path.is_file():
                doc = load_yaml(path, relpath(path))
                if doc.root is not None:
                    merged = doc.root if merged is None else merge_nodes(merged, doc.root)
    if merged is None:
        return Conventions()
    ctx = Checker()
    conventions = Struct(Conventions).check(merged, "", ctx)
    ctx.problems.raise_errors()
    if conventions is INVALID:  # pragma: no cover - a failed check records a problem
        raise InvalidInputError("invalid conventions")
    return conventions


def _script(info: LocaleInfo) -> str | None:
    """The script a locale writes (Latn, Hans, Hant), from CLDR's likely subtags."""
    if info.babel.script:
        return str(info.babel.script)
    likely = get_global("likely_subtags")
    full = likely.get(f"{info.babel.language}_{info.babel.territory}") or likely.get(
        str(info.babel.language), ""
    )
    parts = str(full).split("_")
    return parts[1] if len(parts) > 1 and len(parts[1]) == 4 else None


def N_(context: str, message: str) -> tuple[str, str]:
    """Mark a message for extraction (``jdgen i18n extract``) without translating it yet."""
    return context, message


_EMPLOYMENT = {
    "full-time": N_("employment type", "Full-time"),
    "part-time": N_("employment type", "Part-time"),
    "contract": N_("employment type", "Contract"),
    "temporary": N_("employment type", "Temporary"),
    "internship": N_("employment type", "Internship"),
    "volunteer": N_("employment type", "Volunteer"),
    "per-diem": N_("employment type", "Per diem"),
    "other": N_("employment type", "Other"),
}
_ARRANGEMENT = {
    "on-site": N_("work arrangement", "On-site"),
    "hybrid": N_("work arrangement", "Hybrid"),
    "remote": N_("work arrangement", "Remote"),
}
_PER = {
    "hour": N_("salary period", "per hour"),
    "day": N_("salary period", "per day"),
    "week": N_("salary period", "per week"),
    "month": N_("salary period", "per month"),
    "year": N_("salary period", "per year"),
}


class Localizer:
    """Formatting and wording for one output locale. Holds no machine-dependent state."""

    def __init__(self, info: LocaleInfo, locale_dirs: Sequence[Path]) -> None:
        self.info = info
        self.locale = info.babel
        self.conventions = load_conventions(info, locale_dirs)
        self.messages = Messages.load(info, TEMPLATE_DOMAIN, locale_dirs)
        self._locale_dirs = tuple(locale_dirs)
        self._role_messages: dict[tuple[str, str], Messages] = {}

    # -- words from the template catalog ------------------------------------------------

    def gettext(self, msgid: str) -> str:
        return self.messages.gettext(msgid)

    def pgettext(self, context: str, msgid: str) -> str:
        return self.messages.pgettext(context, msgid)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.messages.ngettext(singular, plural, n)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.messages.npgettext(context, singular, plural, n)

    def missing(self) -> list[str]:
        """Template strings this locale had no translation for (none for the source language)."""
        if self.locale.language == TEMPLATE_SOURCE_LANGUAGE:
            return []
        return sorted(f"{ctx}|{msgid}" if ctx else msgid for ctx, msgid in self.messages.misses)

    # -- filters ------------------------------------------------------------------------

    def money(self, amount: Decimal | int, currency: str) -> str:
        return formatting.money(amount, currency, self.locale, self.conventions.symbol(currency))

    def number(self, value: Decimal | int | float) -> str:
        return formatting.number(value, self.locale)

    def salary(self, salary: Salary, period: bool = True) -> str:
        """``28K-60K/月``, ``28.000-60.000 € al mes``, ``$28,000 – $60,000 per year``."""
        if salary.min is not None and salary.max is None:
            single = self.pgettext("salary", "from {amount}")
        elif salary.min is None:
            single = self.pgettext("salary", "up to {amount}")
        else:
            single = "{amount}"
        text = formatting.salary_range(
            salary.min, salary.max, salary.currency, self.conventions, self.locale, single
        )
        if period:
            per = self.pgettext(*_PER[salary.period])
            text = self.conventions.salary_with_period.format(amount=text, per=per)
        if salary.months_per_year and salary.months_per_year != 12:
            text = self.pgettext("salary", "{amount} × {months} months").format(
                amount=text, months=salary.months_per_year
            )
        return text

    def month_year(self, date: dt.date) -> str:
        return formatting.month_year(date, self.locale)

    def posted(self, date: dt.date) -> str:
        """A posting's date as the locale shows it: the day, or the month where its
        conventions say so."""
        if self.conventions.posted_date == "month":
            return self.month_year(date)
        return self.date(date)

    def date(self, date: dt.date) -> str:
        return formatting.long_date(date, self.locale)

    def join(self, items: Iterable[str], style: str = "standard") -> str:
        parts = list(items)
        text = formatting.join(parts, self.locale, style)
        return Content(text) if any(isinstance(p, Content) for p in parts) else text

    def years(self, years: YearRange) -> str:
        """``3-5年``, ``3-5 años``, ``3-5 years``; ``8年以上``, ``8+ years``."""
        if years.max is None:
            return self.npgettext(
                "years of experience", "{min}+ year", "{min}+ years", years.min
            ).format(min=self.number(years.min))
        shown = (
            self.number(years.min)
            if years.min == years.max
            else f"{self.number(years.min)}-{self.number(years.max)}"
        )
        return self.npgettext(
            "years of experience", "{range} year", "{range} years", years.max
        ).format(range=shown)

    def duration(self, minutes: int) -> str:
        return formatting.duration(minutes, self.conventions, self.locale)

    def headcount(self, count: Headcount) -> str:
        if isinstance(count, str):  # UNSPECIFIED
            return self.pgettext("headcount", "several")
        return self.number(count)

    def employment_type(self, code: str) -> str:
        return self.pgettext(*_EMPLOYMENT[code])

    def work_arrangement(self, code: str) -> str:
        return self.pgettext(*_ARRANGEMENT[code])

    @property
    def catalog_dir(self) -> str:
        """Where this locale's translations go (for hints): see ``catalog_dir``."""
        return catalog_dir(self.info, self._locale_dirs)

    def translate_hint(self, domain: str) -> str:
        """Where to translate a text of ``domain``: its catalog in the project, which
        ``jdgen i18n update`` creates if it is not there yet (a hint must not send anyone
        to a file that does not exist)."""
        where = f"locales/{self.catalog_dir}/LC_MESSAGES/{domain}.po"
        own = self._locale_dirs[0] if self._locale_dirs else None
        if (
            own is not None
            and not (own / self.catalog_dir / "LC_MESSAGES" / f"{domain}.po").is_file()
        ):
            return f"run jdgen i18n update to create {where}, then translate it there"
        return f"translate it in {where}"

    # -- role content -------------------------------------------------------------------

    def role_messages(self, role_id: str, source_language: str) -> Messages:
        """The role's catalog for this locale. The chain stops at the locale the role is
        written in: there the author's own text is right, so es-PE readers of an es-PE
        posting see it as written, not its neutral-Spanish (es) version."""
        key = (role_id, source_language)
        if key not in self._role_messages:
            own = set(parse_locale(source_language).chain[:1])
            chain = []
            for name in self.info.chain:
                if name in own:
                    break
                chain.append(name)
            info = dataclasses.replace(self.info, chain=tuple(chain))
            self._role_messages[key] = Messages.load(info, role_domain(role_id), self._locale_dirs)
        return self._role_messages[key]

    def _as_written(self, path: str, text: str) -> bool:
        """Whether a text left untranslated is right as it is: one without words (a dash,
        a number), or a proper noun a translator left empty that this locale's script
        writes the same way (Lima, Buenos Aires in English; never 北京 in English)."""
        if not any(ch.isalpha() for ch in text):
            return True
        if re.sub(r"\[[^\]]*\]", "", path) not in PROPER_NOUNS:
            return False
        latin = all(ord(ch) < 0x250 for ch in text if ch.isalpha())
        return latin and _script(self.info) == "Latn"

    def localize_role(self, resolved: ResolvedRole) -> tuple[Role, list[Problem]]:
        """The role as shown in this locale, and a warning for each text left untranslated.

        Each text is looked up in the catalog of the role file it was written in, along the
        locale's fallback chain. Without a translation the source text is shown; that is
        a warning when the source is in another language. Every text is marked as role
        content.
        """
        warnings: list[Problem] = []
        for source in dict.fromkeys((t.role, t.language) for t in resolved.texts.values()):
            warnings.extend(self.role_messages(*source).warnings)

        def localize(path: str, text: str, translatable: bool) -> str:
            source = resolved.texts.get(path) if translatable else None
            if source is None:
                return Content(text)
            found = self.role_messages(source.role, source.language).lookup(text, source.context)
            if found is not None:
                return Content(found)
            if not same_writing(source.language, self.info.tag) and self._as_written(path, text):
                return Content(text)
            draft = self.role_messages(source.role, source.language).draft(text, source.context)
            if draft is not None and not same_writing(source.language, self.info.tag):
                # A draft (i18n init --from) beats the source's other script or language,
                # but it is not reviewed: marked like any fallback, and counted as one.
                warnings.append(
                    Problem(
                        f"the {self.info.tag} text for {source.context} is a draft not yet "
                        "reviewed (fuzzy); it is shown marked",
                        source.position,
                        path,
                        severity=Severity.WARNING,
                        hint=f"review it in locales/{self.catalog_dir}/LC_MESSAGES/"
                        f"{role_domain(source.role)}.po and remove its fuzzy flag",
                    )
                )
                return Content(mark_language(draft, self.info.tag))
            if not same_writing(source.language, self.info.tag):
                text = mark_language(text, source.language)
                warnings.append(
                    Problem(
                        f"no {self.info.tag} translation for {source.context}; the "
                        f"{source.language} text is shown",
                        source.position,
                        path,
                        severity=Severity.WARNING,
                        hint=self.translate_hint(role_domain(source.role)),
                    )
                )
            return Content(text)

        localized = map_text(resolved.role, localize)
        errors = [
            e
            for source in dict.fromkeys((t.role, t.language) for t in resolved.texts.values())
            for e in self.role_messages(*source).errors
        ]
        if errors:
            raise InvalidInputError(errors)
        return _translated_marks(resolved.role, localized), warnings


def _translated_marks(source: Role, shown: Role) -> Role:
    """A skills matrix's cells in the marks of the legend as shown: the legend's marks are
    words (A for Aware; 了 for 了解 in Chinese), translated with the legend, and a cell
    must read the same mark as the legend that explains it."""
    if source.skills is None or shown.skills is None:
        return shown
    marks = {
        old.mark: "\u00a0".join(str(new.mark).split()) or old.mark
        for old, new in zip(source.skills.legend, shown.skills.legend, strict=True)
    }
    if all(k == v for k, v in marks.items()):
        return shown
    domains = tuple(
        dataclasses.replace(
            domain,
            skills=tuple(
                dataclasses.replace(
                    skill, levels=Content(" ".join(marks.get(m, m) for m in skill.marks))
                )
                for skill in domain.skills
            ),
        )
        for domain in shown.skills.domains
    )
    return dataclasses.replace(shown, skills=dataclasses.replace(shown.skills, domains=domains))
