"""The core of the schema: a checker that collects every problem with its position,
and the :class:`Spec` every validator implements (checking a YAML node and describing
itself as JSON Schema)."""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any, ClassVar, Generic, TypeVar

import yaml

from jdgen.errors import Position, Problem, Problems
from jdgen.project.load import position

T = TypeVar("T")

STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _Invalid:
    """The result of a check that failed; its problems are already recorded."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclasses.dataclass
class Checker:
    """State of one validation pass: the problems found and where values came from."""

    problems: Problems = dataclasses.field(default_factory=Problems)
    #: When true, required fields may be missing (a role family is incomplete by design).
    partial: bool = False
    #: Where each scalar value came from, by field path; used by catalogs and lint.
    positions: dict[str, Position] = dataclasses.field(default_factory=dict)
    #: Every translatable text by its model path (the path ``map_text`` walks), with
    #: where it was written. Catalog contexts are built from these paths.
    texts: dict[str, tuple[str, Position]] = dataclasses.field(default_factory=dict)

    def rekey_texts(self, old: str, new: str) -> None:
        """Move texts recorded under path ``old`` (and below it) to path ``new``."""
        if old == new:
            return
        for key in [k for k in self.texts if k == old or k.startswith((old + ".", old + "["))]:
            self.texts[new + key[len(old) :]] = self.texts.pop(key)

    def error(self, node: yaml.Node | None, field: str, message: str, hint: str = "") -> Any:
        self.problems.add(Problem(message, position(node), field, hint))
        return INVALID


def describe(node: yaml.Node) -> str:
    """How a node reads to a user, for "expected X, got Y" messages."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == NULL_TAG:
        return "nothing (null)"
    kind = {
        INT_TAG: "a number",
        FLOAT_TAG: "a number",
        BOOL_TAG: "a boolean",
        TIMESTAMP_TAG: "a date",
    }.get(node.tag, "text")
    value = str(node.value)
    shown = value if len(value) <= 40 else value[:37] + "..."
    return f'{kind} "{shown}"'


def is_null(node: yaml.Node | None) -> bool:
    return node is None or (isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG)


class Spec(Generic[T]):
    """A validator: checks a node and converts it to a typed value, or returns INVALID."""

    #: Whether the value is prose that translators translate (see ``jdgen.catalogs``).
    translatable: ClassVar[bool] = False

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> T:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def expected(self) -> str:
        """A short phrase for messages: what a valid value looks like."""
        raise NotImplementedError


def scalar_text(node: yaml.Node, field: str, ctx: Checker, expected: str) -> str | None:
    if not isinstance(node, yaml.ScalarNode):
        ctx.error(node, field, f"expected {expected}, got {describe(node)}")
        return None
    # Plain scalars are read as written: `country: NO` stays "NO", `version: 1.10` "1.10".
    return str(node.value)


WIDE = ("W", "F")


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in WIDE


def join_lines(lines: list[str]) -> str:
    """Join wrapped source lines into one: a space between words, none between CJK."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and not (is_wide(out[-1]) and is_wide(line[0])):
            out += " "
        out += line
    return out
