"""Catalog upkeep for translators: extract, update, status, check and init.

Catalogs use the standard gettext layout, ``locales/<locale>/LC_MESSAGES/<domain>.po``,
with each domain's template at ``locales/<domain>.pot``. There are two kinds of domain:

- ``jdgen``: the templates' own words (headings, labels, formats), written in English;
- ``role-<id>``: one per role file, in the language the role is written in. A posting
  and its translations then move together, a translator can take one posting at a time,
  and a large careers site does not funnel every change through one huge file.

Every role text is a message whose context is ``<role id>:<field path>``, with the YAML
comment above it (if any) as a comment for translators.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS
from babel.messages.extract import extract as babel_extract
from babel.messages.pofile import unescape, write_po

from jdgen.errors import (
    InvalidInputError,
    JdgenError,
    Position,
    Problem,
    Problems,
    Severity,
    relpath,
)
from jdgen.foundation.locales import dir_to_tag, parse_locale, same_locale
from jdgen.foundation.write import write_atomic
from jdgen.i18n import plurals
from jdgen.i18n.catalogs import (
    TEMPLATE_DOMAIN,
    catalog_paths,
    decode_po,
    header_of,
    parse_entries,
    read_catalog,
    role_domain,
)
from jdgen.i18n.localize import TEMPLATE_SOURCE_LANGUAGE
from jdgen.project.config import Project
from jdgen.project.resolve import RoleIndex

#: A marker for strings in Python code: ``N_(context, message)`` is extracted, not translated.
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": ((1, "c"), 2)}
# Headers that would change on every run, or only hold Babel's placeholders.
# PO-Revision-Date is kept: it is the translator's tool's to set.
_VOLATILE_HEADERS = ("POT-Creation-Date", "Generated-By", "Report-Msgid-Bugs-To")
_FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


@dataclass
class Pot:
    """A domain's message template and the language its messages are written in."""

    domain: str
    catalog: Catalog
    source_language: str

    @property
    def file_name(self) -> str:
        return f"{self.domain}.pot"


@dataclass(frozen=True)
class Change:
    """What ``update`` or ``init`` did to one file."""

    path: str
    action: str  # "created", "updated", "unchanged"
    added: int = 0
    removed: int = 0

    def __str__(self) -> str:
        if self.action == "updated":
            return f"updated {self.path} +{self.added} -{self.removed}"
        return f"{self.action} {self.path}"


@dataclass(frozen=True)
class Status:
    """How far one locale's translation of one domain is."""

    domain: str
    locale: str
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 if not self.total else round(100 * self.translated / self.total, 1)


# -- extraction -------------------------------------------------------------------------


def _new_catalog(domain: str, locale: str | None = None) -> Catalog:
    return Catalog(
        locale=locale,
        domain=domain,
        project=domain,
        charset="utf-8",
        creation_date=_FIXED_DATE,
        revision_date=_FIXED_DATE,
        fuzzy=False,
        last_translator="jdgen translators",
        language_team=f"{locale} translators" if locale else "",
    )


def _yaml_comments(lines: list[str], line: int) -> list[str]:
    """The comment lines directly above a value, and a comment at the end of its line."""
    comments: list[str] = []
    i = line - 2
    while i >= 0 and lines[i].strip().startswith("#"):
        comments.insert(0, lines[i].strip().lstrip("#").strip())
        i -= 1
    own = lines[line - 1] if 0 < line <= len(lines) else ""
    if "'" not in own and '"' not in own and " #" in own:
        comments.append(own.split(" #", 1)[1].strip())
    return [c for c in comments if c]


def _templates_owned(project: Project) -> list[Path]:
    base = project.root / project.config.templates_dir
    return sorted(p for p in base.rglob("*.j2") if p.is_file()) if base.is_dir() else []


def _python_sources(project: Project) -> list[Path]:
    """jdgen's own Python strings, when the project is jdgen's repository itself."""
    package = project.root / "jdgen"
    if (package / "i18n" / "localize.py").is_file() and (package / "__init__.py").is_file():
        return sorted(package.rglob("*.py"))
    return []


