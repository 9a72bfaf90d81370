"""Whether a translation of a template string can stand in for its source.

Template strings are format strings: Jinja formats every one with ``%`` and named
placeholders (``%(title)s``; a literal percent sign is ``%%``), and jdgen's own code
formats those with braces with ``str.format`` (``{amount}``). A translation that breaks
the format (a lone ``%``, a renamed ``{cantidad}``, an unbalanced brace, a ``{x.attr}``
lookup) would stop every build, so it is reported by ``jdgen i18n check`` and, at render
time, the source text is shown instead with a warning.

Template strings are also plain words: a translation may not add markup its source does
not have (``<``, a link, a line break), so that no translator, however well-meaning or
not, can put HTML, a script or a link on the site.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

_BRACE_FIELD = re.compile(r"(?<!\{)\{(\w*)\}(?!\})")
_PERCENT = re.compile(
    r"%(?:\((?P<name>[^()]*)\))?[-#0 +]*(?:\d+)?(?:\.\d+)?(?P<type>[diouxXeEfFgGcrsa%])"
)
_LINK = re.compile(r"\]\(|<[a-zA-Z][a-zA-Z0-9+.-]*:|\b(?:javascript|vbscript|data):", re.I)


def brace_style(sources: Sequence[str]) -> bool:
    """Whether the source is formatted with ``str.format`` (it has ``{name}`` fields)."""
    return any(_BRACE_FIELD.search(s) for s in sources)


def percent_names(text: str) -> set[str]:
    return {m.group("name") for m in _PERCENT.finditer(text) if m.group("name")}


def _percent_problem(sources: Sequence[str], translation: str) -> str:
    allowed = set().union(*(percent_names(s) for s in sources))
    position = 0
    while (i := translation.find("%", position)) >= 0:
        m = _PERCENT.match(translation, i)
        if m is None:
            return 'a lone "%" (write "%%" for a percent sign)'
        name = m.group("name")
        if m.group("type") != "%":
            if not name:
                return f'"{m.group(0)}" has no name; use the names of the source\'s placeholders'
            if name not in allowed:
                return f'the placeholder "%({name})s" is not in the source'
        position = m.end()
    return ""


def _brace_problem(sources: Sequence[str], translation: str) -> str:
    allowed = {m.group(1) for s in sources for m in _BRACE_FIELD.finditer(s)}
    try:
        fields = list(string.Formatter().parse(translation))
    except ValueError:
        return 'an unbalanced "{" or "}" (write "{{" or "}}" for a brace)'
    for _, name, spec, _ in fields:
        if name is None:
            continue
        if name not in allowed:
            return f'the placeholder "{{{name}}}" is not in the source'
        if spec and "{" in spec:
            return f'the placeholder "{{{name}}}" has a nested field'
    return ""


def format_problem(sources: Sequence[str], translation: str) -> str:
    """Why ``translation`` cannot be formatted like its source (empty when it can).

    ``sources`` is the msgid, or the msgid and msgid_plural of a plural entry.
    """
    if brace_style(sources):
        return _brace_problem(sources, translation)
    return _percent_problem(sources, translation)


def markup_problem(sources: Sequence[str], translation: str) -> str:
    """Why ``translation`` adds markup its source does not have (empty when it adds none)."""
    if "<" in translation and not any("<" in s for s in sources):
        return 'it adds "<", which could open HTML; template strings are plain text'
    if _LINK.search(translation) and not any(_LINK.search(s) for s in sources):
        return "it adds a link, which template strings may not carry"
    if "\n" in translation and not any("\n" in s for s in sources):
        return "it adds a line break, which could start a new block of the page"
    return control_problem(translation)


def control_problem(translation: str) -> str:
    """Why a translation of any kind holds a character no page may show (or empty)."""
    m = _CONTROL.search(translation)
    return f"it holds the control character U+{ord(m.group()):04X}" if m else ""


#: C0 controls but a tab and a line break, DEL and the C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def template_problem(sources: Sequence[str], translation: str) -> str:
    """Why a template string's translation cannot be used, or an empty string."""
    return format_problem(sources, translation) or markup_problem(sources, translation)


#: What ``jdgen i18n check`` counts as a placeholder, in any catalog.
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")


def placeholders(text: str) -> list[str]:
    """The placeholders of a text, sorted: ``{name}``, ``%(name)s``, ``%s``."""
    return sorted(m.group(0) for m in PLACEHOLDER.finditer(text))


def role_text_problem(sources: Sequence[str], translation: str) -> str:
    """Why a translation of a role's text cannot be shown (empty when it can): it holds
    other placeholders than its source (one lost, renamed or made up: a text that reads
    wrong on the page), or a character no output may hold."""
    allowed = [placeholders(s) for s in sources]
    found = placeholders(translation)
    if found not in allowed:
        return (
            f"the placeholders differ: the source has {', '.join(allowed[-1]) or 'none'}, "
            f"the translation {', '.join(found) or 'none'}"
        )
    return control_problem(translation)
