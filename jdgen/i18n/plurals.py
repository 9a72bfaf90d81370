"""Plural forms: a catalog is judged by its own ``Plural-Forms`` header, never by one
library's table.

Babel 2.19 rebuilt its gettext table from CLDR, so Spanish, French, Italian and
Portuguese got a third form (for millions), while GNU gettext, translate-toolkit, Weblate
and most existing PO files keep two. Both are right for the catalog that declares them.
A header is accepted when it parses and is self-consistent:

- the formula gives an index below ``nplurals`` for every sample number;
- the numbers that share the form of 1 are those CLDR gives 1's category (from 1 to 200:
  traditions differ on zero, pt-PT says "0 ficheiros", pt-BR "0 arquivo"), so es has
  1 alone and zh one form for every number;
- every plural entry has exactly ``nplurals`` forms (checked by the catalog checks).

New catalogs get gettext's traditional forms, or CLDR's where the project says
``plural_forms: cldr`` (``plural_forms.yaml`` holds both, so the result does not depend on
the installed Babel).
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale

#: How new catalogs get their Plural-Forms: gettext's traditional table, or CLDR's rules.
STYLES = ("gettext", "cldr")
#: The most forms any language has (Arabic, Welsh: six).
MAX_FORMS = 6
_SAMPLES = (*range(201), 1000, 10**6, 2 * 10**6, 10**6 + 1)
_AGREEMENT = range(1, 201)
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)\s*(?:;|$)")
_PLURAL = re.compile(r"plural\s*=\s*([^;]+?)\s*;?\s*$")
_TABLE = Path(__file__).resolve().parent / "plural_forms.yaml"


class PluralFormsError(ValueError):
    """A Plural-Forms header that does not parse or is not self-consistent."""


@dataclass(frozen=True)
class PluralForms:
    """A catalog's plural forms: how many there are, and which one a number takes."""

    count: int
    expression: str
    rule: Callable[[int], int]

    @property
    def header(self) -> str:
        """The value of the ``Plural-Forms`` header."""
        return f"nplurals={self.count}; plural={self.expression};"

    def index(self, n: int) -> int | None:
        """The form ``n`` takes, or None where the formula fails or is out of range."""
        try:
            value = int(self.rule(n))
        except (ArithmeticError, ValueError, RecursionError):
            return None
        return value if 0 <= value < self.count else None


@functools.lru_cache(maxsize=64)
def parse(value: str) -> PluralForms:
    """Parse a ``Plural-Forms`` value safely (the formula is C, never Python to evaluate).

    Raises :class:`PluralFormsError` saying what is wrong.
    """
    parts = [p.strip() for p in value.split(";")]
    counts = [m.group(1) for p in parts if (m := _NPLURALS.fullmatch(p + ";"))]
    exprs = [m.group(1) for p in parts if (m := _PLURAL.fullmatch(p))]
    if len(counts) != 1 or len(exprs) != 1:
        raise PluralFormsError(f'"{value}" is not of the form "nplurals=N; plural=EXPRESSION;"')
    count = int(counts[0])
    if not 1 <= count <= MAX_FORMS:
        raise PluralFormsError(f"nplurals={count}: a language has from 1 to {MAX_FORMS} forms")
    expression = exprs[0].strip()
    try:
        # c2py accepts only n, numbers and C operators; anything else is a ValueError.
        rule = gettext.c2py(expression)
    except (ValueError, SyntaxError, RecursionError, MemoryError) as exc:
        raise PluralFormsError(f'the formula "{expression}" is not valid C: {exc}') from None
    return PluralForms(count, expression, rule)


@functools.lru_cache(maxsize=64)  # every catalog of a language has the same formula
def out_of_range(forms: PluralForms) -> str:
    """Why the formula is unusable whatever the language (empty when it is usable)."""
    for n in _SAMPLES:
        if forms.index(n) is None:
            return f"plural={forms.expression} gives no form below nplurals={forms.count} for n={n}"
    return ""


def consistency(forms: PluralForms, locale: Locale) -> list[str]:
    """What is inconsistent in ``forms`` for a catalog of ``locale`` (empty when none)."""
    if broken := out_of_range(forms):
        return [broken]
    cldr = locale.plural_form
    singular = forms.index(1)
    shared = [n for n in _AGREEMENT if forms.index(n) == singular]
    like_one = [n for n in _AGREEMENT if cldr(n) == cldr(1)]
    if shared == like_one:
        return []
    wrong = next(n for n in _AGREEMENT if (n in shared) != (n in like_one))
    if wrong in shared:
        what = f"{wrong} takes the same form as 1, but not in {locale.language}"
    else:
        what = f"{wrong} takes the same form as 1 in {locale.language}, but another one here"
    rule = cldr.rules.get("one")
    cldr_says = f"CLDR: one is {rule}" if rule else "CLDR: every number takes one form"
    return [f"plural={forms.expression}: {what} ({cldr_says})"]


@functools.cache
def _table() -> dict[str, dict[str, tuple[int, str]]]:
    """Language → style → (nplurals, formula)."""
    with _TABLE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {
        lang: {style: (int(v[0]), str(v[1])) for style, v in entry.items() if style in STYLES}
        for lang, entry in data.items()
    }


def default_forms(locale: Locale, style: str = "gettext") -> PluralForms:
    """The Plural-Forms a new catalog of ``locale`` gets, in the given style."""
    table = _table()
    regional = f"{locale.language}_{locale.territory}" if locale.territory else ""
    entry = table.get(regional) or table.get(str(locale.language))
    if entry is None:  # a language neither table knows: gettext's own default
        return parse("nplurals=2; plural=(n != 1);")
    count, formula = entry.get(style) or entry["gettext"]
    return parse(f"nplurals={count}; plural={formula};")
