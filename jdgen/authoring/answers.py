"""Reading what a person gives ``jdgen new``, at a prompt or as an option: one line of
text, a choice answered in the project's language, a country, a number of openings, an
amount. Each reader returns the value or raises :class:`AnswerError` saying what to type
instead; the CLI asks again (on a terminal) or exits 2 (an option).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from babel import Locale

from jdgen.foundation.data import read_data
from jdgen.foundation.locales import country_in

ANSWERS = Path(__file__).resolve().parent / "answers.yaml"
#: A role id names files (roles/<id>.yaml, role-<id>.po) and URLs: a file system allows
#: 255 bytes a name, and a URL should stay readable.
MAX_ID = 64
#: A title, a place or a country typed at a prompt.
MAX_LINE = 200
#: The most digits an amount may have (before the decimals): 10¹⁵ is far above any pay,
#: and Decimal, YAML and the schema all hold it.
MAX_DIGITS = 15
MAX_HEADCOUNT = 100_000
# Control characters (Unicode Cc: NUL, BEL, ESC, DEL, C1), line and paragraph separators,
# unpaired surrogates (bytes a terminal sent that are not UTF-8) and the bidi controls
# that make text read as something else (U+202E). None has a place in a one-line answer.
_FORBIDDEN = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    r"\ud800-\udfff]"
)


class AnswerError(ValueError):
    """An answer that cannot be used, and what to type instead."""


def line(text: str, what: str, required: bool = True) -> str:
    """One line of text, stripped: no control or bidi characters, not too long."""
    bad = _FORBIDDEN.search(text)
    if bad:
        char = bad.group(0)
        name = unicodedata.name(char, "")
        kind = f"U+{ord(char):04X} ({name})" if name else f"U+{ord(char):04X}, a control character,"
        raise AnswerError(f"{what}: {kind} is not text; leave it out")
    text = text.strip()
    if required and not text:
        raise AnswerError(f"{what}: an answer is needed")
    if len(text) > MAX_LINE:
        raise AnswerError(f"{what}: {len(text)} characters is too long (at most {MAX_LINE})")
    return text


def role_id_problem(role_id: str) -> str:
    """Why ``role_id`` cannot name a role, or "" if it can."""
    if len(role_id) > MAX_ID:
        return f"a role id of {len(role_id)} characters is too long (at most {MAX_ID})"
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", role_id):
        return f'"{_shown(role_id)}" is not a role id'
    return ""


def _shown(text: str) -> str:
    text = text if len(text) <= 40 else text[:40] + "…"
    return _FORBIDDEN.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def fold(text: str) -> str:
    """``text`` compared without case, accents, width or spacing ("Híbrido" = "hibrido")."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", " ", text).strip()


@functools.cache
def _words() -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = read_data(ANSWERS)
    return data


class Choice:
    """A closed choice (employment type, work arrangement, pay period) answered by its
    code, its label in the project's language or in English, or a word people use for it
    ("jornada completa", 全职)."""

    def __init__(self, codes: Sequence[str], language: str, label: Callable[[str], str]) -> None:
        self.codes = tuple(codes)
        self.labels = {code: label(code) for code in codes}
        words = _words()
        self._names: dict[str, str] = {}
        for code in codes:
            names = [code, self.labels[code], *words.get("en", {}).get(code, [])]
            names += words.get(language, {}).get(code, [])
            for name in names:
                self._names.setdefault(fold(name), code)

    def read(self, text: str, what: str) -> str:
        """The code ``text`` names."""
        answer = fold(line(text, what))
        code = self._names.get(answer)
        if code is None and answer:  # a unique beginning: "tiempo c", "hyb"
            found = {c for name, c in self._names.items() if name.startswith(answer)}
            code = found.pop() if len(found) == 1 else None
        if code is None:
            raise AnswerError(f"{what}: {self.shown()}")
        return code

    def shown(self) -> str:
        """The choices as the prompt shows them: "Tiempo completo, Tiempo parcial, ..."."""
        return ", ".join(self.labels[c] for c in self.codes)


def country(text: str, locale: Locale) -> str:
    """The ISO 3166 code of a country typed by name in the locale's language or English
    (España, 中国, Spain) or as its code (ES)."""
    answer = line(text, "country")
    code = answer.upper()
    if re.fullmatch(r"[A-Z]{2}", code) and code in Locale("en").territories:
        return code
    found = country_in(answer, locale)
    if found is None:
        raise AnswerError(f'country: "{answer}" is not a country; write its name or code (ES)')
    return found


def currency(text: str) -> str:
    """An ISO 4217 code (``eur`` is EUR); the hint for a common wrong one (RMB → CNY)."""
    from jdgen.project.values import CURRENCY

    code = line(text, "currency").upper()
    try:
        CURRENCY.convert(code)
    except ValueError as exc:
        hint = f" ({exc.args[1]})" if len(exc.args) > 1 and exc.args[1] else ""
        raise AnswerError(f"currency: {exc.args[0]}{hint}") from None
    return code


def headcount(text: str) -> int:
    """A number of openings, 1 or more."""
    answer = line(text, "headcount")
    if not re.fullmatch(r"\d{1,6}", answer) or not 1 <= int(answer) <= MAX_HEADCOUNT:
        raise AnswerError(f"headcount: a whole number from 1 to {MAX_HEADCOUNT:,}")
    return int(answer)


def bounded(text: str, what: str) -> str:
    """``text`` checked before an amount parser reads it: one line, not absurdly long."""
    answer = line(text, what, required=False)
    digits = len(re.findall(r"\d", answer))
    if digits > MAX_DIGITS + 4:  # room for decimals; the value is checked after parsing
        raise AnswerError(f"{what}: {digits} digits is not a pay (at most {MAX_DIGITS})")
    return answer


def check_amount(value: Decimal | None, what: str) -> Decimal | None:
    """An amount parsed from what was typed, refused if it is not a plausible number."""
    if value is None:
        return None
    if not value.is_finite() or value < 0 or value >= Decimal(10) ** MAX_DIGITS:
        raise AnswerError(f"{what}: {value:,.0f} is not a pay (below 10^{MAX_DIGITS})")
    return value
