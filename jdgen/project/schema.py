"""A small declarative schema: reusable validators over position-carrying YAML nodes.

Models are frozen dataclasses whose fields are declared with :func:`spec`, one line
each. :class:`Struct` validates a mapping node against such a dataclass, collecting
every problem (wrong types, unknown keys with a did-you-mean, missing fields) before
giving up, and builds the typed object. Each validator can also describe itself as
JSON Schema, so the editor schema is generated from the very code that loads roles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Generic, TypeVar

import yaml

from jdgen.errors import Position, Problem, Problems, did_you_mean
from jdgen.project.load import position

T = TypeVar("T")

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


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
    if node.tag == _NULL:
        return "nothing (null)"
    kind = {_INT: "a number", _FLOAT: "a number", _BOOL: "a boolean", _TIMESTAMP: "a date"}.get(
        node.tag, "text"
    )
    value = str(node.value)
    shown = value if len(value) <= 40 else value[:37] + "..."
    return f'{kind} "{shown}"'


def is_null(node: yaml.Node | None) -> bool:
    return node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL)


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


def _scalar_text(node: yaml.Node, field: str, ctx: Checker, expected: str) -> str | None:
    if not isinstance(node, yaml.ScalarNode):
        ctx.error(node, field, f"expected {expected}, got {describe(node)}")
        return None
    # Plain scalars are read as written: `country: NO` stays "NO", `version: 1.10` "1.10".
    return str(node.value)


_WIDE = ("W", "F")


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in _WIDE


def join_lines(lines: list[str]) -> str:
    """Join wrapped source lines into one: a space between words, none between CJK."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and not (_is_wide(out[-1]) and _is_wide(line[0])):
            out += " "
        out += line
    return out


class Str(Spec[str]):
    """A single line of plain text (identifiers, names, codes)."""

    def __init__(
        self,
        pattern: str | None = None,
        hint: str = "",
        max_length: int | None = None,
        example: str = "",
    ) -> None:
        self.pattern = re.compile(pattern) if pattern else None
        self.hint = hint
        self.max_length = max_length
        self.example = example

    def expected(self) -> str:
        return "text"

    def normalize(self, text: str) -> str:
        return join_lines(text.splitlines())

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> str:
        raw = _scalar_text(node, field, ctx, self.expected())
        if raw is None:
            return INVALID
        text = self.normalize(raw)
        if not text:
            return ctx.error(node, field, f"expected {self.expected()}, got empty text")
        if self.pattern and not self.pattern.fullmatch(text):
            return ctx.error(node, field, f'"{text}" is not {self.expected()}', self.hint)
        if self.max_length and len(text) > self.max_length:
            return ctx.error(
                node,
                field,
                f"is {len(text)} characters, at most {self.max_length} allowed",
            )
        ctx.positions[field] = position(node)
        return text

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.pattern:
            out["pattern"] = "^(?:" + self.pattern.pattern + ")$"
        if self.max_length:
            out["maxLength"] = self.max_length
        if self.example:
            out["examples"] = [self.example]
        return out


_BAD_LINK = re.compile(r"(?i)(?:\]\(\s*<?|<)\s*(javascript|vbscript|data)\s*:")


class Prose(Str):
    """Translatable prose with inline Markdown; links may not run script."""

    translatable = True

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> str:
        text = super().check(node, field, ctx)
        if text is not INVALID:
            ctx.texts[field] = (text, position(node))
            m = _BAD_LINK.search(html.unescape(text))
            if m:
                return ctx.error(
                    node,
                    field,
                    f"links may not use the {m.group(1).lower()}: scheme",
                    "link to an https:// address",
                )
        return text


class Line(Prose):
    """One line of translatable prose; inline Markdown (emphasis, links) is allowed."""

    def expected(self) -> str:
        return "a line of text"


class Text(Prose):
    """Translatable prose in paragraphs (separated by blank lines), inline Markdown allowed."""

    def expected(self) -> str:
        return "text"

    def normalize(self, text: str) -> str:
        paragraphs = re.split(r"\n[ \t]*\n", text.strip())
        return "\n\n".join(p for p in (join_lines(x.splitlines()) for x in paragraphs) if p)


