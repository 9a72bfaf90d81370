"""The translations one rendering uses: one locale and domain, merged along the locale's
fallback chain, with what was missing and what could not be used."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jdgen.errors import Position, Problem, Severity
from jdgen.foundation.locales import LocaleInfo
from jdgen.i18n.catalogs import TEMPLATE_DOMAIN, Key, Translations, catalog_paths, read_po_file
from jdgen.i18n.placeholders import template_problem
from jdgen.i18n.plurals import PluralForms

Entry = tuple[str | tuple[str, ...], PluralForms | None]


@dataclass
class Messages:
    """The translations of one locale and domain, merged along the fallback chain.

    Translations of template strings (the ``jdgen`` domain) are format strings and plain
    words: one that would break its format or add markup is not used (the source text
    is shown) and is reported among :attr:`warnings`; see :mod:`jdgen.i18n.placeholders`.
    """

    locale: LocaleInfo
    entries: Translations = field(default_factory=dict)
    #: Lookups that found no translation, for "missing translation" warnings.
    misses: set[Key] = field(default_factory=set)
    #: Why some entries of the catalogs were not used (see :class:`PoFile`).
    warnings: list[Problem] = field(default_factory=list)
    #: Where each translation is written.
    positions: dict[Key, Position] = field(default_factory=dict)
    #: Whether translations are template strings, checked before use.
    template: bool = False
    #: The template strings looked up since this was last cleared: what a page depends
    #: on, so that changing a string re-renders only the pages that show it.
    used: set[Key] = field(default_factory=set)
    #: Unreviewed drafts (see PoFile.drafts), most specific catalog first.
    drafts: dict[Key, str] = field(default_factory=dict)
    _usable: dict[Key, bool] = field(default_factory=dict)

    @classmethod
    def load(cls, locale: LocaleInfo, domain: str, locale_dirs: Sequence[Path]) -> Messages:
        messages = cls(locale, template=domain == TEMPLATE_DOMAIN)
        # General to specific, so that the more specific catalog wins.
        for path in reversed(catalog_paths(locale, domain, locale_dirs)):
            po = read_po_file(path)
            messages.entries.update(po.entries)
            messages.positions.update(po.positions)
            messages.warnings.extend(po.warnings)
            messages.drafts.update(po.drafts)
        return messages

    def draft(self, msgid: str, context: str | None = None) -> str | None:
        """The unreviewed draft of a text, if a catalog has one (never a translation)."""
        return self.drafts.get((context, msgid))

    def _entry(self, key: Key, sources: tuple[str, ...]) -> Entry | None:
        """The entry for ``key`` if it is usable, else None (and a warning, once)."""
        entry = self.entries.get(key)
        if not self.template:
            return entry
        self.used.add(key)
        if entry is None:
            return entry
        if key not in self._usable:
            strings = (entry[0],) if isinstance(entry[0], str) else entry[0]
            why = next((w for t in strings if (w := template_problem(sources, t))), "")
            self._usable[key] = not why
            if why:
                context, msgid = key
                what = f'"{msgid}"' + (f" (context {context})" if context else "")
                self.warnings.append(
                    Problem(
                        f"the translation of {what} is not used, because {why}; the source "
                        "text is shown",
                        self.positions.get(key),
                        severity=Severity.WARNING,
                        hint="fix it in the catalog (jdgen i18n check lists every one)",
                    )
                )
        return entry if self._usable[key] else None

    def lookup(self, msgid: str, context: str | None = None) -> str | None:
        """The translation, or None (no miss is recorded: the caller decides)."""
        entry = self._entry((context, msgid), (msgid,))
        if entry is None:
            return None
        value, _ = entry
        return value if isinstance(value, str) else value[0]

    def gettext(self, msgid: str, context: str | None = None) -> str:
        found = self.lookup(msgid, context)
        if found is None:
            if (context, msgid) not in self.entries:  # not a translation left unused
                self.misses.add((context, msgid))
            return msgid
        return found

    def ngettext(self, singular: str, plural: str, n: int, context: str | None = None) -> str:
        entry = self._entry((context, singular), (singular, plural))
        if entry is None or isinstance(entry[0], str):
            if (context, singular) not in self.entries:
                self.misses.add((context, singular))
            return singular if n == 1 else plural
        forms, rule = entry
        index = rule.index(n) if rule is not None else None
        if index is None:  # a formula that fails for this n (checked for 0 to 2·10⁶)
            self.misses.add((context, singular))
            return singular if n == 1 else plural
        return forms[index]

    def state(self, key: Key) -> str:
        """What the translation of ``key`` is now, as text to hash (with its plural rule)."""
        entry = self.entries.get(key)
        if entry is None:
            return "-"
        value, rule = entry
        return repr((value, rule.header if rule is not None else None))

    def pgettext(self, context: str, msgid: str) -> str:
        return self.gettext(msgid, context)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.ngettext(singular, plural, n, context)