def extract_templates(project: Project) -> Pot | None:
    """The ``jdgen`` domain: strings in the project's own templates (and jdgen's code)."""
    from jinja2.ext import babel_extract as jinja_extract

    templates = _templates_owned(project)
    sources = _python_sources(project)
    if not templates and not sources:
        return None
    catalog = _new_catalog(TEMPLATE_DOMAIN)
    problems = Problems()
    jinja_options = {"silent": "false", "extensions": "jinja2.ext.i18n"}
    methods: list[tuple[Path, Any, dict[str, str]]] = [
        *((p, jinja_extract, jinja_options) for p in templates),
        *((p, "python", {}) for p in sources),
    ]
    for path, method, options in methods:
        shown = relpath(path)
        try:
            with path.open("rb") as handle:
                for lineno, message, comments, context in babel_extract(
                    method,
                    handle,
                    keywords=KEYWORDS,
                    comment_tags=("Translators:",),
                    options=options,
                    strip_comment_tags=True,
                ):
                    msgid = message if isinstance(message, str) else tuple(message)
                    catalog.add(
                        msgid, None, [(shown, lineno)], auto_comments=comments, context=context
                    )
        except Exception as exc:  # a template syntax error, reported not swallowed
            line = getattr(exc, "lineno", 0) or 0
            problems.error(f"cannot extract messages: {exc}", Position(shown, line))
    problems.raise_errors()
    return Pot(TEMPLATE_DOMAIN, catalog, TEMPLATE_SOURCE_LANGUAGE)


def extract_roles(project: Project) -> list[Pot]:
    """One ``role-<id>`` domain per role file, each text with its context and comments."""
    index = RoleIndex.of(project)
    pots: list[Pot] = []
    problems = Problems()
    for role_id, path in sorted(index.files.items()):
        texts, found = index.own_texts(path)
        problems.extend(found)
        if not texts:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        catalog = _new_catalog(role_domain(role_id))
        for field_path, (text, pos) in texts.items():
            catalog.add(
                text,
                None,
                [(pos.path, pos.line)],
                auto_comments=_yaml_comments(lines, pos.line),
                context=f"{role_id}:{field_path}",
            )
        pots.append(Pot(role_domain(role_id), catalog, index.language_of(path)))
    problems.raise_errors()
    return pots


def extract(project: Project) -> list[Pot]:
    """Every domain's template, built in memory. Raises with every extraction error."""
    problems = Problems()
    pots: list[Pot] = []
    try:
        template_pot = extract_templates(project)
        if template_pot is not None:
            pots.append(template_pot)
    except JdgenError as exc:
        problems.extend(exc.problems)
    try:
        pots.extend(extract_roles(project))
    except JdgenError as exc:
        problems.extend(exc.problems)
    problems.raise_errors()
    return pots


# -- writing ----------------------------------------------------------------------------


_FIXED_REVISION = '"PO-Revision-Date: 2000-01-01 00:00+0000\\n"'


def _header_line(
    line: str, domain: str, revision: str | None, plural_forms: str | None
) -> str | None:
    """A header line as jdgen writes it: nothing that depends on when or where it ran."""
    key = line[1:].split(":", 1)[0]
    if key in _VOLATILE_HEADERS:
        return None
    if key == "Plural-Forms" and plural_forms is not None:
        return f'"Plural-Forms: {plural_forms}\\n"'  # the catalog's own, as written
    if key == "Project-Id-Version":
        return f'"Project-Id-Version: {domain}\\n"'
    if key == "PO-Revision-Date":
        return revision or _FIXED_REVISION
    if key == "Last-Translator" and "EMAIL@ADDRESS" in line:
        return '"Last-Translator: jdgen translators\\n"'
    if key == "Language-Team" and "<LL@li.org>" in line:
        return line.replace("<LL@li.org>", "translators")
    return line


