"""Status: how much of each catalog a reader of each locale sees translated."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jdgen.foundation.locales import parse_locale, same_writing
from jdgen.i18n.catalogs import (
    catalog_paths,
    read_catalog,
)
from jdgen.i18n.extract import extract
from jdgen.i18n.pofile import message_state
from jdgen.i18n.update import targets
from jdgen.project.config import Project


@dataclass(frozen=True)
class Status:
    """How far one locale's translation of one domain is."""

    domain: str
    locale: str
    translated: int
    fuzzy: int
    untranslated: int
    #: Words of source text still to translate or review (not translated, or fuzzy):
    #: how much work the locale is. Chinese and Japanese count a character as a word, as
    #: CAT tools do.
    words_left: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 if not self.total else round(100 * self.translated / self.total, 1)


def status(project: Project) -> list[Status]:
    """Per domain and locale: what a reader of that locale sees translated.

    A message counts as translated when any catalog along the locale's fallback chain
    translates it, so a regional catalog that holds only its differences is complete.
    """
    rows: list[Status] = []
    for pot in extract(project):
        for name in targets(project, pot):
            info = parse_locale(name)
            chain = [read_catalog(p) for p in catalog_paths(info, pot.domain, project.locale_dirs)]
            counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
            words = 0
            for message in pot.catalog:
                if not message.id:
                    continue
                state = "untranslated"
                for catalog in chain:
                    found = catalog.get(message.id, message.context)
                    current = message_state(found) if found is not None else "empty"
                    if current != "empty":
                        state = current
                        break
                if state == "untranslated" and same_writing(pot.source_language, info.tag):
                    state = "translated"  # the source text is right in its own language
                counts[state] += 1
                if state != "translated":
                    words += word_count(
                        message.id if isinstance(message.id, str) else message.id[0]
                    )
            rows.append(Status(pot.domain, info.tag, **counts, words_left=words))
    return rows


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")


def word_count(text: str) -> int:
    """Words a translator reads in a source text: placeholders are not words; a CJK
    character is one (``机器学习工程师`` is 7)."""
    text = _PLACEHOLDER.sub(" ", text)
    cjk = len(_CJK.findall(text))
    rest = _CJK.sub(" ", text)
    return cjk + sum(1 for w in rest.split() if any(ch.isalnum() for ch in w))
