"""Reusable validators and small value types of role files: currencies, links, e-mail
addresses, locale tags, countries, year ranges, headcounts and grouped items."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

import yaml
from babel.numbers import list_currencies

from jdgen.foundation.locales import parse_locale
from jdgen.project.checking import INVALID, Checker, Spec, describe
from jdgen.project.schema import Struct, spec
from jdgen.project.validators import Custom, Int, Line, ListOf, Str

# -- reusable validators ----------------------------------------------------------------

_CURRENCY_HINTS = {
    "RMB": "CNY",
    "YUAN": "CNY",
    "$": "USD",
    "€": "EUR",
    "¥": "CNY or JPY",
    "£": "GBP",
    "US$": "USD",
    "S/": "PEN",
    "SOLES": "PEN",
    "ARS$": "ARS",
}


@functools.lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def _currency(code: str) -> str:
    if code in _currencies():
        return code
    upper = code.upper()
    if upper in _currencies():
        raise ValueError(f'"{code}" must be written in capitals', f"write {upper}")
    suggestion = _CURRENCY_HINTS.get(upper)
    raise ValueError(
        f'expected an ISO 4217 code, got "{code}"',
        f"use {suggestion}" if suggestion else "a three-letter code such as EUR, USD, CNY or PEN",
    )


CURRENCY = Custom(
    Str(r"\S{1,8}"),
    _currency,
    "an ISO 4217 currency code such as EUR",
    {"type": "string", "pattern": "^[A-Z]{3}$", "examples": ["EUR", "CNY"]},
)

_SAFE_SCHEMES = ("https://", "mailto:")


def _url(value: str) -> str:
    lowered = value.strip().lower()
    if lowered.startswith(("javascript:", "vbscript:", "data:")):
        raise ValueError(f"links may not use the {lowered.split(':')[0]}: scheme")
    if lowered.startswith("http://"):
        raise ValueError(f'"{value}" is not encrypted', f"write https://{value[len('http://') :]}")
    if not lowered.startswith(_SAFE_SCHEMES):
        if re.fullmatch(r"[\w.-]+\.[a-z]{2,}(/\S*)?", lowered):
            raise ValueError(f'"{value}" has no scheme', f"write https://{value}")
        raise ValueError(f'expected an https: or mailto: link, got "{value}"')
    if any(ch.isspace() for ch in value):
        raise ValueError(f'a link may not contain spaces: "{value}"')
    return value


URL = Custom(
    Str(), _url, "an https:// link", {"type": "string", "pattern": "^(https://|mailto:)\\S+$"}
)


def _email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise ValueError(f'expected an e-mail address, got "{value}"')
    return value


EMAIL = Custom(Str(), _email, "an e-mail address", {"type": "string", "format": "email"})


def _locale_tag(value: str) -> str:
    return parse_locale(value).tag


LOCALE_TAG = Custom(
    Str(),
    _locale_tag,
    "a locale tag such as es, es-AR or zh-CN",
    {
        "type": "string",
        "pattern": "^[a-zA-Z]{2,3}([-_][A-Za-z0-9]{2,4})*$",
        "examples": ["es", "es-AR", "zh-CN", "en"],
    },
)


def _country(value: str) -> str:
    from babel import Locale

    code = value.upper()
    if len(code) != 2 or code not in Locale("en").territories:
        raise ValueError(f'expected an ISO 3166 country code such as ES or CN, got "{value}"')
    return code


COUNTRY = Custom(
    Str(),
    _country,
    "an ISO 3166 country code such as ES",
    {"type": "string", "pattern": "^[A-Za-z]{2}$"},
)


# -- value types ------------------------------------------------------------------------


@dataclass(frozen=True)
class YearRange:
    """Years of experience: ``3-5``, or open-ended ``8+`` (``max`` is None)."""

    min: int
    max: int | None = None


class YearRangeSpec(Spec[YearRange]):
    _RE = re.compile(r"\s*(\d{1,2})\s*(?:([-–~至到])\s*(\d{1,2})|(\+))?\s*")

    def expected(self) -> str:
        return 'a number of years: 5, a range "3-5", or "8+"'

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> YearRange:
        m = self._RE.fullmatch(str(node.value)) if isinstance(node, yaml.ScalarNode) else None
        if m is None:
            return ctx.error(node, field, f"expected {self.expected()}, got {describe(node)}")
        low = int(m.group(1))
        if m.group(3) is not None:
            high = int(m.group(3))
            if high < low:
                return ctx.error(
                    node,
                    field,
                    f"the range {low}-{high} runs backwards",
                    f"write {high}-{low}",
                )
            return YearRange(low, high)
        if m.group(4):
            return YearRange(low, None)
        return YearRange(low, low)

    def json_schema(self) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": r"^\s*\d{1,2}\s*([-–~]\s*\d{1,2}|\+)?\s*$"},
            ],
            "examples": ["3-5", "8+"],
        }


UNSPECIFIED: Literal["unspecified"] = "unspecified"
Headcount = int | Literal["unspecified"]


class HeadcountSpec(Spec[Headcount]):
    """A number of openings, or ``unspecified`` (rendered as 若干 / several)."""

    def expected(self) -> str:
        return 'a number of openings, or "unspecified"'

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> Headcount:
        if isinstance(node, yaml.ScalarNode) and str(node.value).strip().lower() in (
            UNSPECIFIED,
            "several",
            "若干",
        ):
            return UNSPECIFIED
        return Int(1, 100_000).check(node, field, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "integer", "minimum": 1}, {"const": "unspecified"}]}


@dataclass(frozen=True, kw_only=True)
class Group:
    """A list of items under an optional title (responsibilities, skills...)."""

    title: str | None = spec(Line(), "the group's heading")
    items: tuple[str, ...] = spec(ListOf(Line(), min_items=1), "the items", required=True)


GROUP = Struct(Group)


class ItemsSpec(Spec[tuple[Group, ...]]):
    """A list of lines, or of titled groups of lines, or a mix of both."""

    def expected(self) -> str:
        return "a list of items, or of groups with a title and items"

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> tuple[Group, ...]:
        if not isinstance(node, yaml.SequenceNode):
            return ctx.error(
                node,
                field,
                f"expected a list, got {describe(node)}",
                "start each item on its own line with '- '",
            )
        groups: list[Group] = []
        loose: list[str] = []
        ok = True
        group_index = 0  # the model path counts groups, valid or not (families are partial)
        for i, child in enumerate(node.value):
            sub = f"{field}[{i}]"
            if isinstance(child, yaml.MappingNode):
                if loose:
                    groups.append(Group(items=tuple(loose)))
                    loose = []
                    group_index += 1
                group = GROUP.check(child, sub, ctx)
                ctx.rekey_texts(sub, f"{field}[{group_index}]")
                group_index += 1
                if group is INVALID:
                    ok = False
                else:
                    groups.append(group)
            else:
                line = Line().check(child, sub, ctx)
                ctx.rekey_texts(sub, f"{field}[{group_index}].items[{len(loose)}]")
                if line is INVALID:
                    ok = False
                loose.append(line)
        if loose:
            groups.append(Group(items=tuple(loose)))
        return tuple(groups) if ok else INVALID

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "items": {"anyOf": [Line().json_schema(), GROUP.json_schema()]}}


ITEMS = ItemsSpec()