def render_po(
    catalog: Catalog,
    header: str = "",
    revision: str | None = None,
    domain: str | None = None,
    plural_forms: str | None = None,
) -> str:
    """A catalog as PO text, byte-identical for the same content, whenever it runs.

    ``revision`` is the ``PO-Revision-Date`` line to keep (the one a translator's tool
    wrote); without it a fixed date is written. ``plural_forms`` is the catalog's own
    ``Plural-Forms`` value, written back exactly as it was.
    """
    buffer = io.BytesIO()
    write_po(
        buffer, catalog, width=79, include_previous=True, sort_output=False, ignore_obsolete=False
    )
    lines = buffer.getvalue().decode("utf-8").splitlines()
    # Babel's own header comment names "PROJECT"; ours says what the file is.
    while lines and (not lines[0] or (lines[0].startswith("#") and not lines[0].startswith("#,"))):
        lines.pop(0)
    end = lines.index("") if "" in lines else len(lines)
    head = [
        h
        for h in (
            _header_line(ln, domain or str(catalog.domain), revision, plural_forms)
            if ln.startswith('"')
            else ln
            for ln in lines[:end]
        )
        if h is not None
    ]
    if plural_forms is not None and not any(h.startswith('"Plural-Forms:') for h in head):
        # Babel before 2.19 writes no Plural-Forms for a catalog that names no language.
        head.append(f'"Plural-Forms: {plural_forms}\\n"')
    comment = "".join(f"# {c}\n" if c else "#\n" for c in header.splitlines())
    return comment + "\n".join(head + lines[end:]) + "\n"


def _revision(path: Path) -> str | None:
    """The PO-Revision-Date line of an existing catalog, if it has one."""
    if not path.is_file():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith('"PO-Revision-Date:'):
            return line
        if line.startswith("msgctxt") or (line.startswith("msgid") and '""' not in line):
            break
    return None


def _write_if_changed(path: Path, text: str) -> str:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return "unchanged"
    existed = path.is_file()
    write_atomic(path, text)
    return "updated" if existed else "created"


def _pot_header(pot: Pot) -> str:
    return (
        f"Messages of the {pot.domain} domain, written in {pot.source_language}.\n"
        "Generated by `jdgen i18n extract`; do not edit. Translations go in\n"
        f"locales/<locale>/LC_MESSAGES/{pot.domain}.po (see docs/translating.md)."
    )


def _po_header(pot: Pot, locale: str) -> str:
    return (
        f"{locale} translation of the {pot.domain} domain "
        f"(source language: {pot.source_language}).\n"
        "Edit it in Poedit, Weblate or a text editor; see docs/translating.md.\n"
        "An empty or fuzzy entry is not used: the parent locale's, or the source, is shown."
    )


def locale_dir(tag: str) -> str:
    """The directory name of a locale: ``es-AR`` → ``es_AR``."""
    return tag.replace("-", "_")


def write_pots(project: Project, pots: Sequence[Pot]) -> list[Change]:
    base = project.root / project.config.locales_dir
    changes = []
    for pot in pots:
        path = base / pot.file_name
        changes.append(
            Change(relpath(path), _write_if_changed(path, render_po(pot.catalog, _pot_header(pot))))
        )
    return changes


def _existing(project: Project, domain: str) -> list[str]:
    base = project.root / project.config.locales_dir
    if not base.is_dir():
        return []
    return sorted(p.parent.parent.name for p in base.glob(f"*/LC_MESSAGES/{domain}.po"))


def targets(project: Project, pot: Pot) -> list[str]:
    """The locale directories a domain is translated into: every configured locale other
    than the source's own, and every catalog that already exists. A role written in es-AR
    gets an es catalog too: there a translator words the voseo in neutral Spanish (what is
    left empty shows the source, which is Spanish too)."""
    wanted = [
        locale_dir(t) for t in project.config.locales if not same_locale(t, pot.source_language)
    ]
    return list(dict.fromkeys(wanted + _existing(project, pot.domain)))