class Slug(Str):
    """A safe identifier: lower-case letters, digits and hyphens; never a path."""

    def __init__(self) -> None:
        super().__init__(
            r"[a-z0-9][a-z0-9-]*",
            max_length=100,
            example="ml-engineer",
            hint="use lower-case letters, digits and hyphens, like ml-engineer",
        )

    def expected(self) -> str:
        return "an id (lower-case letters, digits and hyphens)"


class Choice(Spec[str]):
    """One of a fixed set of words; close misses get a did-you-mean."""

    def __init__(self, *choices: str, aliases: Mapping[str, str] | None = None) -> None:
        self.choices = choices
        self.aliases = dict(aliases or {})

    def expected(self) -> str:
        return "one of " + ", ".join(self.choices)

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> str:
        raw = _scalar_text(node, field, ctx, self.expected())
        if raw is None:
            return INVALID
        value = raw.strip()
        key = value.lower().replace("_", "-").replace(" ", "-")
        key = self.aliases.get(key, key)
        if key in self.choices:
            ctx.positions[field] = position(node)
            return key
        hint = did_you_mean(key, self.choices) or self.expected()
        return ctx.error(node, field, f'"{value}" is not allowed', hint)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.choices) + sorted(self.aliases)}


class Bool(Spec[bool]):
    def expected(self) -> str:
        return "true or false"

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return str(node.value).lower() in ("true", "yes", "on", "y")
        return ctx.error(node, field, f"expected true or false, got {describe(node)}")

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Int(Spec[int]):
    def __init__(self, minimum: int | None = None, maximum: int | None = None) -> None:
        self.minimum = minimum
        self.maximum = maximum

    def expected(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f"a whole number from {self.minimum} to {self.maximum}"
        if self.minimum is not None:
            return f"a whole number of at least {self.minimum}"
        return "a whole number"

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> int:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _INT):
            return ctx.error(node, field, f"expected {self.expected()}, got {describe(node)}")
        value = int(str(node.value).replace("_", ""), 0)
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            return ctx.error(node, field, f"expected {self.expected()}, got {value}")
        ctx.positions[field] = position(node)
        return value

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out


class Amount(Spec[Decimal]):
    """A non-negative amount of money, kept exact as a Decimal."""

    def expected(self) -> str:
        return "an amount (a number such as 28000 or 52.50)"

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> Decimal:
        if not (isinstance(node, yaml.ScalarNode) and node.tag in (_INT, _FLOAT)):
            hint = ""
            if isinstance(node, yaml.ScalarNode) and re.fullmatch(r"\s*\d+\s*[kK]\s*", node.value):
                hint = "write the full amount, like 28000; the locale decides how it is shown"
            return ctx.error(node, field, f"expected {self.expected()}, got {describe(node)}", hint)
        try:
            value = Decimal(str(node.value).replace("_", ""))
        except InvalidOperation:
            return ctx.error(node, field, f"expected {self.expected()}, got {describe(node)}")
        if not value.is_finite() or value < 0:
            return ctx.error(node, field, f"expected a positive amount, got {node.value}")
        ctx.positions[field] = position(node)
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": 0}


class Date(Spec[dt.date]):
    def expected(self) -> str:
        return "a date written YYYY-MM-DD"

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> dt.date:
        raw = _scalar_text(node, field, ctx, self.expected())
        if raw is None:
            return INVALID
        try:
            value = dt.date.fromisoformat(raw.strip())
        except ValueError:
            return ctx.error(node, field, f'expected {self.expected()}, got "{raw}"')
        ctx.positions[field] = position(node)
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


class ListOf(Spec[tuple[T, ...]]):
    def __init__(self, item: Spec[T], min_items: int = 0) -> None:
        self.item = item
        self.min_items = min_items

    def expected(self) -> str:
        return f"a list of {self.item.expected()}"

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> tuple[T, ...]:
        if not isinstance(node, yaml.SequenceNode):
            hint = (
                "start each item on its own line with '- '"
                if isinstance(node, yaml.ScalarNode)
                else ""
            )
            return ctx.error(node, field, f"expected a list, got {describe(node)}", hint)
        items = [self.item.check(child, f"{field}[{i}]", ctx) for i, child in enumerate(node.value)]
        if any(i is INVALID for i in items):
            return INVALID
        if len(items) < self.min_items:
            return ctx.error(node, field, f"expected at least {self.min_items} item(s)")
        return tuple(items)

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        return out


