"""Load YAML into position-carrying nodes, safely.

We compose YAML into ``yaml.Node`` trees instead of Python objects: every node keeps
the file, line and column it came from, so that a value that is well-formed YAML but
wrong for the schema can still be reported where it stands. Only the standard YAML
tags are accepted; ``!!python/...`` and every other custom tag are refused, never
constructed. Aliases are allowed but their expanded size is bounded, so an alias bomb
("billion laughs") is an error instead of an exhausted machine.
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from jdgen.errors import InvalidInputError, Position, Problem
from jdgen.foundation.data import SAFE_LOADER
from jdgen.foundation.text import CHARACTER_HINT, character_problem

#: The tags a document may use (implicitly or explicitly). Anything else is refused.
STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge", "binary")
)
MERGE_TAG = "tag:yaml.org,2002:merge"

#: The most nodes a document may expand to through aliases, or hold at all.
MAX_EXPANDED_NODES = 100_000
#: The deepest a document may nest lists and mappings (a role needs a handful of levels;
#: a limit far below Python's recursion limit keeps every later step safe).
MAX_DEPTH = 100


class _NamedText(io.StringIO):
    """A text stream with a ``name``, so that every mark carries the display path."""

    def __init__(self, text: str, name: str) -> None:
        super().__init__(text)
        self.name = name


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its display path, and its root node (``None`` if empty)."""

    path: str
    root: yaml.Node | None


def position(node: yaml.Node | None, fallback: str = "") -> Position:
    """The 1-based position where ``node`` starts."""
    if node is None or node.start_mark is None:
        return Position(fallback)
    mark = node.start_mark
    return Position(mark.name or fallback, mark.line + 1, mark.column + 1)


def _mark_position(mark: yaml.Mark | None, path: str) -> Position:
    if mark is None:
        return Position(path)
    return Position(path, mark.line + 1, mark.column + 1)


def read_text(path: Path, display: str) -> str:
    """Read a UTF-8 file (a BOM is allowed), or raise a positioned error. Only a regular
    file is opened: reading a FIFO would wait forever."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode) and not path.is_dir():
            raise InvalidInputError(
                Problem(
                    "is not a regular file (a FIFO, a device or a socket)",
                    Position(display),
                    hint="give a YAML file",
                )
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInputError(Problem("file not found", Position(display))) from None
    except IsADirectoryError:
        raise InvalidInputError(
            Problem("is a directory, expected a file", Position(display))
        ) from None
    except OSError as exc:
        raise InvalidInputError(
            Problem(f"cannot read file: {exc.strerror}", Position(display))
        ) from None
    return decode_utf8(data, display)


def decode_utf8(data: bytes, display: str, what: str = "file") -> str:
    """``data`` as text (a BOM is allowed), or an error at the line and column of the
    first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InvalidInputError(
            Problem(
                f"{what} is not valid UTF-8",
                Position(display, line, col),
                hint="save it as UTF-8; every editor can",
            )
        ) from None


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _too_deep(text: str, display: str) -> Problem:
    """Where the flow nesting of ``text`` first passes MAX_DEPTH (or its start)."""
    depth, where = 0, 0
    for index, char in enumerate(text):
        depth += (char in "[{") - (char in "]}")
        if depth > MAX_DEPTH:
            where = index
            break
    return Problem(
        f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
        Position(display, *_line_column(text, where)),
        hint="a role needs a few levels; flatten the structure",
    )


