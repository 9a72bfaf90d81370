"""Word classes of a rule pack: named lists of words (``classes:`` in
``rules/<language>.yaml``), each with the reason it is a class, that patterns use as
``{{name}}``. A rule is then a frame and a class ("{{origin}}人{{exclusion}}": any
province, region or people followed by any way of saying "need not apply"), so that a
new wording of a known kind is caught without anyone having written it first.

A class lists ``words`` (literal text, compiled to one regular expression that shares
their common openings, which keeps a class of a hundred names fast) and ``patterns``
(regular expressions); either may use other classes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_USE = re.compile(r"\{\{([a-z_]+)\}\}")


def _trie(words: Iterable[str]) -> str:
    """One regular expression for literal ``words``, longest first where two share an
    opening (so that "东北" does not stop the match of "东北三省")."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(tree)


def _branch(node: dict[str, Any]) -> str:
    parts = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not parts:
        return ""
    end = "" in node
    body = parts[0] if len(parts) == 1 and not end else "(?:" + "|".join(parts) + ")"
    if len(parts) == 1 and not end:
        return body
    return body + "?" if end else body


def expand(patterns: Iterable[str], classes: Mapping[str, Any]) -> list[str]:
    """``patterns`` with every ``{{name}}`` replaced by its class."""
    built: dict[str, str] = {}

    def build(name: str, seen: tuple[str, ...]) -> str:
        if name in built:
            return built[name]
        if name not in classes:
            raise KeyError(f"unknown word class {{{{{name}}}}}")
        if name in seen:
            raise ValueError(f"word class {name} uses itself")
        spec = classes[name]
        alternatives = [sub(p, (*seen, name)) for p in spec.get("patterns", ())]
        words = [w for w in spec.get("words", ()) if "{{" not in w]
        alternatives += [sub(w, (*seen, name)) for w in spec.get("words", ()) if "{{" in w]
        if words:
            alternatives.insert(0, _trie(words))
        built[name] = "(?:" + "|".join(alternatives) + ")"
        return built[name]

    def sub(pattern: str, seen: tuple[str, ...]) -> str:
        return _USE.sub(lambda m: build(m.group(1), seen), pattern)

    return [sub(p, ()) for p in patterns]