def _msgid(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _use_plural_forms(catalog: Catalog, value: str) -> None:
    """Make Babel write plural entries with the forms ``value`` declares (Babel's own
    table depends on its version: es has 2 forms before 2.19 and 3 after)."""
    catalog.mime_headers = [
        *((k, v) for k, v in catalog.mime_headers if k.lower() != "plural-forms"),
        ("Plural-Forms", value),
    ]


def plural_forms_of(path: Path, locale: Locale, style: str) -> str:
    """The Plural-Forms a catalog is written with: its own header, as it is, if it has
    one; else the default of ``style`` for its locale."""
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        header, _ = header_of(parse_entries(text, relpath(path)))
        if "Plural-Forms" in header:
            return header["Plural-Forms"]
    return plurals.default_forms(locale, style).header


def _merge(pot: Pot, path: Path, tag: str, forms: str) -> tuple[Catalog, int, int]:
    """The catalog at ``path`` (or a new one) brought up to date with ``pot``, and how many
    texts were added and removed. A text whose source changed is neither: it is kept,
    marked fuzzy, with its previous source for the translator to compare."""
    if not path.is_file():
        catalog = _new_catalog(pot.domain, str(parse_locale(tag).babel))
        _use_plural_forms(catalog, forms)
        catalog.update(pot.catalog, no_fuzzy_matching=True)
        return catalog, len([m for m in catalog if m.id]), 0
    catalog = _copy(read_catalog(path))
    with contextlib.suppress(plurals.PluralFormsError):
        plurals.parse(forms)  # a broken header is kept as it is, and reported by check
        _use_plural_forms(catalog, forms)
    _restore_previous(catalog)
    before = {(_msgid(m), m.context) for m in catalog if m.id}
    # Babel rebuilds exactly matched messages from the template, losing the previous
    # source of those still waiting for review: carry it over.
    pending = {(_msgid(m), m.context): m.previous_id for m in catalog if m.id and m.previous_id}
    catalog.update(pot.catalog, no_fuzzy_matching=False, update_header_comment=False)
    for message in catalog:
        entry = (_msgid(message), message.context) if message.id else None
        if entry in pending and message.fuzzy and not message.previous_id:
            message.previous_id = pending[entry]
    after = {(_msgid(m), m.context) for m in catalog if m.id}
    changed = {(m.previous_id[0], m.context) for m in catalog if m.id and m.previous_id}
    changed_now = {(_msgid(m), m.context) for m in catalog if m.id and m.previous_id}
    # An obsolete entry is worth keeping only if it holds a translation someone may reuse.
    for key, message in list(catalog.obsolete.items()):
        if _state(message) == "empty":
            del catalog.obsolete[key]
    added = len(after - before - changed_now)
    removed = len(before - after - changed)
    return catalog, added, removed


def _restore_previous(catalog: Catalog) -> None:
    """Give back the ``#|`` previous source that Babel's read_po files under translator
    comments (python-babel/babel#206), so that a second update keeps it intact."""
    for message in (*catalog, *catalog.obsolete.values()):
        kept, previous, current = [], [], None
        for comment in message.user_comments:
            if not comment.startswith("| "):
                kept.append(comment)
                continue
            line = comment[2:].strip()
            for keyword in ("msgid_plural ", "msgid ", "msgctxt "):
                if line.startswith(keyword):
                    current = keyword.strip()
                    line = line[len(keyword) :]
                    if current != "msgctxt":
                        previous.append("")
            if current != "msgctxt" and previous and line.startswith('"'):
                previous[-1] += unescape(line)
        message.user_comments = kept
        message.previous_id = previous if message.fuzzy else []


def _copy(catalog: Catalog) -> Catalog:
    """A modifiable copy (read_catalog's result is cached and shared)."""
    text = render_po(catalog)
    from babel.messages.pofile import read_po

    return read_po(io.BytesIO(text.encode("utf-8")))


def update(project: Project, locales: Iterable[str] = ()) -> list[Change]:
    """Extract, write the templates, and merge them into every target catalog.

    A changed source text makes its translation fuzzy (the previous source is kept for
    the translator to compare); a removed one becomes obsolete (``#~``).
    """
    pots = extract(project)
    changes = write_pots(project, pots)
    only = {locale_dir(parse_locale(t).tag) for t in locales}
    base = project.root / project.config.locales_dir
    for pot in pots:
        for name in targets(project, pot):
            if only and name not in only:
                continue
            path = base / name / "LC_MESSAGES" / f"{pot.domain}.po"
            forms = plural_forms_of(path, parse_locale(name).babel, project.config.plural_forms)
            catalog, added, removed = _merge(pot, path, name, forms)
            text = render_po(catalog, _po_header(pot, name), _revision(path), pot.domain, forms)
            action = _write_if_changed(path, text)
            changes.append(Change(relpath(path), action, added, removed))
    return changes


def init(project: Project, tag: str) -> list[Change]:
    """Start catalogs for a new locale, e.g. a regional variant: every message, none
    translated, so that everything falls back to the parent until someone overrides it."""
    info = parse_locale(tag)
    pots = extract(project)
    write_pots(project, pots)
    base = project.root / project.config.locales_dir
    changes = []
    for pot in pots:
        if same_locale(info.tag, pot.source_language):
            continue  # a role's own language needs no catalog (the rule targets() follows)
        path = base / locale_dir(info.tag) / "LC_MESSAGES" / f"{pot.domain}.po"
        if path.exists():
            changes.append(Change(relpath(path), "unchanged"))
            continue
        forms = plurals.default_forms(info.babel, project.config.plural_forms).header
        catalog, _, _ = _merge(pot, path, locale_dir(info.tag), forms)
        header = _po_header(pot, locale_dir(info.tag))
        write_atomic(path, render_po(catalog, header, None, pot.domain, forms))
        changes.append(Change(relpath(path), "created"))
    return changes


# -- status -----------------------------------------------------------------------------


def _state(message: Message) -> str:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    if not all(strings):
        return "empty"
    return "fuzzy" if message.fuzzy else "translated"


def status(project: Project) -> list[Status]:
    """Per domain and locale: what a reader of that locale sees translated.

    A message counts as translated when any catalog along the locale's fallback chain
    translates it, so a regional catalog that holds only its differences is complete.
    """
    rows: list[Status] = []
    for pot in extract(project):
        source = parse_locale(pot.source_language).language
        for name in targets(project, pot):
            info = parse_locale(name)
            chain = [read_catalog(p) for p in catalog_paths(info, pot.domain, project.locale_dirs)]
            counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
            for message in pot.catalog:
                if not message.id:
                    continue
                state = "untranslated"
                for catalog in chain:
                    found = catalog.get(message.id, message.context)
                    current = _state(found) if found is not None else "empty"
                    if current != "empty":
                        state = current
                        break
                if state == "untranslated" and info.language == source:
                    state = "translated"  # the source text is right in its own language
                counts[state] += 1
            rows.append(Status(pot.domain, info.tag, **counts))
    return rows


# -- checks -----------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")
_HALF_WIDTH_AFTER_CJK = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])([,;:!?])")


