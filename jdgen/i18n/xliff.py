"""XLIFF 1.2 for CAT tools (Trados, memoQ, Phrase): a locale's catalogs out as one file,
and a translator's work back in.

Each catalog is a ``<file>`` (``original`` is its domain, with the source and target
languages); each entry a ``<trans-unit>`` whose ``resname`` is its msgctxt, also kept as
a ``x-po-msgctxt`` context, so no context is lost however a tool renumbers ids. Plural
entries are a ``<group restype="x-gettext-plurals">`` of one unit per form. A fuzzy entry
is ``state="needs-review-translation"``, an approved one ``state="translated"``
``approved="yes"``; notes carry the translators' notes. Import matches units to entries by
catalog, context and source text, and writes only what changed.

The XML is written and read with lxml; reading forbids entities and network access.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from lxml import etree

from jdgen.errors import InvalidInputError, Position, Problem, relpath
from jdgen.foundation.locales import parse_locale
from jdgen.i18n.catalogs import read_catalog
from jdgen.i18n.pofile import (
    copy_catalog,
    header_comment,
    kept_headers,
    locale_dir,
    msgid_of,
    plural_forms_of,
    render_po,
    restore_previous,
    revision_line,
    write_if_changed,
)
from jdgen.project.config import Project

NS = "urn:oasis:names:tc:xliff:document:1.2"
_X = f"{{{NS}}}"
FUZZY_STATES = frozenset(
    (
        "needs-review-translation",
        "needs-review-adaptation",
        "needs-review-l10n",
        "needs-translation",
    )
)


def _catalogs(project: Project, tag: str) -> list[Path]:
    base = project.root / project.config.locales_dir / locale_dir(parse_locale(tag).tag)
    return sorted((base / "LC_MESSAGES").glob("*.po"))


def _unit_id(domain: str, context: str | None, source: str, form: int | None = None) -> str:
    digest = hashlib.sha1(f"{domain}\x04{context or ''}\x04{source}".encode()).hexdigest()[:16]
    return f"{digest}" if form is None else f"{digest}[{form}]"


def export(project: Project, tag: str) -> tuple[bytes, int]:
    """The locale's catalogs as one XLIFF 1.2 document, and how many units it holds."""
    info = parse_locale(tag)
    root = etree.Element(f"{_X}xliff", nsmap={None: NS}, version="1.2")
    units = 0
    for path in _catalogs(project, info.tag):
        catalog = read_catalog(path)
        source = _source_language(path)
        file = etree.SubElement(
            root,
            f"{_X}file",
            original=path.stem,
            datatype="po",
            attrib={"source-language": source, "target-language": info.tag},
        )
        body = etree.SubElement(file, f"{_X}body")
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.id, str):
                string = message.string if isinstance(message.string, str) else ""
                _unit(body, path.stem, message, message.id, string, None)
            else:
                group = etree.SubElement(
                    body,
                    f"{_X}group",
                    restype="x-gettext-plurals",
                    id=_unit_id(path.stem, message.context, message.id[0]),
                )
                if message.context:
                    group.set("resname", message.context)
                strings = message.string if isinstance(message.string, (list, tuple)) else ()
                for form, text in enumerate(strings):
                    source_text = message.id[0] if form == 0 else message.id[1]
                    _unit(group, path.stem, message, source_text, text, form)
                    units += 1
                continue
            units += 1
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return bytes(data), units


def _unit(
    parent: etree._Element,
    domain: str,
    message: Message,
    source: str,
    target: str,
    form: int | None,
) -> None:
    unit = etree.SubElement(
        parent,
        f"{_X}trans-unit",
        id=_unit_id(domain, message.context, msgid_of(message), form),
    )
    if message.context:
        unit.set("resname", message.context)
    unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    etree.SubElement(unit, f"{_X}source").text = source
    if target:
        element = etree.SubElement(unit, f"{_X}target")
        element.text = target
        if message.fuzzy:
            element.set("state", "needs-review-translation")
        else:
            element.set("state", "translated")
            unit.set("approved", "yes")
    else:
        etree.SubElement(unit, f"{_X}target", state="new")
    if message.context:
        group = etree.SubElement(unit, f"{_X}context-group", name="po-entry", purpose="information")
        etree.SubElement(
            group, f"{_X}context", attrib={"context-type": "x-po-msgctxt"}
        ).text = message.context
    for note in message.auto_comments:
        etree.SubElement(unit, f"{_X}note", attrib={"from": "developer"}).text = note
    for note in message.user_comments:
        if not note.startswith("| "):
            etree.SubElement(unit, f"{_X}note", attrib={"from": "translator"}).text = note


