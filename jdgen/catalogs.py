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


def _decode(data: bytes, display: str) -> str:
    """A catalog's text; PO files are UTF-8 (the charset every translator's tool writes)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInputError(
            Problem(
                "catalog is not valid UTF-8",
                Position(display),
                hint='save it as UTF-8 with "charset=UTF-8"',
            )
        ) from None


@functools.lru_cache(maxsize=512)
def _read(path: Path, mtime_ns: int, size: int) -> Catalog:
    display = relpath(path)
    data = path.read_bytes()
    text = _decode(data, display)
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


# -- the fast reader used when rendering ------------------------------------------------
#
# Rendering needs only the translations of a catalog. Babel's read_po builds a full
# Catalog (about 1.7 ms for a posting's catalog); a site of thousands of postings reads
# thousands of them. This reader takes the same file format, keeps what a lookup needs,
# and reports malformed lines with their position. The translators' tools
# (jdgen i18n ...) still use Babel, and a test pins both readers to the same results.

Translations = dict[Key, tuple[str | tuple[str, ...], PluralFn]]
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")
_PLURAL_FORMS = re.compile(r"plural\s*=\s*([^;\n]+)")


def _unquote(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def translations(path: Path) -> Translations:
    """The usable translations of a PO file (not fuzzy, not empty), cached until it changes."""
    stat = path.stat()
    return _translations(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=128)  # a chunk of roles' catalogs; the site's would not fit
def _translations(path: Path, mtime_ns: int, size: int) -> Translations:
    display = relpath(path)
    text = _decode(path.read_bytes(), display)
    entries: list[tuple[dict[str, str], bool]] = []
    fields: dict[str, str] = {}
    fuzzy = obsolete = has_msgstr = False
    current = ""
    problems = []

    def finish() -> None:
        nonlocal fields, fuzzy, obsolete, has_msgstr, current
        if fields and not obsolete:
            entries.append((fields, fuzzy))
        fields, fuzzy, obsolete, has_msgstr, current = {}, False, False, False, ""

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            if has_msgstr or (line.startswith("#") and obsolete and fields):
                finish()  # a blank line or a comment ends an entry
            if line.startswith("#~"):
                obsolete = True
            elif line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        m = _KEYWORD.match(line)
        if m:
            keyword, rest = m.group(1), m.group(2)
            if keyword in ("msgctxt", "msgid") and (has_msgstr or keyword in fields):
                finish()
            current = keyword
            has_msgstr = has_msgstr or keyword.startswith("msgstr")
        elif line.startswith('"') and current:
            rest = line
        else:
            problems.append(
                Problem(
                    f'unexpected "{line.split()[0]}"',
                    Position(display, number, 1),
                    hint="expected msgctxt, msgid, msgstr or a quoted string",
                )
            )
            continue
        if not _QUOTED.fullmatch(rest):
            problems.append(
                Problem(
                    "unterminated or malformed string",
                    Position(display, number, raw.index(rest) + 1),
                    hint='a string is one line in double quotes; escape inner quotes as \\"',
                )
            )
            continue
        fields[current] = fields.get(current, "") + _unquote(rest.strip())
    finish()
    if problems:
        raise InvalidInputError(problems)

    plural: PluralFn = _plural_fn("(n != 1)")
    for entry, _ in entries:
        if not entry.get("msgid") and (m := _PLURAL_FORMS.search(entry.get("msgstr", ""))):
            plural = _plural_fn(m.group(1).strip())
    out: Translations = {}
    for entry, is_fuzzy in entries:
        msgid = entry.get("msgid", "")
        if not msgid or is_fuzzy:
            continue
        if "msgid_plural" in entry:
            forms: list[str] = []
            while f"msgstr[{len(forms)}]" in entry:
                forms.append(entry[f"msgstr[{len(forms)}]"])
            if forms and all(forms):
                out[(entry.get("msgctxt"), msgid)] = (tuple(forms), plural)
        elif entry.get("msgstr"):
            out[(entry.get("msgctxt"), msgid)] = (entry["msgstr"], plural)
    return out


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
            messages.entries.update(translations(path))
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
