"""The Spanish generic masculine, and its mirror, a feminine job noun for the person hired,
judged against the project's inclusive style (slash, doubled or neutral)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from jdgen.lint.rules import FIELD_BREAK, Rule


@dataclass(frozen=True)
class Hit:
    rule: Rule
    start: int
    end: int
    text: str
    message: str


_HIRING = re.compile(
    r"(?:\bse\s+)?(?:busc|necesit|precis|seleccion|incorpor|contrat|requier|solicit|ofert)\w*"
    r"(?:\s+(?:a|de|un|una|unos|el|los|como|para))*\s+$",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"(?:report\w*|depend\w*|supervisi[óo]n|cargo|junto|coordinad\w*|colabor\w*|con)\s+"
    r"(?:a|al|del|de|el|con el)?\s*$",
    re.IGNORECASE,
)
_NAME_AFTER = re.compile(r"[^.;\n]{0,40}?[,(]\s*[A-ZÁÉÍÓÚ][a-záéíóúñ]+\s+[A-ZÁÉÍÓÚ][a-záéíóúñ]+")
_FEMININE = {"jefe": "jefa", "dependiente": "dependienta"}
# A feminine job noun that opens a line ("Dependienta — tienda de moda", "Azafatas de
# congresos para…") is the title of the posting: it names the person hired.
_LINE_OPENING = re.compile(
    r"\s*(?:[-*•]\s*)?(?:se\s+(?:busca|buscan|necesita|necesitan|precisa|precisan)\s+)?", re.I
)
_TITLE_AFTER = re.compile(r"\s*(?:$|\n|[—–\-:(,.]|(?:de|para|en|con|a|al)\b)", re.I)


def _forms(noun: str) -> tuple[str, str]:
    """A role noun's stem and the endings of its masculine forms."""
    if noun.endswith("o"):
        return noun[:-1], "o|os"
    if noun.endswith("or"):
        return noun, "|es"
    if noun in _FEMININE:
        return noun[:-1], "e|es"
    return noun, "|s|es"


@dataclass(frozen=True)
class _Lexicon:
    candidates: frozenset[str]
    masculine: re.Pattern[str]
    base: dict[str, str]  # every masculine form -> its noun
    feminine: re.Pattern[str]
    feminine_base: dict[str, str]  # every feminine form -> its (masculine) noun


@functools.cache
def _lexicon(candidates: tuple[str, ...], roles: tuple[str, ...]) -> _Lexicon:
    variable = [n for n in candidates + roles if n.endswith(("o", "or")) or n in _FEMININE]
    base: dict[str, str] = {}
    for noun in variable:
        stem, endings = _forms(noun)
        for ending in endings.split("|"):
            base.setdefault(stem + ending, noun)
    alternatives = "|".join(re.escape(f) for f in sorted(base, key=len, reverse=True))
    masculine = re.compile(
        rf"(?<![\w/])(?P<article>(?:el|los|un|unos|al|del)\s+)?(?P<noun>{alternatives})"
        rf"(?P<after>/as?|\(as?\)|\s+(?:y|e|o)\s+\w+as\b)?(?![\w/])",
        re.IGNORECASE,
    )
    feminine_base: dict[str, str] = {}
    for noun in variable:
        feminine_base.setdefault(_feminine(noun), noun)
        feminine_base.setdefault(_feminine(noun) + "s", noun)
    alternatives = "|".join(re.escape(f) for f in sorted(feminine_base, key=len, reverse=True))
    feminine = re.compile(
        rf"(?<![\w/])(?P<noun>{alternatives})"
        rf"(?P<after>/os?|\(os?\)|\s+(?:y|e|o|u)\s+\w+[oe]s?\b)?(?![\w/])",
        re.IGNORECASE,
    )
    return _Lexicon(frozenset(candidates), masculine, base, feminine, feminine_base)


def _is_title(text: str, at: int) -> bool:
    """Whether ``at`` starts a short one-line text, such as a job title."""
    begin = text.rfind(FIELD_BREAK, 0, at)
    begin = 0 if begin < 0 else begin + len(FIELD_BREAK)
    end = text.find(FIELD_BREAK, at)
    field = text[begin : end if end >= 0 else len(text)].strip()
    return not text[begin:at].strip() and len(field.split()) <= 8 and "\n" not in field


def spanish_masculine(rule_: Rule, text: str, style: str) -> list[Hit]:
    """The generic masculine for the candidate, judged against the project's style.

    Candidate nouns (el candidato, los interesados) always count. Role nouns count when
    they name the person hired: with an article ("un ingeniero"), after a hiring verb
    ("se busca camarero", "buscamos profesores nativos"), or as a title ("Jefe de
    obra"); not in a reporting line ("reportarás al director de seguridad, Ana Ruiz")
    nor for colleagues ("trabajarás con ingenieros")."""
    hits = []
    lexicon = _lexicon(
        tuple(rule_.data.get("candidate_nouns", [])), tuple(rule_.data.get("role_nouns", []))
    )
    candidates = lexicon.candidates
    for m in lexicon.masculine.finditer(text):
        noun = m.group("noun").lower()
        base = lexicon.base.get(noun)
        if base is None or m.group("after"):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if base not in candidates:
            named = m.group("article") and not noun.endswith("s")
            hired = _HIRING.search(text[max(0, m.start("noun") - 40) : m.start("noun")])
            heading = _is_title(text, m.start())
            if not (named or hired or heading):
                continue
            if _REPORTING.search(before) or _NAME_AFTER.match(text, m.end()):
                continue  # an existing person, not the one hired
        hint = suggestions_for(style, base)
        hits.append(
            Hit(
                rule_,
                m.start("noun"),
                m.end("noun"),
                m.group("noun"),
                f'"{m.group(0).strip()}" es masculino genérico; escribe "{hint}"',
            )
        )
    return hits + _feminine_only(rule_, text, lexicon, style)


def _feminine(noun: str) -> str:
    return _FEMININE.get(noun) or (noun[:-1] + "a" if noun.endswith("o") else noun + "a")


def suggestions_for(style: str, base: str) -> str:
    forms = {"slash": "{m}/a", "doubled": "{m}s y {f}s", "neutral": "la persona {f}"}
    return forms[style].format(m=base, f=_feminine(base))


def _feminine_only(rule_: Rule, text: str, lexicon: _Lexicon, style: str) -> list[Hit]:
    """A feminine job noun for the person hired ("se busca camarera", "buscamos
    dependienta joven") asks for a woman, as the masculine asks for a man."""
    hits = []
    for m in lexicon.feminine.finditer(text):
        noun = m.group("noun")
        base = lexicon.feminine_base.get(noun.lower())
        before = text[max(0, m.start() - 40) : m.start()]
        if base is None or m.group("after") or re.search(r"persona\s+$|/\s*$", before, re.I):
            continue
        if re.search(rf"\b{re.escape(base)}e?s?\s+(?:y|e|o|u)\s+$", before, re.I):
            continue  # "camareros y camareras": both are named
        line = text.rfind("\n", 0, m.start()) + 1
        opening = _LINE_OPENING.fullmatch(text, line, m.start())
        titled = opening and _TITLE_AFTER.match(text, m.end())
        if not (_HIRING.search(before) or titled):
            continue
        hint = suggestions_for(style, base)
        message = f'"{noun}" pide una mujer; escribe "{hint}"'
        hits.append(Hit(rule_, m.start(), m.end("noun"), noun, message))
    return hits