class Either(Spec[Any]):
    """A scalar form or a mapping form of the same value (e.g. ``"3-5"`` or ``{min: 3}``)."""

    def __init__(self, scalar: Spec[Any], mapping: Spec[Any]) -> None:
        self.scalar = scalar
        self.mapping = mapping

    def expected(self) -> str:
        return f"{self.scalar.expected()} or {self.mapping.expected()}"

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> Any:
        spec = self.mapping if isinstance(node, yaml.MappingNode) else self.scalar
        return spec.check(node, field, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [self.scalar.json_schema(), self.mapping.json_schema()]}


class Custom(Spec[T]):
    """A validator built from a function over the checked value of another spec."""

    def __init__(
        self,
        base: Spec[Any],
        convert: Callable[[Any], T],
        expected: str,
        schema: dict[str, Any] | None = None,
        hint: str = "",
    ) -> None:
        self.base = base
        self.convert = convert
        self._expected = expected
        self._schema = schema
        self.hint = hint
        self.translatable = base.translatable  # type: ignore[misc]

    def expected(self) -> str:
        return self._expected

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> T:
        value = self.base.check(node, field, ctx)
        if value is INVALID:
            return INVALID
        try:
            return self.convert(value)
        except ValueError as exc:
            # A converter may raise ValueError(message, hint).
            message = str(exc.args[0]) if exc.args else f"expected {self._expected}"
            hint = str(exc.args[1]) if len(exc.args) > 1 else self.hint
            return ctx.error(node, field, message, hint)

    def json_schema(self) -> dict[str, Any]:
        return self._schema if self._schema is not None else self.base.json_schema()


# -- structures -------------------------------------------------------------------------

_SPEC = "jdgen.spec"


@dataclasses.dataclass(frozen=True)
class FieldInfo:
    spec: Spec[Any]
    required: bool
    doc: str
    key: str  # the YAML key (the field name with "_" kept: YAML keys match Python names)