def placeholders(text: str) -> list[str]:
    return sorted(m.group(0) for m in _PLACEHOLDER.finditer(text))


def _entry(message: Message) -> str:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return _describe(message.context, msgid)


def _describe(context: str | None, msgid: str) -> str:
    ctx = f'msgctxt "{context}" ' if context else ""
    shown = msgid if len(msgid) <= 50 else msgid[:47] + "..."
    return f'{ctx}msgid "{shown}"'


def check_plural_forms(path: Path, text: str, locale: Locale, style: str) -> list[Problem]:
    """The catalog's Plural-Forms header and plural entries, judged by the header itself:
    it must parse and be self-consistent (:mod:`jdgen.plurals`), and every plural entry
    must have as many forms as it declares."""
    shown = relpath(path)
    entries = parse_entries(text, shown)
    header, header_line = header_of(entries)
    value = header.get("Plural-Forms")
    problems = Problems()
    if value is None:
        suggestion = plurals.default_forms(locale, style)
        problems.error(
            "the catalog has no Plural-Forms header",
            Position(shown, header_line or 1),
            hint=f'add the header line "Plural-Forms: {suggestion.header}\\n"',
        )
        return problems.items
    lines = enumerate(text.splitlines(), 1)
    line = next((n for n, ln in lines if ln.lstrip().startswith('"Plural-Forms:')), header_line)
    try:
        forms = plurals.parse(value)
    except plurals.PluralFormsError as exc:
        problems.error(
            f"Plural-Forms: {exc}",
            Position(shown, line),
            hint=f'for {locale.language}, e.g. "{plurals.default_forms(locale, style).header}"',
        )
        return problems.items
    for message in plurals.consistency(forms, locale):
        problems.error(
            f"Plural-Forms: {message}",
            Position(shown, line),
            hint=f'for {locale.language}, e.g. "{plurals.default_forms(locale, style).header}"',
        )
    for entry in entries:
        if "msgid_plural" in entry.fields and len(entry.forms) != forms.count:
            problems.error(
                f"{_describe(entry.fields.get('msgctxt'), entry.fields['msgid'])}: "
                f"{len(entry.forms)} plural form(s), but the header declares {forms.count}",
                Position(shown, entry.line),
                hint="give one msgstr[N] for each form, from msgstr[0]",
            )
    return problems.items