def parse_yaml(text: str, display: str) -> Document:
    """Compose ``text`` into a node tree, refusing unsafe or unbounded documents."""
    loader = SAFE_LOADER(_NamedText(text, display))
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(s for s in (exc.context, exc.problem) if s) or "invalid YAML"
        raise InvalidInputError(
            Problem(
                f"invalid YAML: {message.strip()}",
                _mark_position(mark, display),
                hint=_syntax_hint(exc, text),
            )
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InvalidInputError(
            Problem(
                f"invalid YAML: the character U+{code:04X} is not allowed "
                "(control characters cannot appear in YAML, even quoted)",
                Position(display, *_line_column(text, exc.position)),
                hint="remove it, or write it as an escape in a double-quoted string",
            )
        ) from None
    except yaml.YAMLError as exc:
        raise InvalidInputError(Problem(f"invalid YAML: {exc}", Position(display))) from None
    except RecursionError:  # the pure-Python composer, on a very deep document
        raise InvalidInputError(_too_deep(text, display)) from None
    finally:
        loader.dispose()
    if root is not None:
        problems = _check_tree(root, display, loader)
        if problems:
            raise InvalidInputError(problems)
    return Document(display, root)


def load_yaml(path: Path, display: str | None = None) -> Document:
    """Read and compose one YAML file. ``display`` is the path shown in messages."""
    shown = display if display is not None else path.as_posix()
    return parse_yaml(read_text(path, shown), shown)


def _syntax_hint(exc: yaml.MarkedYAMLError, text: str = "") -> str:
    problem = exc.problem or ""
    mark = exc.problem_mark
    at = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted"
    if "found character '\\t'" in problem or at == "\t":
        return "indent with spaces; YAML does not allow tabs"
    if "undefined alias" in problem:
        return "define the anchor (&name) before using the alias (*name)"
    if "expected a single document" in problem:
        return "put one role in each file"
    return ""


def _check_tree(root: yaml.Node, display: str, loader: yaml.SafeLoader) -> list[Problem]:
    """Refuse custom tags, expand merge keys, and bound the size that aliases expand to."""
    problems: list[Problem] = []
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    aliased = False

    def visit(node: yaml.Node, depth: int = 0) -> int:
        nonlocal aliased
        key = id(node)
        if key in sizes:
            aliased = True  # a node used again: an alias
            return sizes[key]
        if depth > MAX_DEPTH:
            problems.append(
                Problem(
                    f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                    position(node, display),
                    hint="a role needs a few levels; flatten the structure",
                )
            )
            return MAX_EXPANDED_NODES + 1
        if key in in_progress:  # a recursive alias: the node contains itself
            problems.append(
                Problem("a YAML alias refers to a node that contains it", position(node, display))
            )
            return MAX_EXPANDED_NODES + 1
        in_progress.add(key)
        if node.tag not in STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            problems.append(
                Problem(
                    f"the YAML tag {tag} is not allowed",
                    position(node, display),
                    hint="jdgen reads plain data only; remove the tag",
                )
            )
        size = 1
        if isinstance(node, yaml.ScalarNode) and (why := character_problem(node.value)):
            # YAML's reader refuses a control character as it is, but not written as an
            # escape in a double-quoted string ("\e[2J", "\x07"): the value holds it.
            problems.append(
                Problem(f"the value {why}", position(node, display), hint=CHARACTER_HINT)
            )
        if isinstance(node, yaml.MappingNode):
            if any(k.tag == MERGE_TAG for k, _ in node.value):
                _merge_keys(node, loader, display, problems)
            for k, v in node.value:
                size += visit(k, depth + 1) + visit(v, depth + 1)
                if size > MAX_EXPANDED_NODES:
                    break
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                size += visit(item, depth + 1)
                if size > MAX_EXPANDED_NODES:
                    break
        in_progress.discard(key)
        sizes[key] = size
        return size

    if visit(root) > MAX_EXPANDED_NODES and not problems:
        if aliased:
            problems.append(
                Problem(
                    f"the document expands to more than {MAX_EXPANDED_NODES:,} values "
                    "through aliases",
                    position(root, display),
                    hint="YAML aliases are copied on every use; share content with `extends`",
                )
            )
        else:
            problems.append(
                Problem(
                    f"the document holds more than {MAX_EXPANDED_NODES:,} values",
                    position(root, display),
                    hint="a role is a few hundred values; split it into roles or families",
                )
            )
    return problems


def _merge_keys(
    node: yaml.MappingNode, loader: yaml.SafeLoader, display: str, problems: list[Problem]
) -> None:
    """Expand the merge keys (``<<: *base``) of a mapping, as YAML 1.1 defines them: a key
    written in the mapping itself wins over a merged one, and an earlier merged mapping
    over a later one; only keys written twice in the mapping itself stay, to be reported."""
    own = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.tag != MERGE_TAG}
    explicit = {id(k) for k, _ in node.value if k.tag != MERGE_TAG}
    try:
        loader.flatten_mapping(node)
    except yaml.constructor.ConstructorError as exc:
        problems.append(
            Problem(
                f"invalid merge key (<<): {exc.problem}",
                _mark_position(exc.problem_mark, display),
            )
        )
        return
    merged_seen: set[object] = set()
    pairs = []
    for k, v in node.value:
        if id(k) not in explicit:  # came from a merge
            name = k.value if isinstance(k, yaml.ScalarNode) else id(k)
            if name in own or name in merged_seen:
                continue
            merged_seen.add(name)
        pairs.append((k, v))
    node.value = pairs


def merge_nodes(
    parent: yaml.Node, child: yaml.Node, skip: frozenset[str] = frozenset()
) -> yaml.Node:
    """Deep-merge two mapping nodes; the child's values win, lists are replaced.

    Top-level keys in ``skip`` are not taken from the parent.
    """
    if not (isinstance(parent, yaml.MappingNode) and isinstance(child, yaml.MappingNode)):
        return child
    parent_values = {k.value: v for k, v in parent.value if isinstance(k, yaml.ScalarNode)}
    child_keys = {k.value for k, _ in child.value if isinstance(k, yaml.ScalarNode)}
    # The parent's own keys first, in its order; then the child's pairs, merged with the
    # parent's value where both have one. Duplicate keys survive, to be reported.
    pairs: list[tuple[yaml.Node, yaml.Node]] = [
        (k, v)
        for k, v in parent.value
        if isinstance(k, yaml.ScalarNode) and k.value not in child_keys and k.value not in skip
    ]
    for k, v in child.value:
        base = parent_values.get(k.value) if isinstance(k, yaml.ScalarNode) else None
        pairs.append((k, merge_nodes(base, v) if base is not None else v))
    return yaml.MappingNode(child.tag, pairs, child.start_mark, child.end_mark, child.flow_style)
