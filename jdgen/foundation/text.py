"""The characters no text jdgen reads may hold, checked the same way on every surface:
role and config values (YAML escapes such as ``"\\e[2J"`` or ``"\\x07"`` get past the YAML
reader's own rule), catalog entries, XLIFF targets.

A control character can clear a terminal, ring a bell or hide text in every format
jdgen writes; XML cannot hold most of them at all. The line and paragraph separators
(U+2028, U+2029) and NEL (U+0085) are line breaks to some readers and not to others (a
PO file read line by line splits there), so a text that holds one reads differently in
each tool. A tab and a line feed are text.
"""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def forbidden_character(text: str) -> tuple[int, str] | None:
    """The first character of ``text`` that no text may hold, with its offset (or None)."""
    found = _FORBIDDEN.search(text)
    return (found.start(), found.group(0)) if found else None


def describe_character(char: str) -> str:
    """``U+001B (ESCAPE)``: a character as a message names it, whatever the terminal."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "a control character")
    return f"U+{ord(char):04X} ({name})"


def character_problem(text: str) -> str:
    """Why ``text`` cannot be used (empty when it can): the first forbidden character,
    where it is and what it is, as a predicate ("the value " + it reads as a sentence)."""
    found = forbidden_character(text)
    if found is None:
        return ""
    at, char = found
    return f"holds the character {describe_character(char)} at character {at + 1}"


CHARACTER_HINT = "remove it: no output may hold a control character or a line separator"

# unicodedata names no C0 or C1 control; these are the ones people meet.
_CONTROL_NAMES = {
    "\x00": "NUL",
    "\x07": "BEL",
    "\x08": "BACKSPACE",
    "\x0b": "VERTICAL TAB",
    "\x0c": "FORM FEED",
    "\r": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}
