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
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jdgen.errors import InvalidInputError, Position, Problem, Severity, relpath
from jdgen.foundation.locales import LocaleInfo
from jdgen.i18n import plurals
from jdgen.i18n.plurals import PluralForms

if TYPE_CHECKING:  # Babel's catalog is for the translators' tools; rendering never needs it
    from babel.messages.catalog import Catalog

#: The domain of the built-in templates' own strings (headings, labels, patterns).
TEMPLATE_DOMAIN = "jdgen"
#: Each role has a domain of its own: ``role-<id>``. See docs/translating.md for why.
ROLE_DOMAIN_PREFIX = "role-"


def role_domain(role_id: str) -> str:
    return ROLE_DOMAIN_PREFIX + role_id


Key = tuple[str | None, str]  # (msgctxt, msgid)
#: How a draft of ``jdgen i18n init --from`` is noted (jdgen.i18n.drafts.DRAFT_NOTE).
DRAFT_COMMENT = "# draft from "

_KEYWORD = re.compile(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*)$')
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"\s*$')


def check_po_syntax(text: str, display: str) -> list[Problem]:
    """Problems that Babel's lenient parser would let through (unterminated strings...)."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
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


def decode_po(data: bytes, display: str) -> str:
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
    from babel.messages.pofile import PoFileError, read_po

    display = relpath(path)
    data = path.read_bytes()
    text = decode_po(data, display)
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


def catalog_dir(locale: LocaleInfo, locale_dirs: Sequence[Path]) -> str:
    """The directory a locale's translations go in: the most specific one of its chain
    that exists (``zh_TW`` after ``jdgen i18n init zh-TW``), else the most general one
    that only it uses (``zh_Hant``)."""
    for name in locale.chain:
        if any((base / name).is_dir() for base in locale_dirs):
            return name
    return locale.chain[-1]


# -- the fast reader used when rendering ------------------------------------------------
#
# Rendering needs only the translations of a catalog. Babel's read_po builds a full
# Catalog (about 1.7 ms for a posting's catalog); a site of thousands of postings reads
# thousands of them. This reader takes the same file format, keeps what a lookup needs,
# and reports malformed lines with their position. The translators' tools
# (jdgen i18n ...) still use Babel, and a test pins both readers to the same results.

Translations = dict[Key, tuple[str | tuple[str, ...], PluralForms | None]]
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")


def _unquote(text: str) -> str:
    if "\\" not in text:
        return text[1:-1]
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


@dataclass(frozen=True)
class Entry:
    """One entry of a PO file as written: its fields, whether it is fuzzy, its line."""

    fields: dict[str, str]
    fuzzy: bool
    line: int
    #: Whether it is a draft of a new locale (``i18n init --from`` notes it "# draft
    #: from ..."): not one fuzzy because its source changed, or offered by the memory.
    draft: bool = False

    @property
    def forms(self) -> list[str]:
        """The msgstr[N] of a plural entry, in order, as many as the file has."""
        out: list[str] = []
        while f"msgstr[{len(out)}]" in self.fields:
            out.append(self.fields[f"msgstr[{len(out)}]"])
        return out


@dataclass(frozen=True)
class PoFile:
    """What rendering needs of a PO file: its usable translations, its header, and why
    some entries were left unused (a broken Plural-Forms header, a wrong count of forms)."""

    entries: Translations
    header: dict[str, str]
    header_line: int
    warnings: tuple[Problem, ...] = ()
    #: Where each usable entry is written, for messages about it.
    positions: dict[Key, Position] = field(default_factory=dict)
    #: Drafts (fuzzy, no previous source: ``i18n init --from``), never used as
    #: translations; a page may show one, marked, instead of another script's text.
    drafts: dict[Key, str] = field(default_factory=dict)


def parse_entries(text: str, display: str) -> list[Entry]:
    """Every live (not obsolete) entry of a PO file; raises with every malformed line."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    fuzzy = obsolete = has_msgstr = draft = False
    current = ""
    start = 0
    problems = []

    def finish() -> None:
        nonlocal fields, fuzzy, obsolete, has_msgstr, current, draft
        if fields and not obsolete:
            entries.append(Entry(fields, fuzzy, start, draft))
        fields, fuzzy, obsolete, has_msgstr, current = {}, False, False, False, ""
        draft = False

    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            if has_msgstr or (line.startswith("#") and obsolete and fields):
                finish()  # a blank line or a comment ends an entry
            if line.startswith("#~"):
                obsolete = True
            elif line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith(DRAFT_COMMENT):
                draft = True
            continue
        m = _KEYWORD.match(line)
        if m:
            keyword, rest = m.group(1), m.group(2)
            if keyword in ("msgctxt", "msgid") and (has_msgstr or keyword in fields):
                finish()
            if not fields:
                start = number
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
    return entries


def header_of(entries: Sequence[Entry]) -> tuple[dict[str, str], int]:
    """The header fields (``Plural-Forms`` → its value) and the header's line (0: none)."""
    for entry in entries:
        if entry.fields.get("msgid") == "" and "msgctxt" not in entry.fields:
            fields = {}
            for line in entry.fields.get("msgstr", "").split("\n"):
                key, sep, value = line.partition(":")
                if sep:
                    fields[key.strip()] = value.strip()
            return fields, entry.line
    return {}, 0


def read_po_file(path: Path) -> PoFile:
    """The usable translations of a PO file (not fuzzy, not empty), cached until it changes."""
    stat = path.stat()
    return _read_po_file(path.resolve(), stat.st_mtime_ns, stat.st_size)


def translations(path: Path) -> Translations:
    """The usable translations of a PO file: ``(context, msgid)`` → string or forms."""
    return read_po_file(path).entries


@functools.lru_cache(maxsize=128)  # a chunk of roles' catalogs; the site's would not fit
def _read_po_file(path: Path, mtime_ns: int, size: int) -> PoFile:
    display = relpath(path)
    entries = parse_entries(decode_po(path.read_bytes(), display), display)
    header, header_line = header_of(entries)
    warnings: list[Problem] = []
    forms: PluralForms | None = None
    value = header.get("Plural-Forms")
    if value is None:
        reason = "it has no Plural-Forms header"
    else:
        try:
            forms = plurals.parse(value)
            reason = plurals.out_of_range(forms)
        except plurals.PluralFormsError as exc:
            reason = str(exc)
        if reason:
            forms = None
    out: Translations = {}
    positions: dict[Key, Position] = {}
    drafts: dict[Key, str] = {}
    for entry in entries:
        fields = entry.fields
        msgid = fields.get("msgid", "")
        if entry.fuzzy and entry.draft and fields.get("msgstr") and msgid:
            drafts[fields.get("msgctxt"), msgid] = fields["msgstr"]
        if not msgid or entry.fuzzy:
            continue
        key = (fields.get("msgctxt"), msgid)
        positions[key] = Position(display, entry.line)
        if "msgid_plural" not in fields:
            if fields.get("msgstr"):
                out[key] = (fields["msgstr"], forms)
            continue
        strings = entry.forms
        if not (strings and all(strings)):
            continue  # not translated yet
        if forms is not None and len(strings) == forms.count:
            out[key] = (tuple(strings), forms)
            continue
        why = (
            reason
            if forms is None
            else f"it has {len(strings)} form(s) and the header declares {forms.count}"
        )
        warnings.append(
            Problem(
                f'the plural entry "{msgid}" is not used, because {why}; the source text is shown',
                Position(display, entry.line),
                severity=Severity.WARNING,
                hint="run `jdgen i18n check` for the fix",
            )
        )
    return PoFile(out, header, header_line, tuple(warnings), positions, drafts)
