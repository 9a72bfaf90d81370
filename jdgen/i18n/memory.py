"""Translation memory across a project's catalogs: a careers site repeats the same
sentences in many roles ("Experience with Python", the benefits, the process steps), and
a text translated and approved in one catalog is offered to every new entry with the same
source in the same locale: fuzzy, with a note saying where it comes from, for a
translator to confirm.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from babel.messages.catalog import Catalog

from jdgen.i18n.catalogs import read_catalog
from jdgen.i18n.pofile import message_state, msgid_of

NOTE = "from the translation memory"


def memory(locale_dir: Path) -> dict[str, tuple[str, str]]:
    """Every approved (not fuzzy) singular translation in a locale's catalogs: source →
    (translation, the domain it is in). Where a source has several, the most used; on a
    tie, the first in the order of the domains' names."""
    seen: dict[str, Counter[str]] = {}
    where: dict[tuple[str, str], str] = {}
    for path in sorted(locale_dir.glob("LC_MESSAGES/*.po")):
        for message in read_catalog(path):
            if not message.id or not isinstance(message.string, str):
                continue
            if message_state(message) != "translated":
                continue
            source = msgid_of(message)
            seen.setdefault(source, Counter())[message.string] += 1
            where.setdefault((source, message.string), path.stem)
    out = {}
    for source, counts in seen.items():
        best = max(counts.items(), key=lambda item: item[1])[0]  # first of the most used
        out[source] = (best, where[(source, best)])
    return out


def recall(
    catalog: Catalog,
    before: set[tuple[str, str | None]],
    known: dict[str, tuple[str, str]],
    domain: str,
) -> int:
    """Pre-fill the catalog's new, empty entries from ``known``; return how many. A note
    on an entry the translator has since approved is dropped."""
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        notes = [c for c in message.user_comments if c.startswith(NOTE)]
        if notes and not message.fuzzy:
            message.user_comments = [c for c in message.user_comments if c not in notes]
        key = (msgid_of(message), message.context)
        if key in before or message_state(message) != "empty":
            continue
        if not isinstance(message.id, str) or message.id not in known:
            continue
        string, source = known[message.id]
        message.string = string
        message.flags.add("fuzzy")
        where = "this catalog" if source == domain else source
        message.user_comments = [*message.user_comments, f"{NOTE} ({where}): check it"]
        filled += 1
    return filled