def _source_language(path: Path) -> str:
    """The language a catalog translates from, as its header comment says."""
    found = re.search(r"\(source language: ([^)]+)\)", header_comment(path))
    return found.group(1).strip() if found else "en"


@dataclass(frozen=True)
class Imported:
    path: str
    action: str  # "updated", "unchanged"
    changed: int


def import_xliff(project: Project, data: bytes, display: str) -> list[Imported]:
    """Bring a translator's XLIFF back into the catalogs it was exported from."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        raise InvalidInputError(
            Problem(
                f"not well-formed XML: {exc.msg}",
                Position(display, line, column + 1),
                hint="export it again from your CAT tool as XLIFF 1.2",
            )
        ) from None
    if etree.QName(root).localname != "xliff":
        raise InvalidInputError(
            Problem("not an XLIFF document", Position(display, root.sourceline or 0))
        )
    pending: list[tuple[Path, str, int]] = []
    problems: list[Problem] = []
    for file in root.iter(f"{_X}file", "file"):
        pending.extend(_import_file(project, file, display, problems))
    if problems:  # nothing is written unless all of it can be
        raise InvalidInputError(problems)
    return [
        Imported(relpath(path), write_if_changed(path, text), changed)
        for path, text, changed in pending
    ]


def _import_file(
    project: Project, file: etree._Element, display: str, problems: list[Problem]
) -> list[tuple[Path, str, int]]:
    where = Position(display, file.sourceline or 0)
    target = file.get("target-language") or ""
    domain = file.get("original") or ""
    try:
        info = parse_locale(target)
    except ValueError:
        problems.append(Problem(f'target-language "{target}" is not a locale', where))
        return []
    path = (
        project.root
        / project.config.locales_dir
        / locale_dir(info.tag)
        / "LC_MESSAGES"
        / f"{domain}.po"
    )
    if "/" in domain or "\\" in domain or not path.is_file():
        problems.append(
            Problem(
                f'no {info.tag} catalog "{domain}" to import into',
                where,
                hint="import the file exported for this project (jdgen i18n xliff export)",
            )
        )
        return []
    catalog = copy_catalog(read_catalog(path))
    restore_previous(catalog)
    changed = 0
    for unit in file.iter(f"{_X}trans-unit", "trans-unit"):
        changed += _apply(catalog, unit, display, problems)
    forms = plural_forms_of(path, info.babel, project.config.plural_forms)
    comment = header_comment(path)
    text = render_po(catalog, comment, revision_line(path), domain, forms, kept_headers(path))
    return [(path, text, changed)]


def _text(element: etree._Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def _apply(catalog: Catalog, unit: etree._Element, display: str, problems: list[Problem]) -> int:
    context = unit.get("resname")
    for ctx in unit.iter(f"{_X}context", "context"):
        if ctx.get("context-type") == "x-po-msgctxt":
            context = _text(ctx)
    source = _text(unit.find(f"{_X}source"))
    target_element = unit.find(f"{_X}target")
    target = _text(target_element)
    group = unit.getparent()
    form = None
    if group is not None and group.get("restype") == "x-gettext-plurals":
        form = list(group.iter(f"{_X}trans-unit")).index(unit)
        context = group.get("resname", context)
    message = _find(catalog, source, context, form)
    if message is None:
        problems.append(
            Problem(
                f'no entry with the text "{source[:60]}"'
                + (f" (context {context})" if context else ""),
                Position(display, unit.sourceline or 0),
                hint="the source text changed since the export: export again and redo it",
            )
        )
        return 0
    state = target_element.get("state", "") if target_element is not None else ""
    fuzzy = state in FUZZY_STATES and bool(target)
    if state == "new" and not target:
        fuzzy = False
    approved = unit.get("approved")
    if approved == "no" and target:
        fuzzy = True
    before = (message.string, message.fuzzy)
    if form is None:
        message.string = target
    else:
        strings = list(message.string) if isinstance(message.string, (list, tuple)) else []
        while len(strings) <= form:
            strings.append("")
        strings[form] = target
        message.string = tuple(strings)
    if fuzzy:
        message.flags.add("fuzzy")
    else:
        message.flags.discard("fuzzy")
        message.previous_id = []
    return int((message.string, message.fuzzy) != before)


def _find(catalog: Catalog, source: str, context: str | None, form: int | None) -> Message | None:
    for message in catalog:
        if not message.id or message.context != (context or None):
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        if form is None and isinstance(message.id, str) and message.id == source:
            return message
        if form is not None and not isinstance(message.id, str) and source in ids:
            return message
    return None
