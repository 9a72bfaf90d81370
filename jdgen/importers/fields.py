"""Small fields every source has in its own spelling: dates, employment types, the
language of a text, the role id a title gives."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import unicodedata
from typing import Any

from jdgen.importers.posting import Posting

#: Employment types as ATSs spell them (lower case, letters only) → jdgen's.
_EMPLOYMENT = {
    "fulltime": "full-time",
    "fulltimepermanent": "full-time",
    "fulltimefixedterm": "temporary",
    "permanent": "full-time",
    "regular": "full-time",
    "tiempocompleto": "full-time",
    "jornadacompleta": "full-time",
    "全职": "full-time",
    "vollzeit": "full-time",
    "pełnyetat": "full-time",
    "cdi": "full-time",
    "parttime": "part-time",
    "parttimepermanent": "part-time",
    "parttimefixedterm": "part-time",
    "mediotiempo": "part-time",
    "mediajornada": "part-time",
    "tiempoparcial": "part-time",
    "兼职": "part-time",
    "teilzeit": "part-time",
    "contract": "contract",
    "contractor": "contract",
    "contracttohire": "contract",
    "freelance": "contract",
    "freelancer": "contract",
    "b2b": "contract",
    "contrato": "contract",
    "外包": "contract",
    "temporary": "temporary",
    "temp": "temporary",
    "fixedterm": "temporary",
    "seasonal": "temporary",
    "temporal": "temporary",
    "cdd": "temporary",
    "befristet": "temporary",
    "临时": "temporary",
    "intern": "internship",
    "internship": "internship",
    "trainee": "internship",
    "workingstudent": "internship",
    "werkstudent": "internship",
    "prácticas": "internship",
    "practicas": "internship",
    "pasantía": "internship",
    "pasantia": "internship",
    "becario": "internship",
    "实习": "internship",
    "实习生": "internship",
    "praktikum": "internship",
    "volunteer": "volunteer",
    "voluntariado": "volunteer",
    "perdiem": "per-diem",
}


def employment_type(value: Any) -> str | None:
    """jdgen's employment type for an ATS's spelling ("FullTime", "FULL_TIME",
    "Tiempo completo", "全职"); None if it is none of them."""
    if not isinstance(value, str):
        return None
    key = re.sub(r"[\W_]+", "", value.casefold())
    return _EMPLOYMENT.get(key)


def set_employment_type(posting: Posting, value: str | None, where: str) -> None:
    """Give ``posting`` the employment type the source spells ``value``, or report at
    ``where``, the source's field, that jdgen has none such."""
    if not value:
        return
    posting.employment_type = employment_type(value)
    if posting.employment_type is None:
        posting.skip(where, f"“{value}” is no jdgen employment type")


def date(value: Any) -> dt.date | None:
    """The calendar date of an ISO 8601 timestamp, an RFC 822 date or epoch
    milliseconds, as written (in the offset the source wrote, never the machine's)."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return dt.datetime.fromtimestamp(value / 1000, dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


_HAN = re.compile(r"[\u3400-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_STOPWORDS = {
    "es": {"el", "la", "de", "que", "y", "en", "los", "las", "con", "para", "por", "una", "del"},
    "en": {"the", "and", "of", "to", "in", "with", "for", "you", "our", "we", "a", "is", "are"},
    "pt": {"o", "a", "de", "que", "e", "em", "os", "com", "para", "uma", "não", "você", "do"},
    "de": {"der", "die", "und", "das", "mit", "für", "wir", "sie", "ist", "zu", "ein", "du"},
    "fr": {"le", "la", "et", "les", "des", "pour", "avec", "vous", "nous", "une", "est", "du"},
}


def detect_language(text: str) -> str | None:
    """A guess at the language of a posting's text, from its script and its commonest
    words; None when there is too little text to tell."""
    sample = text[:20000]
    letters = sum(1 for ch in sample if ch.isalpha())
    if not letters:
        return None
    if len(_KANA.findall(sample)) > letters * 0.05:
        return "ja"
    if len(_HANGUL.findall(sample)) > letters * 0.2:
        return "ko"
    if len(_HAN.findall(sample)) > letters * 0.2:
        return "zh"
    words = re.findall(r"[a-zà-öø-ÿ]+", sample.casefold())
    if len(words) < 5:
        return None
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 2 else None


def slug(text: str) -> str:
    """A role id from a title: ASCII letters and digits joined by hyphens ("Frontend /
    Backend Engineer" → "frontend-backend-engineer"); "" when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words)[:60].strip("-")
    return out
