"""Checks of catalogs, as translators' tools run them: syntax, plural forms,
placeholders, Chinese punctuation, whitespace, and ``msgfmt --check``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Message

from jdgen.errors import (
    InvalidInputError,
    Position,
    Problem,
    Problems,
    Severity,
    relpath,
)
from jdgen.foundation.locales import dir_to_tag, parse_locale
from jdgen.i18n import plurals
from jdgen.i18n.catalogs import (
    TEMPLATE_DOMAIN,
    decode_po,
    header_of,
    parse_entries,
    read_catalog,
)
from jdgen.i18n.placeholders import control_problem, format_problem, markup_problem
from jdgen.i18n.pofile import message_state
from jdgen.i18n.stale import stale_entries
from jdgen.project.config import Project

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
    template = path.stem == TEMPLATE_DOMAIN  # template strings: formatted, plain words
    for message in catalog:
        if not message.id or message_state(message) == "empty":
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
            elif template and (why := format_problem(ids, string)):
                problems.error(
                    f"{_entry(message)}: {why}",
                    where,
                    hint="rendering shows the source text until this is fixed",
                )
            why = markup_problem(ids, string) if template else control_problem(string)
            if why:
                problems.error(
                    f"{_entry(message)}: the translation is not used: {why}",
                    where,
                    hint="translations are plain text; write the words only",
                )
            if _space(source, string):
                problems.error(
                    f"{_entry(message)}: leading or trailing spaces differ from the source", where
                )
            if info.language == "zh":
                for m in _HALF_WIDTH_AFTER_CJK.finditer(string):
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
    files = catalog_files(project)
    for path in files:
        problems.extend(check_catalog(path, project.config.plural_forms))
        if use_msgfmt:
            problems.extend(msgfmt_check(path))
    problems.extend(stale_entries(project, files))
    return sorted(dict.fromkeys(problems), key=Problem.sort_key)
