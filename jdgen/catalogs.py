"""Translation catalogs, read from gettext PO files at run time.

PO files are read directly with ``babel.messages.pofile.read_po``; no MO file is
compiled. That keeps fallback honest: an entry that is fuzzy, empty, or has an empty
plural form is not a translation, so the lookup moves on to the parent locale (a
compiled MO would carry the msgid instead, babel #697). ``gettext.find`` and
``Translations.load`` are never used: they map ``es`` to ``es_ES``.

Lookup order for ``es-AR``: the project's ``es_AR``, the built-in ``es_AR``, then
``es_419`` and ``es`` likewise, then the source text.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

from .errors import InvalidInputError, Position, Problem, relpath
from .locales import LocaleInfo

#: The domain of the built-in templates' own strings (headings, labels, patterns).
TEMPLATE_DOMAIN = "jdgen"
#: Each role has a domain of its own: ``role-<id>``. See docs/translating.md for why.
ROLE_DOMAIN_PREFIX = "role-"


def role_domain(role_id: str) -> str:
    return ROLE_DOMAIN_PREFIX + role_id


Key = tuple[str | None, str]  # (msgctxt, msgid)
PluralFn = Callable[[int], int]

_KEYWORD = re.compile(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*)$')
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"\s*$')


def check_po_syntax(text: str, display: str) -> list[Problem]:
    """Problems that Babel's lenient parser would let through (unterminated strings...)."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = _KEYWORD.match(stripped)
        rest = m.group(2) if m else stripped
        if not m and not stripped.startswith('"'):
            word = stripped.split()[0]
            problems.append(
                Problem(
                    f'unexpected "{word}"',
                    Position(display, number, 1),
                    hint="expected msgctxt, msgid, msgstr or a quoted string",
                )
            )
        elif not _QUOTED.fullmatch(rest):
            col = line.index(rest) + 1
            problems.append(
                Problem(
                    "unterminated or malformed string",
                    Position(display, number, col),
                    hint='a string is one line in double quotes; escape inner quotes as \\"',
                )
            )
    return problems


@functools.lru_cache(maxsize=512)
def _read(path: Path, mtime_ns: int, size: int) -> Catalog:
    display = relpath(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInputError(
            Problem(
                "catalog is not valid UTF-8",
                Position(display),
                hint='save it as UTF-8 with "charset=UTF-8"',
            )
        ) from None
    problems = check_po_syntax(text, display)
    if problems:
        raise InvalidInputError(problems)
    try:
        return read_po(io.BytesIO(data), abort_invalid=True)
    except PoFileError as exc:
        raise InvalidInputError(
            Problem(str(exc).rsplit(" on ", 1)[0], Position(display, exc.lineno))
        ) from None
    except (ValueError, KeyError) as exc:
        raise InvalidInputError(Problem(f"cannot read catalog: {exc}", Position(display))) from None


def read_catalog(path: Path) -> Catalog:
    """Read a PO file (cached until it changes); raises a positioned error if broken."""
    stat = path.stat()
    return _read(path.resolve(), stat.st_mtime_ns, stat.st_size)


def catalog_paths(locale: LocaleInfo, domain: str, locale_dirs: Sequence[Path]) -> list[Path]:
    """The PO files for ``locale`` and ``domain``, most specific first."""
    found = []
    for name in locale.chain:
        for base in locale_dirs:
            path = base / name / "LC_MESSAGES" / f"{domain}.po"
            if path.is_file():
                found.append(path)
    return found


@functools.lru_cache(maxsize=64)
def _plural_fn(expr: str) -> PluralFn:
    return _gettext.c2py(expr)


@dataclass
class Messages:
    """The translations of one locale and domain, merged along the fallback chain."""

    locale: LocaleInfo
    entries: dict[Key, tuple[str | tuple[str, ...], PluralFn]] = field(default_factory=dict)
    #: Lookups that found no translation, for "missing translation" warnings.
    misses: set[Key] = field(default_factory=set)

    @classmethod
    def load(cls, locale: LocaleInfo, domain: str, locale_dirs: Sequence[Path]) -> Messages:
        messages = cls(locale)
        # General to specific, so that the more specific catalog wins.
        for path in reversed(catalog_paths(locale, domain, locale_dirs)):
            catalog = read_catalog(path)
            plural = _plural_fn(catalog.plural_expr)
            for message in catalog:
                if not message.id or message.fuzzy:
                    continue
                string = message.string
                if isinstance(string, (tuple, list)):
                    if not all(string):
                        continue
                    value: str | tuple[str, ...] = tuple(string)
                elif not string:
                    continue
                else:
                    value = string
                msgid = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
                messages.entries[(message.context, msgid)] = (value, plural)
        return messages

    def lookup(self, msgid: str, context: str | None = None) -> str | None:
        """The translation, or None (no miss is recorded: the caller decides)."""
        entry = self.entries.get((context, msgid))
        if entry is None:
            return None
        value, _ = entry
        return value if isinstance(value, str) else value[0]

    def gettext(self, msgid: str, context: str | None = None) -> str:
        entry = self.entries.get((context, msgid))
        if entry is None:
            self.misses.add((context, msgid))
            return msgid
        value, _ = entry
        return value if isinstance(value, str) else value[0]

    def ngettext(self, singular: str, plural: str, n: int, context: str | None = None) -> str:
        entry = self.entries.get((context, singular))
        if entry is None or isinstance(entry[0], str):
            self.misses.add((context, singular))
            return singular if n == 1 else plural
        forms, rule = entry
        index = rule(n)
        return forms[index] if index < len(forms) else forms[-1]

    def pgettext(self, context: str, msgid: str) -> str:
        return self.gettext(msgid, context)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.ngettext(singular, plural, n, context)
