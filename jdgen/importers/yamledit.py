"""Edit a role file in place: the owned keys take the import's values, and everything
else (the team's keys, comments, order, quoting) stays as it was.

This is ruamel.yaml's round-trip mode: it keeps comments, key order and quoting, which
PyYAML cannot, and hand-editing YAML text would not be robust. A new file is written by
PyYAML's C emitter (ruamel's emitter is pure Python: about 25 ms a role), in exactly the
layout ruamel writes back, so that a later edit changes only the lines it must. Role
files are still *read* by jdgen's own loader (safe, positioned); ruamel only edits them.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from jdgen.importers.rolefile import LOCATION_KEYS, OWNED, OWNED_SUB

#: No folding: one item, one line, so that a changed item is a one-line diff.
WIDTH = 1_000_000


class _Literal(str):
    """Text with line breaks: written as a literal block (``|-``)."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """PyYAML's safe dumper (the C one where it is built)."""


_Dumper.add_representer(
    _Literal, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", str(s), style="|")
)


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.width = WIDTH
    y.indent(mapping=2, sequence=2, offset=0)  # PyYAML's layout: "key:\n- item"
    y.allow_unicode = True
    y.preserve_quotes = True
    return y


def plain(value: Any) -> Any:
    """A loaded value as plain Python (for comparing what the file says)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


def _node(value: Any) -> Any:
    """Plain data as ruamel nodes: multi-line text as a literal block."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            if v is not None:
                out[k] = _node(v)
        return out
    if isinstance(value, list):
        return CommentedSeq(_node(v) for v in value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def _same_place(old: Any, new: dict[str, Any]) -> bool:
    if not isinstance(old, dict):
        return False
    keys = ("name", "city", "country")
    return all(plain(old.get(k)) == new.get(k) for k in keys)


def _locations(old: Any, new: list[dict[str, Any]]) -> Any:
    """The import's locations; each keeps the keys the team added to it."""
    olds = list(old) if isinstance(old, list) else []
    out = CommentedSeq()
    for loc in new:
        match = next((o for o in olds if _same_place(o, loc)), None)
        if match is None:
            out.append(_node(loc))
            continue
        for key in LOCATION_KEYS:
            _set(match, key, loc.get(key))
        out.append(match)
    return out


def _set(doc: Any, key: str, value: Any) -> bool:
    """Give ``doc[key]`` the import's value; True if that changed it. An owned key with
    no value is left as it is: the team may have filled a gap the ATS leaves."""
    if value is None:
        if key in doc and key in ("pay",):  # a place's pay is the ATS's alone
            del doc[key]
            return True
        return False
    if plain(doc.get(key)) == plain(value):
        return False
    if key in OWNED_SUB and isinstance(doc.get(key), dict):
        sub = doc[key]
        changed = False
        for name in OWNED_SUB[key]:
            changed |= _set(sub, name, value.get(name))
        return changed
    if key == "locations" and isinstance(doc.get(key), list):
        before = plain(doc[key])
        merged = _locations(doc[key], value)
        if plain(merged) == before:
            return False  # the same places; only keys the team added differ
        doc[key] = merged
        return True
    if key in doc:
        doc[key] = _node(value)
    else:
        _insert(doc, key, _node(value))
    return True


def _differs(doc: dict[str, Any], key: str, value: Any) -> bool:
    """Whether :func:`_set` would change ``doc[key]``: the same rules, on plain data."""
    if value is None:
        return key == "pay" and key in doc
    if plain(doc.get(key)) == plain(value):
        return False
    old = doc.get(key)
    if key in OWNED_SUB and isinstance(old, dict):
        return any(_differs(old, name, value.get(name)) for name in OWNED_SUB[key])
    if key == "locations" and isinstance(old, list):
        merged = []
        for loc in value:
            match = next((o for o in old if _same_place(o, loc)), None)
            if match is None:
                merged.append(loc)
                continue
            extra = {k: v for k, v in match.items() if k not in LOCATION_KEYS}
            merged.append({**extra, **loc})
        return bool(plain(merged) != plain(old))
    return True


def changes(data: dict[str, Any], old: Any) -> bool:
    """Whether the import's ``data`` would change a file that reads as ``old`` (loaded
    by the fast C loader): most files of a nightly import have not changed, and
    finding that out must not cost a round trip through ruamel."""
    if not isinstance(old, dict):
        return True
    return any(_differs(old, k, data.get(k)) for k in OWNED)


def _insert(doc: CommentedMap, key: str, value: Any) -> None:
    """Add ``key`` where a new file would have it: after the owned key before it."""
    at = len(doc)
    order = OWNED.index(key) if key in OWNED else len(OWNED)
    for i, existing in enumerate(doc):
        if existing in OWNED and OWNED.index(existing) > order:
            at = i
            break
    doc.insert(at, key, value)


def _literal(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _literal(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_literal(v) for v in value]
    if isinstance(value, str) and "\n" in value:
        return _Literal(value)
    return value


def new_file(data: dict[str, Any], header: str) -> str:
    """A new role file with the import's keys."""
    doc = _literal({k: data[k] for k in OWNED if data.get(k) is not None})
    body = yaml.dump(
        doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=WIDTH, indent=2
    )
    return "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines()) + body


def update_file(text: str, data: dict[str, Any]) -> tuple[str, list[str]]:
    """``text`` with the import's values; the owned keys that changed."""
    y = _yaml()
    doc = y.load(text)
    if not isinstance(doc, CommentedMap):
        raise ValueError("the file is not a mapping")
    changed = [k for k in OWNED if _set(doc, k, data.get(k))]
    if not changed:
        return text, []
    out = io.StringIO()
    y.dump(doc, out)
    return out.getvalue(), changed
