"""The reusable field validators of the schema: strings, prose, slugs, choices,
numbers, amounts, dates, lists and custom checks, each also describing itself as JSON
Schema."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from jdgen.errors import did_you_mean
from jdgen.project.checking import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    INVALID,
    Checker,
    Spec,
    T,
    describe,
    join_lines,
    scalar_text,
)
from jdgen.project.load import position


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
        raw = scalar_text(node, field, ctx, self.expected())
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
        raw = scalar_text(node, field, ctx, self.expected())
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
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG:
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
        if not (isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG):
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
        if not (isinstance(node, yaml.ScalarNode) and node.tag in (INT_TAG, FLOAT_TAG)):
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
        if value >= MAX_AMOUNT:
            return ctx.error(
                node,
                field,
                f"{_shown(str(node.value))} is more than any pay (amounts are below "
                f"{MAX_AMOUNT:,})",
                "write the amount in the currency's units, e.g. 28000",
            )
        ctx.positions[field] = position(node)
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": 0, "exclusiveMaximum": int(MAX_AMOUNT)}


def _shown(number: str) -> str:
    """A number as a message quotes it: a long one by its first digits and its length."""
    return number if len(number) <= 24 else f"{number[:12]}… ({len(number)} characters)"


#: Above any pay in any currency (a yearly salary in Iranian rials is about 10**10), and
#: far below what exact arithmetic on amounts (28 significant digits) could not format.
MAX_AMOUNT = Decimal(10**15)


class Date(Spec[dt.date]):
    def expected(self) -> str:
        return "a date written YYYY-MM-DD"

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> dt.date:
        raw = scalar_text(node, field, ctx, self.expected())
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
