"""A small declarative schema: reusable validators over position-carrying YAML nodes.

Models are frozen dataclasses whose fields are declared with :func:`spec`, one line
each. :class:`Struct` validates a mapping node against such a dataclass, collecting
every problem (wrong types, unknown keys with a did-you-mean, missing fields) before
giving up, and builds the typed object. Each validator can also describe itself as
JSON Schema, so the editor schema is generated from the very code that loads roles.

The schema is three modules: :mod:`~jdgen.project.checking` (the checker and the
:class:`Spec` protocol), :mod:`~jdgen.project.validators` (the reusable field validators)
and this one (models declared with :func:`spec` and validated by :class:`Struct`).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping
from typing import Any

import yaml

from jdgen.errors import did_you_mean
from jdgen.project.checking import INVALID, Checker, Spec, T, describe, is_null
from jdgen.project.load import position
from jdgen.project.validators import ListOf

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
@functools.cache  # a role's load and its localizing in each locale ask for each class's
def fields_of(cls: type[Any]) -> Mapping[str, FieldInfo]:
    """The declared fields of a model class, by YAML key, in declaration order (shared:
    read it, never change it)."""
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
    def fields(self) -> Mapping[str, FieldInfo]:
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
    prefix = f"{path}." if path else ""
    for name, info in fields_of(type(obj)).items():
        value = getattr(obj, name)
        if value is None:  # nothing to map (the most common value of an optional field)
            continue
        new = _map_value(value, info.spec, fn, prefix + name)
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
