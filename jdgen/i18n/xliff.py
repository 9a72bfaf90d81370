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
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from lxml import etree

from jdgen.errors import InvalidInputError, Position, Problem, relpath
from jdgen.foundation.locales import parse_locale
from jdgen.foundation.text import CHARACTER_HINT, character_problem
from jdgen.i18n.catalogs import read_catalog
from jdgen.i18n.pofile import (
    header_comment,
    locale_dir,
    msgid_of,
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
    problems: list[Problem] = []
    for path in _catalogs(project, info.tag):
        catalog = read_catalog(path)
        problems.extend(_unwritable(catalog, path))
        if problems:
            continue
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
    if problems:
        raise InvalidInputError(problems)
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


def _unwritable(catalog: Catalog, path: Path) -> list[Problem]:
    """Every entry holding a character XLIFF (or any output) cannot carry, by its line:
    the same check an import makes, so what goes out can come back."""
    problems = []
    for message in catalog:
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        texts = [*ids, *strings, message.context or "", *message.auto_comments]
        texts += message.user_comments
        why = next((w for w in map(character_problem, texts) if w), "")
        if why:
            problems.append(
                Problem(
                    f"this entry cannot be exported: it {why}",
                    Position(relpath(path), message.lineno or 0),
                    hint=CHARACTER_HINT,
                )
            )
    return problems


def _source_language(path: Path) -> str:
    """The language a catalog translates from, as its header comment says."""
    found = re.search(r"\(source language: ([^)]+)\)", header_comment(path))
    return found.group(1).strip() if found else "en"