def check_catalog(path: Path, style: str = "gettext") -> list[Problem]:
    """Every problem of one PO file: syntax, locale, plurals, placeholders, punctuation,
    whitespace."""
    shown = relpath(path)
    locale_name = path.parent.parent.name
    problems = Problems()
    tag = dir_to_tag(locale_name)
    if tag is None:
        problems.error(
            f'the catalog is for "{locale_name}", which is not a locale',
            Position(shown),
            hint="name the folder like es, es_AR or zh_CN",
        )
        return problems.items
    info = parse_locale(tag)
    try:
        text = decode_po(path.read_bytes(), shown)
        problems.extend(check_plural_forms(path, text, info.babel, style))
        catalog = read_catalog(path)
    except InvalidInputError as exc:
        # Babel cannot read a catalog whose header is broken; the problem above says why.
        return problems.items or exc.problems
    for message in catalog:
        if not message.id or _state(message) == "empty":
            continue
        where = Position(shown, message.lineno or 0)
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = (
            [message.string] if isinstance(message.string, str) else list(message.string or ())
        )
        allowed = [placeholders(x) for x in ids]  # a plural form may follow either source
        for i, string in enumerate(strings):
            source = ids[min(i, len(ids) - 1)]
            if placeholders(string) not in allowed:
                problems.error(
                    f"{_entry(message)}: the placeholders differ: the source has "
                    f"{', '.join(allowed[-1]) or 'none'}, the translation "
                    f"{', '.join(placeholders(string)) or 'none'}",
                    where,
                    hint="keep every {name} and %(name)s exactly as in the source",
                )
            if _space(source, string):
                problems.error(
                    f"{_entry(message)}: leading or trailing spaces differ from the source", where
                )
            if info.language == "zh":
                m = _HALF_WIDTH_AFTER_CJK.search(string)
                if m:
                    wide = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}[m.group(2)]
                    problems.error(
                        f'{_entry(message)}: half-width "{m.group(2)}" in Chinese text',
                        where,
                        hint=f'use the full-width "{wide}"',
                    )
    return problems.items


def _space(source: str, string: str) -> bool:
    return (
        source[:1].isspace() != string[:1].isspace()
        or source[-1:].isspace() != string[-1:].isspace()
    )


def msgfmt_check(path: Path) -> list[Problem]:
    """``msgfmt --check``, as translators' tools and CI run it, if gettext is installed."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return [
            Problem(
                "msgfmt is not installed, so `msgfmt --check` was skipped",
                Position(relpath(path)),
                severity=Severity.WARNING,
                hint="install gettext (apt-get install gettext)",
            )
        ]
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        return []
    problems = []
    for line in result.stderr.splitlines():
        m = re.match(r"(.+?):(\d+): (.*)", line)
        if m and not m.group(3).startswith("found "):
            problems.append(
                Problem(f"msgfmt: {m.group(3)}", Position(relpath(path), int(m.group(2))))
            )
    return problems or [
        Problem(f"msgfmt --check failed: {result.stderr.strip()}", Position(relpath(path)))
    ]


def catalog_files(project: Project) -> list[Path]:
    base = project.root / project.config.locales_dir
    return sorted(base.glob("*/LC_MESSAGES/*.po")) if base.is_dir() else []


def check(project: Project, use_msgfmt: bool = True) -> list[Problem]:
    """Every problem of every catalog of the project, and stale templates."""
    problems: list[Problem] = []
    for path in catalog_files(project):
        problems.extend(check_catalog(path, project.config.plural_forms))
        if use_msgfmt:
            problems.extend(msgfmt_check(path))
    return sorted(dict.fromkeys(problems), key=Problem.sort_key)
