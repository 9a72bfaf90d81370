"""PO files as jdgen writes them: byte-identical for the same content whenever they are
written, laid out as GNU gettext lays them out (jdgen/i18n/powrap.py), with the headers a
translator's tool set (PO-Revision-Date, Plural-Forms, X-Generator...) kept.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import escape, read_po, unescape, write_po

from jdgen.errors import (
    relpath,
)
from jdgen.foundation.write import write_atomic
from jdgen.i18n import plurals
from jdgen.i18n.catalogs import (
    header_of,
    parse_entries,
)
from jdgen.i18n.powrap import layout

# Headers that would change on every run, or only hold Babel's placeholders.
# PO-Revision-Date is kept: it is the translator's tool's to set.
_VOLATILE_HEADERS = ("POT-Creation-Date", "Generated-By", "Report-Msgid-Bugs-To")


_FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def new_catalog(domain: str, locale: str | None = None) -> Catalog:
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


# Header fields jdgen (through Babel) writes itself; any other a tool added (X-Generator,
# X-Poedit-*, X-Crowdin-*...) is kept as it is, like the translator's own team and name.
_OWN_HEADERS = frozenset(
    (
        "Project-Id-Version",
        "Report-Msgid-Bugs-To",
        "POT-Creation-Date",
        "PO-Revision-Date",
        "Language",
        "Plural-Forms",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Generated-By",
    )
)


def kept_headers(path: Path) -> dict[str, str]:
    """The header fields of an existing catalog that its translators' tools own."""
    if not path.is_file():
        return {}
    header, _ = header_of(parse_entries(path.read_text(encoding="utf-8"), relpath(path)))
    return {k: v for k, v in header.items() if k not in _OWN_HEADERS}


def render_po(
    catalog: Catalog,
    header: str = "",
    revision: str | None = None,
    domain: str | None = None,
    plural_forms: str | None = None,
    kept: dict[str, str] | None = None,
) -> str:
    """A catalog as PO text, byte-identical for the same content, whenever it runs.

    ``revision`` is the ``PO-Revision-Date`` line to keep (the one a translator's tool
    wrote); without it a fixed date is written. ``plural_forms`` is the catalog's own
    ``Plural-Forms`` value, written back exactly as it was.
    """
    buffer = io.BytesIO()
    # Babel writes no previous context (#| msgctxt): a stand-in goes through it in place
    # of the previous source, and is replaced by both below.
    stand_ins: dict[str, Message] = {}
    for message in (*catalog, *catalog.obsolete.values()):
        if previous_context(message) is not None and message.previous_id:
            token = f"@@jdgen-previous-{len(stand_ins)}@@"
            stand_ins[token] = message
            message.jdgen_previous_id = message.previous_id
            message.previous_id = [token]
    try:
        write_po(
            buffer,
            catalog,
            width=79,
            include_previous=True,
            sort_output=False,
            ignore_obsolete=False,
        )
    finally:
        for message in stand_ins.values():
            message.previous_id = message.jdgen_previous_id  # type: ignore[attr-defined]
    lines = _previous_lines(buffer.getvalue().decode("utf-8").splitlines(), stand_ins)
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
            for ln in _header_fields(lines[:end])
        )
        if h is not None
    ]
    if plural_forms is not None and not any(h.startswith('"Plural-Forms:') for h in head):
        # Babel before 2.19 writes no Plural-Forms for a catalog that names no language.
        head.append(f'"Plural-Forms: {plural_forms}\\n"')
    for key, value in (kept or {}).items():
        line = escape(f"{key}: {value}\n")
        at = next((i for i, h in enumerate(head) if h.startswith(f'"{key}:')), None)
        if at is not None:
            head[at] = line  # Last-Translator, Language-Team: the tool's
        else:
            head.append(line)
    comment = "".join(f"# {c}\n" if c else "#\n" for c in header.splitlines())
    # Laid out as GNU gettext does, so that msgcat, msgmerge and Poedit leave it as it is.
    return comment + layout("\n".join(head + lines[end:]).rstrip("\n")) + "\n"


def _header_fields(lines: list[str]) -> list[str]:
    """The header entry's lines with one quoted line per field: Babel wraps a field longer
    than the page (a long Plural-Forms or Last-Translator) over several lines, and a
    field replaced by its first line only would leave the rest behind, one more copy on
    every update. GNU's layout wraps them again when the text is written."""
    out: list[str] = []
    value: list[str] = []
    for line in lines:
        if line.startswith('"'):
            value.append(line)
        elif line.startswith('msgstr "') and line != 'msgstr ""':
            out.append('msgstr ""')
            value.append(line[len("msgstr ") :])
        else:
            out.append(line)
    text = "".join(unescape(v) for v in value)
    out.extend(escape(f"{field}\n") for field in text.split("\n") if field)
    return out


