"""Locale tags and fallback chains, from CLDR data through Babel.

Users write BCP 47 tags (``es-AR``, ``zh-CN``) or POSIX ones (``en_GB``); both are
normalised here. The fallback chain follows CLDR's parent locales, so ``es_AR`` falls
back to ``es_419`` and then ``es`` (Babel's ``Locale.negotiate`` and ``gettext.find``
would skip or invent steps), and ``zh_Hant`` never falls back to ``zh`` (Simplified).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.core import get_global

#: ISO 639 codes for no particular language: undetermined, multiple, none, uncoded.
_NOT_LANGUAGES = frozenset({"und", "mul", "zxx", "mis"})


@dataclass(frozen=True)
class LocaleInfo:
    """A locale as jdgen uses it: the user's tag, Babel's locale and the lookup chain."""

    tag: str  # canonical BCP 47, as the user wrote it: "es-AR", "zh-CN", "zh-Hant"
    babel: Locale
    chain: tuple[str, ...]  # directory names to look in, most specific first

    @property
    def language(self) -> str:
        return str(self.babel.language)

    def __str__(self) -> str:
        return self.tag


def _split(tag: str) -> list[str]:
    """The subtags of ``tag``; none empty ("es--ES", "-es" and "es-" are malformed) and
    each plain ASCII letters or digits."""
    parts = tag.strip().replace("_", "-").split("-")
    if any(not p or not (p.isascii() and p.isalnum()) for p in parts):
        return []
    return parts


def canonical_tag(tag: str) -> str:
    """``zh_hant_tw`` → ``zh-Hant-TW``; raises ValueError for a malformed tag."""
    parts = _split(tag)
    if not parts or not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3:
        raise ValueError(f'"{tag}" is not a locale tag like "es", "es-AR" or "zh-CN"')
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            raise ValueError(f'"{tag}" is not a locale tag like "es", "es-AR" or "zh-CN"')
    return "-".join(out)


@functools.lru_cache(maxsize=256)
def parse_locale(tag: str) -> LocaleInfo:
    """Normalise a tag and compute its fallback chain. Raises ValueError if unknown to CLDR."""
    canon = canonical_tag(tag)
    if canon.split("-")[0] in _NOT_LANGUAGES:
        raise ValueError(
            f'"{tag}" names no language ({canon.split("-")[0]} is a code for none, or for '
            'many); name the language, like "es" or "zh-CN"'
        )
    try:
        locale = Locale.parse(canon.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ValueError(f'"{tag}" is not a locale known to CLDR') from None
    return LocaleInfo(canon, locale, fallback_chain(locale))


def fallback_chain(locale: Locale) -> tuple[str, ...]:
    """Directory names to search for ``locale``, most specific first, following CLDR parents.

    A name is also tried without its script when that script is the likely one for the
    territory (``zh_Hans_CN`` is looked for as ``zh_CN`` too, ``zh_Hant_TW`` as
    ``zh_TW``), because that is how people name catalog directories.
    """
    parents = get_global("parent_exceptions")
    default_script = _likely_script(str(locale.language))
    ident: str | None = str(locale)
    chain: list[str] = []
    while ident and ident != "root":
        chain.append(ident)
        parts = ident.split("_")
        if len(parts) == 3 and _likely_script(f"{parts[0]}_{parts[2]}") == parts[1]:
            chain.append(f"{parts[0]}_{parts[2]}")
        if ident in parents:
            ident = parents[ident]
        elif len(parts) == 2 and len(parts[1]) == 4 and parts[1] != default_script:
            ident = None  # CLDR: a script other than the likely one inherits from root
        elif "_" in ident:
            ident = ident.rsplit("_", 1)[0]
        else:
            ident = None
    return tuple(dict.fromkeys(chain))


@functools.cache
def _likely(ident: str) -> Locale | None:
    """CLDR's likely full locale for ``ident`` or, failing that, for its language:
    ``zh`` → zh_Hans_CN, ``es_PE`` → es_Latn_PE (via ``es``: es_Latn_ES)."""
    likely = get_global("likely_subtags")
    full = likely.get(ident) or likely.get(ident.split("_")[0])
    return Locale.parse(full) if full else None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(" .")


@functools.cache
def _countries(language: str) -> dict[str, str]:
    """Country names as written in ``language`` and in English → ISO code: "perú" → PE,
    "秘鲁" → PE, "spain" → ES. Only countries (two letters), not regions such as 419."""
    names: dict[str, str] = {}
    for tongue in ("en", language):
        for code, name in Locale.parse(tongue).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(_fold(name), code)
    return names


def country_in(place: str, locale: Locale) -> str | None:
    """The country a place names, by its name in the locale's language or in English,
    after its last comma ("Lima, Perú" → PE; "上海，中国" → CN), or the whole of it
    ("España"). Two-letter codes are not read: "Denver, CO" is Colorado, not Colombia."""
    parts = [p for p in re.split(r"[,，、]", place) if p.strip()]
    if not parts:
        return None
    return _countries(str(locale.language)).get(_fold(parts[-1]))


def market(locale: Locale) -> str | None:
    """The country a locale's market is: its own territory, else CLDR's likely one
    (``es`` → ES, ``zh`` → CN, ``en`` → US)."""
    if locale.territory:
        return str(locale.territory)
    found = _likely(str(locale.language))
    return str(found.territory) if found and found.territory else None


def _likely_script(ident: str) -> str | None:
    found = _likely(ident)
    return found.script if found else None


def dir_to_tag(name: str) -> str | None:
    """A locale directory name (``es_AR``) as a BCP 47 tag, or None if it is not one."""
    try:
        return parse_locale(name).tag
    except ValueError:
        return None


def same_locale(a: str, b: str) -> bool:
    """Whether two tags name one locale once CLDR's likely subtags fill them in: zh and
    zh-CN are both zh_Hans_CN; es (es_Latn_ES) and es-PE (es_Latn_PE) are not."""
    return _maximized(a) == _maximized(b)


def same_writing(a: str, b: str) -> bool:
    """Whether a reader of one locale reads text written in the other as it is: one
    language in one script. es and es-PE are; zh-CN (Simplified) and zh-TW (Traditional)
    are not, so Simplified text in a Traditional page is a missing translation."""
    return _maximized(a)[:2] == _maximized(b)[:2]


@functools.cache
def _maximized(tag: str) -> tuple[str, str | None, str | None]:
    locale = parse_locale(tag).babel
    likely = _likely(str(locale))
    return (
        str(locale.language),
        locale.script or (likely.script if likely else None),
        locale.territory or (likely.territory if likely else None),
    )


def maximized(tag: str) -> tuple[str, str | None, str | None]:
    """A tag's language, script and territory, CLDR's likely subtags filling in what it
    leaves out: ``zh`` is (zh, Hans, CN), ``zh-TW`` (zh, Hant, TW), ``es`` (es, Latn, ES)."""
    return _maximized(tag)
