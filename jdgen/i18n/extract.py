"""Extraction: the messages of the project's templates (and jdgen's own code) and of each
role file, as one template (POT) per domain.

There are two kinds of domain:

- ``jdgen``: the templates' own words (headings, labels, formats), written in English;
- ``role-<id>``: one per role file, in the language the role is written in. A posting
  and its translations then move together, a translator can take one posting at a time,
  and a large careers site does not funnel every change through one huge file.

Every role text is a message whose context is ``<role id>:<field path>``, with the YAML
comment above it (if any) as a comment for translators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS
from babel.messages.extract import extract as babel_extract

from jdgen.errors import (
    JdgenError,
    Position,
    Problems,
    relpath,
)
from jdgen.i18n.catalogs import (
    TEMPLATE_DOMAIN,
    role_domain,
)
from jdgen.i18n.localize import TEMPLATE_SOURCE_LANGUAGE
from jdgen.i18n.pofile import new_catalog
from jdgen.project.config import Project
from jdgen.project.keys import stable_context
from jdgen.project.reference import field_note
from jdgen.project.resolve import RoleIndex

#: A marker for strings in Python code: ``N_(context, message)`` is extracted, not translated.
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": ((1, "c"), 2)}


@dataclass
class Pot:
    """A domain's message template and the language its messages are written in."""

    domain: str
    catalog: Catalog
    source_language: str

    @property
    def file_name(self) -> str:
        return f"{self.domain}.pot"


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
    # A tool's line (the editor schema, an encoding or mode line) is no note to anyone.
    return [c for c in comments if c and not _TOOL_LINE.match(c)]


_TOOL_LINE = re.compile(r"(yaml-language-server|\$schema|-\*-|vim?:|coding[:=]|@formatter)", re.I)


def _templates_owned(project: Project) -> list[Path]:
    base = project.root / project.config.templates_dir
    return sorted(p for p in base.rglob("*.j2") if p.is_file()) if base.is_dir() else []


def _python_sources(project: Project) -> list[Path]:
    """jdgen's own Python strings, when the project is jdgen's repository itself."""
    package = project.root / "jdgen"
    return sorted(package.rglob("*.py")) if project.is_jdgen_source else []


def extract_templates(project: Project) -> Pot | None:
    """The ``jdgen`` domain: strings in the project's own templates (and jdgen's code)."""
    from jinja2.ext import babel_extract as jinja_extract

    templates = _templates_owned(project)
    sources = _python_sources(project)
    if not templates and not sources:
        return None
    catalog = new_catalog(TEMPLATE_DOMAIN)
    problems = Problems()
    jinja_options = {"silent": "false", "extensions": "jinja2.ext.i18n"}
    methods: list[tuple[Path, Any, dict[str, str]]] = [
        *((p, jinja_extract, jinja_options) for p in templates),
        *((p, "python", {}) for p in sources),
    ]
    for path, method, options in methods:
        shown = _from_root(project, path)
        try:
            with path.open("rb") as handle:
                # The line is left out of the reference on purpose (see extract_roles).
                for _line, message, comments, context in babel_extract(
                    method,
                    handle,
                    keywords=KEYWORDS,
                    comment_tags=("Translators:",),
                    options=options,
                    strip_comment_tags=True,
                ):
                    msgid = message if isinstance(message, str) else tuple(message)
                    notes = comments or _template_notes(msgid, context)
                    where: Any = [(shown, None)]  # the file only (see extract_roles)
                    catalog.add(msgid, None, where, auto_comments=notes, context=context)
        except Exception as exc:  # a template syntax error, reported not swallowed
            line = getattr(exc, "lineno", 0) or 0
            problems.error(f"cannot extract messages: {exc}", Position(shown, line))
    problems.raise_errors()
    return Pot(TEMPLATE_DOMAIN, catalog, TEMPLATE_SOURCE_LANGUAGE)


# What each kind of template string is, for translators (a template may say more with a
# {# Translators: ... #} comment, which then replaces this).
CONTEXT_NOTES = {
    "heading": "a section heading of a posting or guide; short, no final full stop",
    "label": "a label before a value, as in 'Salary: 28K'; the colon is in 'label and value'",
    "label and value": "how a label and its value are joined: 'Salary: 28K', '薪资范围：28K'",
    "text and note": "a value with a note in brackets: '28K (depending on experience)'",
    "site": "words of the careers site's pages (navigation, headings, links)",
    "prompt": "a question jdgen new asks on the command line; the answer follows it",
    "prompt answer": "a yes or no typed at a question; its first letter is taken too (s, n)",
    "employment type": "a kind of employment as job boards list it (Full-time)",
    "work arrangement": "where the work is done (On-site, Hybrid, Remote)",
    "salary period": "what pay is for, after the amount: '28K per month', '28K/月'",
    "salary": "pay with only one end given: 'from 28K', 'up to 60K'",
    "skills matrix": "words of the skills matrix (skills by level)",
    "years of experience": "years of experience asked for: '3-5 years'",
    "valid through": "shown as the last day to apply when a posting has none",
    "headcount": "the number of openings when the role does not give one (若干 in Chinese)",
    "vacancy": "whether the posting fills an open position (Ontario requires saying so)",
    "ai screening": "whether software (AI) screens applicants (Ontario requires saying so)",
    "interview kit": "words of the interview kit, for the interview panel (not candidates)",
    "scorecard": "a field of the interview scorecard, filled in by hand",
    "rating": "a step of the scorecard's rating scale for one attribute",
    "recommendation": "an overall hiring recommendation an interviewer ticks",
    "level diff": "words of a level diff: two levels of a skills matrix side by side",
    "level change": "how one skill changes from one level to the next, in a table cell",
    "revision diff": "words of a role's change log between two versions, for a reviewer",
}


def _template_notes(msgid: str | tuple[str, ...], context: str | None) -> list[str]:
    """A note for a template string without a translator comment: what kind of text it
    is, and the placeholders to keep as they are."""
    notes = [CONTEXT_NOTES[context]] if context in CONTEXT_NOTES else []
    texts = [msgid] if isinstance(msgid, str) else list(msgid)
    names = sorted({m for t in texts for m in re.findall(r"%\(\w+\)s|\{\w+\}", t)})
    if names:
        what = "it" if len(names) == 1 else "them"
        notes.append(f"keep {', '.join(names)} as written: jdgen fills {what} in")
    return notes


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
        catalog = new_catalog(role_domain(role_id))
        sources = {p: t for p, (t, _) in texts.items()}
        for field_path, (text, pos) in texts.items():
            note = field_note(field_path)
            catalog.add(
                text,
                None,
                # The file only, as msgmerge --add-location=file: a line number would
                # change every reference below an edit, a churn translators must review.
                [(_from_root(project, path), None)],  # type: ignore[list-item]
                auto_comments=[*_yaml_comments(lines, pos.line), *([note] if note else [])],
                context=stable_context(role_id, field_path, sources.get),
            )
        pots.append(Pot(role_domain(role_id), catalog, index.language_of(path)))
    problems.raise_errors()
    return pots


def _from_root(project: Project, path: Path) -> str:
    """A ``#:`` reference: relative to the project's root, wherever jdgen runs from."""
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return relpath(path)


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
