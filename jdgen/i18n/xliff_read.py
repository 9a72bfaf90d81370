"""A translator's XLIFF 1.2 back into the catalogs it was exported from (jdgen/i18n/xliff.py
writes it).

Nothing is lost or changed silently: the whole file is checked before anything is
written, and every problem is reported with its line. A file with or without the XLIFF
namespace reads the same; another XLIFF version, a file with no units, an entity
reference, an inline placeholder with no text of its own (``<x/>``), a control or line
separator character, and two units that translate one entry differently are refused.
Two ``<file>`` elements for one catalog both apply. A unit with no ``<target>`` leaves its
entry as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from lxml import etree

from jdgen.errors import InvalidInputError, Position, Problem, relpath
from jdgen.foundation.locales import parse_locale
from jdgen.foundation.text import CHARACTER_HINT, character_problem
from jdgen.i18n.catalogs import read_catalog
from jdgen.i18n.pofile import (
    copy_catalog,
    header_comment,
    kept_headers,
    locale_dir,
    plural_forms_of,
    render_po,
    restore_previous,
    revision_line,
    write_if_changed,
)
from jdgen.i18n.xliff import FUZZY_STATES, NS
from jdgen.project.config import Project

# Inline elements whose own text is the text (a marker, or the original code a CAT tool
# protects, such as a placeholder); <x/>, <bx/> and <ex/> only point at code elsewhere.
_TEXT_INLINE = frozenset(("g", "mrk", "ph", "bpt", "ept", "it", "sub"))
_FORM = re.compile(r"\[(\d+)\]$")


@dataclass(frozen=True)
class Imported:
    path: str
    action: str  # "updated", "unchanged"
    changed: int


@dataclass
class _Catalog:
    path: Path
    domain: str
    tag: str
    catalog: Catalog
    before: dict[int, tuple[object, bool]] = field(default_factory=dict)
    # (message, form) → (target, fuzzy, line of the unit that set it)
    seen: dict[tuple[int, int | None], tuple[str, bool, int]] = field(default_factory=dict)


def import_xliff(project: Project, data: bytes, display: str) -> list[Imported]:
    """Bring a translator's XLIFF back into the catalogs it was exported from; nothing is
    written unless all of it can be."""
    root = _parse(data, display)
    problems: list[Problem] = []
    catalogs: dict[Path, _Catalog] = {}
    units = 0
    for file in root.iter("file"):
        target = _open(project, file, display, problems, catalogs)
        for unit in file.iter("trans-unit"):
            units += 1
            if target is not None:
                _apply(target, unit, display, problems)
    if not units and not problems:
        problems.append(
            Problem(
                "the file holds no <trans-unit>: nothing to import",
                Position(display, root.sourceline or 0),
                hint="export it again from your CAT tool as XLIFF 1.2 "
                "(jdgen i18n xliff export writes one unit per entry)",
            )
        )
    if problems:  # nothing is written unless all of it can be
        raise InvalidInputError(problems)
    done = []
    for entry in catalogs.values():
        changed = sum(
            1 for m in entry.catalog if id(m) in entry.before and entry.before[id(m)] != _state(m)
        )
        forms = plural_forms_of(
            entry.path, parse_locale(entry.tag).babel, project.config.plural_forms
        )
        text = render_po(
            entry.catalog,
            header_comment(entry.path),
            revision_line(entry.path),
            entry.domain,
            forms,
            kept_headers(entry.path),
        )
        done.append(Imported(relpath(entry.path), write_if_changed(entry.path, text), changed))
    return done


def _parse(data: bytes, display: str) -> etree._Element:
    """The document, its XLIFF 1.2 elements without their namespace; refuses what is not
    XLIFF 1.2 and any entity (a DTD's entities are never expanded nor kept as text)."""
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
    name = etree.QName(root)
    version = root.get("version") or ""
    where = Position(display, root.sourceline or 0)
    if name.localname != "xliff" or name.namespace not in (None, NS):
        what = (
            f'<{name.localname}> in "{name.namespace}"' if name.namespace else f"<{name.localname}>"
        )
        version_hint = (
            "XLIFF 2 is not supported: " if "xliff:document:2" in (name.namespace or "") else ""
        )
        raise InvalidInputError(
            Problem(
                f"not an XLIFF 1.2 document: it is {what}",
                where,
                hint=f"{version_hint}export it as XLIFF 1.2 from your CAT tool",
            )
        )
    if version and not version.startswith("1."):
        raise InvalidInputError(
            Problem(
                f"XLIFF {version} is not supported",
                where,
                hint="export it as XLIFF 1.2 from your CAT tool",
            )
        )
    problems = []
    for element in root.iter():
        if isinstance(element, etree._Entity):
            problems.append(
                Problem(
                    f"the entity reference {element.text} is not allowed",
                    Position(display, element.sourceline or 0),
                    hint="write the character itself (or a character reference such as &#233;)",
                )
            )
        elif isinstance(element.tag, str) and element.tag.startswith(f"{{{NS}}}"):
            element.tag = etree.QName(element).localname
    if problems:
        raise InvalidInputError(problems)
    return root


def _open(
    project: Project,
    file: etree._Element,
    display: str,
    problems: list[Problem],
    catalogs: dict[Path, _Catalog],
) -> _Catalog | None:
    """The catalog a ``<file>`` is for (the same one for a second ``<file>`` of it)."""
    where = Position(display, file.sourceline or 0)
    target = file.get("target-language") or ""
    domain = file.get("original") or ""
    try:
        info = parse_locale(target)
    except ValueError:
        problems.append(Problem(f'target-language "{target}" is not a locale', where))
        return None
    base = project.root / project.config.locales_dir
    path = base / locale_dir(info.tag) / "LC_MESSAGES" / f"{domain}.po"
    if (
        not domain
        or "/" in domain
        or "\\" in domain
        or domain.startswith(".")
        or not path.is_file()
    ):
        problems.append(
            Problem(
                f'no {info.tag} catalog "{domain}" to import into',
                where,
                hint="import the file exported for this project (jdgen i18n xliff export)",
            )
        )
        return None
    if path not in catalogs:
        catalog = copy_catalog(read_catalog(path))
        restore_previous(catalog)
        entry = _Catalog(path, domain, info.tag, catalog)
        entry.before = {id(m): _state(m) for m in catalog if m.id}
        catalogs[path] = entry
    return catalogs[path]


def _state(message: Message) -> tuple[object, bool]:
    return (message.string, message.fuzzy)


def _content(element: etree._Element | None, display: str, problems: list[Problem]) -> str:
    """The text of a ``<source>`` or ``<target>``, inline markers included; refuses what a
    PO entry cannot hold."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            name = child.tag
            if name in _TEXT_INLINE:
                parts.append(_content(child, display, problems))
            else:
                problems.append(
                    Problem(
                        f"<{etree.QName(child).localname}> has no text to bring back into "
                        "a catalog",
                        Position(display, child.sourceline or 0),
                        hint="write the text it stands for in the target itself",
                    )
                )
        parts.append(child.tail or "")  # a comment's or processing instruction's tail too
    return "".join(parts)


def _apply(entry: _Catalog, unit: etree._Element, display: str, problems: list[Problem]) -> None:
    line = unit.sourceline or 0
    where = Position(display, line)
    context = unit.get("resname")
    for ctx in unit.iter("context"):
        if ctx.get("context-type") == "x-po-msgctxt":
            context = "".join(ctx.itertext())
    source = _content(unit.find("source"), display, problems)
    target_element = unit.find("target")
    target = _content(target_element, display, problems)
    why = character_problem(target)
    if why:
        problems.append(Problem(f"the target {why}", where, hint=CHARACTER_HINT))
        return
    group = unit.getparent()
    form = None
    if group is not None and group.tag == "group" and group.get("restype") == "x-gettext-plurals":
        numbered = _FORM.search(unit.get("id") or "")
        form = int(numbered.group(1)) if numbered else list(group.iter("trans-unit")).index(unit)
        context = group.get("resname", context)
    message = _find(entry.catalog, source, context, form)
    if message is None:
        problems.append(
            Problem(
                f'no entry with the text "{source[:60]}"'
                + (f" (context {context})" if context else ""),
                where,
                hint="the source text changed since the export: export again and redo it",
            )
        )
        return
    if target_element is None:
        return  # nothing said about this entry: it stays as it is
    state = target_element.get("state", "")
    fuzzy = state in FUZZY_STATES and bool(target)
    if unit.get("approved") == "no" and target:
        fuzzy = True
    key = (id(message), form)
    if key in entry.seen:
        first_target, first_fuzzy, first_line = entry.seen[key]
        if (first_target, first_fuzzy) != (target, fuzzy):
            problems.append(
                Problem(
                    f'a second unit for the entry "{source[:60]}" says otherwise than the '
                    f"one at line {first_line}",
                    where,
                    hint="keep one unit per entry",
                )
            )
        return
    forms = message.string if isinstance(message.string, (list, tuple)) else ()
    if form is not None and form >= len(forms):
        problems.append(
            Problem(
                f"plural form {form} of an entry that has {len(forms)} forms",
                where,
                hint="keep the units jdgen i18n xliff export wrote for each form",
            )
        )
        return
    entry.seen[key] = (target, fuzzy, line)
    if form is None:
        message.string = target
    else:
        strings = list(forms)
        strings[form] = target
        message.string = tuple(strings)
    if fuzzy:
        message.flags.add("fuzzy")
    else:
        message.flags.discard("fuzzy")
        message.previous_id = []


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