def header_comment(path: Path) -> str:
    """The comment a catalog starts with (what the file is), as ``render_po`` takes it."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#") or line.startswith(("#,", "#.", "#:", "#|", "#~")):
            break
        lines.append(line[2:] if line.startswith("# ") else "")
    return "\n".join(lines)


def revision_line(path: Path) -> str | None:
    """The PO-Revision-Date line of an existing catalog, if it has one."""
    if not path.is_file():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith('"PO-Revision-Date:'):
            return line
        if line.startswith("msgctxt") or (line.startswith("msgid") and '""' not in line):
            break
    return None


def write_if_changed(path: Path, text: str) -> str:
    """Write ``text`` unless the file already says the same: byte for byte, or entry for
    entry as another tool laid it out (Poedit, Weblate, msgcat), which is then left as
    the translator saved it."""
    if path.is_file():
        old = path.read_text(encoding="utf-8")
        if old == text or same_content(old, text):
            return "unchanged"
    existed = path.is_file()
    write_atomic(path, text)
    return "updated" if existed else "created"


def same_content(a: str, b: str) -> bool:
    """Whether two PO texts hold the same entries, comments, flags, previous sources,
    obsolete entries and header fields, however their lines are wrapped."""

    def content(text: str) -> object:
        try:
            catalog = read_po(io.StringIO(text), abort_invalid=True)
            header, _ = header_of(parse_entries(text, "-"))
        except Exception:
            return object()
        return (
            header,
            [_fields(m) for m in catalog],
            [_fields(m) for m in catalog.obsolete.values()],
        )

    return content(a) == content(b)


def _fields(message: Message) -> tuple[object, ...]:
    return (
        message.id,
        message.string,
        message.context,
        sorted(message.locations, key=str),
        sorted(message.flags),
        message.auto_comments,
        message.user_comments,
        message.previous_id,
    )


def locale_dir(tag: str) -> str:
    """The directory name of a locale: ``es-AR`` → ``es_AR``."""
    return tag.replace("-", "_")


def msgid_of(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def use_plural_forms(catalog: Catalog, value: str) -> None:
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


def previous_context(message: Message) -> str | None:
    """The context a fuzzy entry had before its text changed, where it differs."""
    return getattr(message, "jdgen_previous_context", None)


def set_previous_context(message: Message, context: str | None) -> None:
    message.jdgen_previous_context = context  # type: ignore[attr-defined]


def _previous_lines(lines: list[str], stand_ins: dict[str, Message]) -> list[str]:
    if not stand_ins:
        return lines
    out = []
    for line in lines:
        prefix, _, rest = line.partition('msgid "@@jdgen-previous-')
        token = "@@jdgen-previous-" + rest[:-1] if rest.endswith('"') else ""
        message = stand_ins.get(token)
        if message is None or not prefix.endswith("| "):
            out.append(line)
            continue
        ids = list(message.previous_id)
        out.append(f"{prefix}msgctxt {escape(previous_context(message) or '')}")
        out.append(f"{prefix}msgid {escape(ids[0])}")
        if len(ids) > 1:
            out.append(f"{prefix}msgid_plural {escape(ids[1])}")
    return out


def restore_previous(catalog: Catalog) -> None:
    """Give back the ``#|`` previous source that Babel's read_po files under translator
    comments (python-babel/babel#206), so that a second update keeps it intact."""
    for message in (*catalog, *catalog.obsolete.values()):
        kept, previous, current = [], [], None
        context: str | None = None
        for comment in message.user_comments:
            if not comment.startswith("| "):
                kept.append(comment)
                continue
            line = comment[2:].strip()
            for keyword in ("msgid_plural ", "msgid ", "msgctxt "):
                if line.startswith(keyword):
                    current = keyword.strip()
                    line = line[len(keyword) :]
                    if current == "msgctxt":
                        context = ""
                    else:
                        previous.append("")
            if not line.startswith('"'):
                continue
            if current == "msgctxt":
                context = (context or "") + unescape(line)
            elif previous:
                previous[-1] += unescape(line)
        message.user_comments = kept
        message.previous_id = previous if message.fuzzy else []
        set_previous_context(message, context if message.fuzzy else None)


def copy_catalog(catalog: Catalog) -> Catalog:
    """A modifiable copy (read_catalog's result is cached and shared)."""
    text = render_po(catalog)
    return read_po(io.BytesIO(text.encode("utf-8")))


def message_state(message: Message) -> str:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    if not all(strings):
        return "empty"
    return "fuzzy" if message.fuzzy else "translated"
