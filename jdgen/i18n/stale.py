"""Entries a catalog holds for texts the source no longer has: what a lossy round trip
leaves behind (translate-toolkit's po2xliff then xliff2po drops most ``msgctxt``, so
every translation stops matching and the page shows the source text).

``jdgen i18n update`` turns the entries of a text that was really removed into obsolete
(``#~``) ones; a live entry whose context the source does not have is therefore either
a catalog not updated since the source changed, or one a tool damaged.
"""

from __future__ import annotations

from pathlib import Path

from jdgen.errors import JdgenError, Position, Problem, Severity, relpath
from jdgen.i18n.catalogs import decode_po, parse_entries
from jdgen.i18n.extract import extract
from jdgen.project.config import Project

HINT = (
    "if a CAT tool round trip dropped the contexts (po2xliff/xliff2po does), translate "
    "through `jdgen i18n xliff export` / `jdgen i18n xliff import` instead, which keeps "
    "every context; if the source changed, run `jdgen i18n update`"
)


def stale_entries(project: Project, paths: list[Path]) -> list[Problem]:
    """One error per translated entry whose (context, text) the source no longer has."""
    try:
        pots = {pot.domain: pot for pot in extract(project)}
    except JdgenError:
        return []  # the sources do not extract: `jdgen validate` reports why
    problems: list[Problem] = []
    for path in paths:
        pot = pots.get(path.stem)
        if pot is None:
            continue
        keys = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in pot.catalog}
        contexts = {context for context, _ in keys}
        display = relpath(path)
        try:
            entries = parse_entries(decode_po(path.read_bytes(), display), display)
        except JdgenError:
            continue  # a broken catalog: check_catalog reports where
        for entry in entries:
            fields = entry.fields
            msgid = fields.get("msgid", "")
            translated = fields.get("msgstr") or fields.get("msgstr[0]")
            key = (fields.get("msgctxt"), msgid)
            if not msgid or not translated or key in keys:
                continue
            context = key[0]
            why = (
                "it has no context, and the source gives this text one"
                if context is None and any(k[1] == msgid for k in keys)
                else f'the source has no text with the context "{context}"'
                if context not in contexts
                else "the source text under this context is a different one"
            )
            problems.append(
                Problem(
                    f'msgid "{msgid[:47] + "..." if len(msgid) > 50 else msgid}" is never '
                    f"shown: {why}",
                    Position(display, entry.line),
                    severity=Severity.ERROR,
                    hint=HINT,
                )
            )
    return problems