def spec(
    validator: Spec[Any],
    doc: str,
    *,
    required: bool = False,
    default: Any = None,
    factory: Callable[[], Any] | None = None,
) -> Any:
    """Declare a model field: its validator, a one-line description, and its default."""
    meta = {_SPEC: (validator, required, doc)}
    if required:
        return dataclasses.field(metadata=meta)
    if factory is not None:
        return dataclasses.field(default_factory=factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


@functools.cache
def fields_of(cls: type[Any]) -> dict[str, FieldInfo]:
    """The declared fields of a model class, by YAML key, in declaration order."""
    out: dict[str, FieldInfo] = {}
    for f in dataclasses.fields(cls):
        if _SPEC in f.metadata:
            validator, required, doc = f.metadata[_SPEC]
            out[f.name] = FieldInfo(validator, required, doc, f.name)
    return out


class Struct(Spec[T]):
    """A mapping validated against a dataclass declared with :func:`spec` fields."""

    def __init__(
        self,
        cls: type[T],
        shorthand: str | None = None,
        check: Callable[[T, yaml.MappingNode, str, Checker], None] | None = None,
        ignore: frozenset[str] = frozenset(),
    ) -> None:
        self.cls = cls
        self.shorthand = shorthand  # a scalar is accepted as the value of this field
        self.extra_check = check
        self.ignore = ignore  # keys handled elsewhere (``extends``, ``abstract``)

    def expected(self) -> str:
        return "a mapping" + (
            f" or {self.fields[self.shorthand].spec.expected()}" if self.shorthand else ""
        )

    @property
    def fields(self) -> dict[str, FieldInfo]:
        return fields_of(self.cls)  # type: ignore[arg-type]  # classes are hashable

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> T:
        fields = self.fields
        if self.shorthand and isinstance(node, yaml.ScalarNode):
            sub = f"{field}.{self.shorthand}" if field else self.shorthand
            value = fields[self.shorthand].spec.check(node, sub, ctx)
            if value is INVALID:
                return INVALID
            return self._build({self.shorthand: value}, node, field, ctx)
        if not isinstance(node, yaml.MappingNode):
            where = f"{field}: " if field else ""
            hint = (
                f"write it as `key: value` lines; {where}fields are "
                + ", ".join(list(fields)[:6])
                + ("..." if len(fields) > 6 else "")
            )
            return ctx.error(
                node,
                field,
                f"expected {self.expected()}, got {describe(node)}",
                hint,
            )
        values: dict[str, Any] = {}
        seen: dict[str, yaml.Node] = {}
        ok = True
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else None
            sub = f"{field}.{key}" if field else str(key)
            if key is None:
                ctx.error(key_node, field, "expected a text key, got " + describe(key_node))
                ok = False
                continue
            if key in seen:
                ctx.error(
                    key_node,
                    sub,
                    "duplicate key",
                    f"it is already set at line {position(seen[key]).line}",
                )
                ok = False
                continue
            seen[key] = key_node
            if key in self.ignore:
                continue
            info = fields.get(key)
            if info is None:
                hint = did_you_mean(key, fields) or "known fields: " + ", ".join(fields)
                ctx.error(key_node, sub, f'unknown field "{key}"', hint)
                ok = False
                continue
            if is_null(value_node):
                continue  # `salary:` with nothing after it means "not given"
            value = info.spec.check(value_node, sub, ctx)
            if value is INVALID:
                ok = False
            else:
                values[key] = value
        if not ctx.partial:
            for name, info in fields.items():
                if info.required and name not in values and name not in seen:
                    what = f"{field}.{name}" if field else name
                    ctx.error(node, what, f"missing required field ({info.doc})")
                    ok = False
                elif info.required and name in seen and name not in values and ok:
                    ctx.error(
                        seen[name],
                        f"{field}.{name}" if field else name,
                        f"{name} must not be empty",
                    )
                    ok = False
        if not ok or ctx.partial:
            return INVALID
        return self._build(values, node, field, ctx)

    def _build(self, values: dict[str, Any], node: yaml.Node, field: str, ctx: Checker) -> T:
        obj = self.cls(**values)
        if self.extra_check is not None:
            before = len(ctx.problems.errors)
            assert isinstance(node, yaml.MappingNode | yaml.ScalarNode)
            self.extra_check(obj, node, field, ctx)  # type: ignore[arg-type]
            if len(ctx.problems.errors) > before:
                return INVALID
        return obj

    def json_schema(self) -> dict[str, Any]:
        fields = self.fields
        obj: dict[str, Any] = {
            "type": "object",
            "properties": {
                name: {**info.spec.json_schema(), "description": info.doc}
                for name, info in fields.items()
            },
            "additionalProperties": False,
        }
        required = [n for n, i in fields.items() if i.required]
        if required:
            obj["required"] = required
        if self.shorthand:
            return {"anyOf": [fields[self.shorthand].spec.json_schema(), obj]}
        return obj


def node_for(mapping: yaml.Node, key: str) -> yaml.Node | None:
    """The value node of ``key`` in a mapping node, for pointing at a field in a message."""
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


TextFn = Callable[[str, str, bool], str]


def map_text(obj: T, fn: TextFn, path: str = "") -> T:
    """Rebuild a model tree with ``fn(field_path, text, translatable)`` applied to each string.

    This is how the localize step swaps in translations and marks role content as data.
    """
    if not (dataclasses.is_dataclass(obj) and not isinstance(obj, type)):
        return obj
    changes = {}
    for name, info in fields_of(type(obj)).items():
        value = getattr(obj, name)
        new = _map_value(value, info.spec, fn, f"{path}.{name}" if path else name)
        if new is not value:
            changes[name] = new
    return dataclasses.replace(obj, **changes) if changes else obj


def _map_value(value: Any, spec: Spec[Any], fn: TextFn, path: str) -> Any:
    if isinstance(value, str):
        return fn(path, value, spec.translatable)
    if isinstance(value, tuple):
        item = spec.item if isinstance(spec, ListOf) else spec
        return tuple(_map_value(v, item, fn, f"{path}[{i}]") for i, v in enumerate(value))
    return map_text(value, fn, path)
