"""Drafting a locale from a related one (``jdgen i18n init zh-TW --from zh``): every
text the new locale would otherwise show in the wrong script or variety gets a draft,
marked fuzzy, for a translator to review.

- Simplified to Traditional Chinese goes through OpenCC (``s2twp`` for Taiwan: script
  *and* Taiwan phrasing, 软件 → 軟體; ``s2hk`` for Hong Kong; ``s2t`` otherwise).
- Then the locale's drafting glossary (``locales/<dir>/glossary.yaml``, data: a term as
  the source variety writes it → as this one does) swaps the words a script converter
  cannot know: 釋出日期 → 刊登日期 in Taiwan job postings, monitorear → monitorizar in Spain.

A draft is never taken for a translation: fuzzy entries are not used as translations
(they show, marked, only where nothing reviewed exists) and ``i18n status`` counts them
as not done.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog

from jdgen.errors import InvalidInputError, Position, Problem, relpath
from jdgen.foundation.locales import LocaleInfo, parse_locale, same_writing
from jdgen.i18n.catalogs import catalog_paths, read_catalog
from jdgen.i18n.pofile import message_state, msgid_of

GLOSSARY_FILE = "glossary.yaml"
#: The flag comment a draft carries, so a reviewer knows where it came from.
DRAFT_NOTE = "draft from {source} ({how}): review it, then remove the fuzzy flag"


def _opencc_config(target: LocaleInfo) -> str:
    region = str(target.babel.territory or "")
    return {"TW": "s2twp", "HK": "s2hk", "MO": "s2hk"}.get(region, "s2t")


def glossary(target: LocaleInfo, locale_dirs: Sequence[Path]) -> list[tuple[str, str]]:
    """The target's drafting glossary along its chain (specific entries win), longest
    term first so that 任職要求 is replaced before 要求 would be."""
    terms: dict[str, str] = {}
    for name in reversed(target.chain):
        for base in reversed(locale_dirs):
            path = base / name / GLOSSARY_FILE
            if not path.is_file():
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in data.items()
            ):
                raise InvalidInputError(
                    Problem(
                        "a drafting glossary maps terms to terms",
                        Position(relpath(path), 1, 1),
                        hint='write one "source term: local term" per line',
                    )
                )
            terms.update(data)
    return sorted(terms.items(), key=lambda kv: (-len(kv[0]), kv[0]))


def _apply(text: str, terms: Sequence[tuple[str, str]]) -> str:
    """Every glossary term replaced, once, longest first; Latin-script terms only as
    whole words (and a capital kept: Monitorear → Monitorizar)."""
    if not terms:
        return text
    parts = []
    for term, _ in terms:
        word = not any("\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef" for ch in term)
        parts.append(rf"(?<!\w){re.escape(term)}(?!\w)" if word else re.escape(term))
    table = dict(terms)
    lowered = {k.lower(): v for k, v in terms}
    pattern = re.compile("|".join(parts), re.IGNORECASE)

    def swap(m: re.Match[str]) -> str:
        found = m.group(0)
        local = table.get(found) or lowered.get(found.lower(), found)
        if found[:1].isupper() and local[:1].islower():
            local = local[:1].upper() + local[1:]
        return local

    return pattern.sub(swap, text)


def converter(
    source: LocaleInfo, target: LocaleInfo, locale_dirs: Sequence[Path]
) -> tuple[Callable[[str], str], str]:
    """How a text of ``source`` becomes a draft for ``target``, and what that is called."""
    terms = glossary(target, locale_dirs)
    script = None
    how = "copied"
    if not same_writing(source.tag, target.tag):
        if source.language == target.language == "zh":
            config = _opencc_config(target)
            try:
                import opencc  # type: ignore[import-not-found,unused-ignore]
            except ImportError:
                raise InvalidInputError(
                    Problem(
                        f"drafting {target.tag} from {source.tag} needs OpenCC, which is "
                        "not installed",
                        hint="pip install 'jdgen[opencc]' (or: pip install opencc)",
                    )
                ) from None
            script = opencc.OpenCC(config).convert
            how = f"OpenCC {config}"
        else:
            raise InvalidInputError(
                Problem(
                    f"{target.tag} cannot be drafted from {source.tag}: they are different "
                    "languages",
                    hint="draft a regional variant from its parent: --from es, --from zh",
                )
            )
    if terms:
        how += f", then the {target.tag} glossary"

    def draft(text: str) -> str:
        return _apply(script(text) if script else text, terms)

    return draft, how


def fill(
    catalog: Catalog,
    source_language: str,
    domain: str,
    source: LocaleInfo,
    target: LocaleInfo,
    locale_dirs: Sequence[Path],
) -> int:
    """Fill each empty entry of ``catalog`` with a fuzzy draft; how many were drafted.

    The text drafted from is the source locale's reviewed translation, or the role's own
    text where it is written in the source locale's language and script. An entry the
    target already reads translated along its chain (a reviewed zh_Hant catalog for
    zh-TW) is left empty, so it keeps falling back to that; the source's own catalogs
    do not count, since re-wording them is what the draft is for (es-ES from es)."""
    draft, how = converter(source, target, locale_dirs)
    theirs = {p.resolve() for p in catalog_paths(source, domain, locale_dirs)}
    own = [
        read_catalog(p)
        for p in catalog_paths(target, domain, locale_dirs)
        if p.resolve() not in theirs
    ]
    parents = [read_catalog(p) for p in catalog_paths(source, domain, locale_dirs)]
    written_in_source = same_writing(source_language, source.tag)
    count = 0
    for message in catalog:
        if not message.id or message_state(message) != "empty" or message.pluralizable:
            continue
        key = (msgid_of(message), message.context)
        if any(_translated(c, *key) for c in own):
            continue
        text = next((t for c in parents if (t := _translated(c, *key))), None)
        if text is None and written_in_source:
            text = key[0]
        if not text:
            continue
        message.string = draft(text)
        message.flags.add("fuzzy")
        message.user_comments = [
            *message.user_comments,
            DRAFT_NOTE.format(source=parse_locale(source.tag).tag, how=how),
        ]
        count += 1
    return count


def _translated(catalog: Catalog, msgid: str, context: str | None) -> str | None:
    found = catalog.get(msgid, context)
    if found is None or message_state(found) != "translated" or found.pluralizable:
        return None
    return str(found.string)
