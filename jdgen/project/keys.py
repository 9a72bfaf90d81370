"""The catalog key (msgctxt) of each role text: where it is, in words that survive edits.

A key names the role and the field, and a list item by its group's title rather than by
its position: ``ml-engineer-china:responsibilities[模型开发].items``, not
``…:responsibilities[0].items[3]``. Inserting, deleting or reordering items then changes no
key, so no translation is made fuzzy or lost; gettext matches an item by its key and its
text together. The field's family (the key without the brackets) lets ``i18n update``
recognise a text that moved to another group, and a reworded text in the same field.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: The fields that name an element of a list: a group's title, a skill's name...
LABELS = ("title", "name", "label", "level", "category")
_INDEXED = re.compile(r"(\w+)\[(\d+)\]")
_BRACKETED = re.compile(r"\[[^\]]*\]")
_LABEL_LENGTH = 60


def _label(text: str) -> str:
    flat = " ".join(text.replace("[", "(").replace("]", ")").split())
    return flat if len(flat) <= _LABEL_LENGTH else flat[: _LABEL_LENGTH - 1] + "…"


def stable_context(role_id: str, path: str, text_at: Callable[[str], str | None]) -> str:
    """The key of the text at model ``path`` (``responsibilities[0].items[3]``) of role
    ``role_id``; ``text_at`` gives the source text at another path of the same file."""
    parts = path.split(".")
    out = []
    for i, part in enumerate(parts):
        m = _INDEXED.fullmatch(part)
        if m is None:
            out.append(part)
            continue
        label = None
        rest = parts[i + 1 :]
        if rest and rest[0] not in LABELS:  # a field of the element, other than its label
            element = ".".join(parts[: i + 1])
            label = next((t for f in LABELS if (t := text_at(f"{element}.{f}"))), None)
        out.append(f"{m.group(1)}[{_label(label)}]" if label else m.group(1))
    return f"{role_id}:{'.'.join(out)}"


def field_family(context: str) -> str:
    """A key without its group names or positions: ``role:responsibilities.items``, which
    old index keys (``…[0].items[3]``) share with the new ones."""
    return _BRACKETED.sub("", context)
