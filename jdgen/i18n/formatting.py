"""Locale-correct formatting through Babel, always with an explicit locale.

Nothing here reads the machine's locale or time zone. What CLDR does not know (how
Chinese job boards write pay, whether a range repeats the currency symbol) comes from
the locale's :class:`Conventions`; words come from the catalogs, through the caller.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import NumberPattern, format_decimal, get_currency_symbol
from babel.units import format_unit

from jdgen.project.schema import spec
from jdgen.project.validators import Bool, Choice, Int, ListOf, Str


@dataclass(frozen=True, kw_only=True)
class Conventions:
    """A locale's own formatting conventions, beyond CLDR. See ``locales/*/conventions.yaml``."""

    salary_range: str = spec(
        Str(), "a pay range; {min} and {max} are formatted amounts", default="{min} – {max}"
    )
    salary_shared_symbol: bool = spec(
        Bool(), "write the currency once in a range: 28.000-60.000 €", default=False
    )
    salary_with_period: str = spec(
        Str(), "pay with its period; {amount} and {per}", default="{amount} {per}"
    )
    salary_thousands: tuple[str, ...] = spec(
        ListOf(Str(r"[A-Z]{3}")),
        "currencies whose amounts are written in thousands (28K)",
        factory=tuple,
    )
    thousands_pattern: str = spec(Str(), "an amount in thousands; {value}", default="{value}K")
    unit_length: Literal["long", "short", "narrow"] = spec(
        Choice("long", "short", "narrow"), "how units such as minutes are written", default="long"
    )
    text_width: int | None = spec(Int(20, 400), "line width of plain text in this locale")
    posted_date: Literal["day", "month"] = spec(
        Choice("day", "month"),
        "how a posting's date is shown: the day (1 February 2026) or the month (2026年2月)",
        default="day",
    )
    currency_symbols: tuple[str, ...] = spec(
        ListOf(Str(r"[A-Z]{3}=\S+")),
        "the sign this market writes for a currency where CLDR's differs: TWD=NT$",
        factory=tuple,
    )

    def symbol(self, currency: str) -> str | None:
        for item in self.currency_symbols:
            code, _, sign = item.partition("=")
            if code == currency:
                return sign
        return None


@functools.lru_cache(maxsize=256)
def _currency_pattern(locale: Locale, whole: bool) -> NumberPattern:
    pattern: NumberPattern = copy.copy(locale.currency_formats["standard"])
    if whole:
        # The locale's own pattern, so the symbol stays on the locale's side of the number.
        pattern.frac_prec = (0, 0)
    return pattern


def _is_whole(amount: Decimal) -> bool:
    return amount == amount.to_integral_value()


# Amounts are formatted once per locale and shared: a posting's pay is written by its
# template, its page's facts and card, its JSON-LD and its feed entries, and Babel's
# pattern code is a tenth of rendering a posting. Keys hold amounts as their str(), so
# Decimal("1.50") and Decimal("1.5") (equal, and hashed alike) stay apart.
_SHARED = 4096


def money(amount: Decimal | int, currency: str, locale: Locale, sign: str | None = None) -> str:
    """``28000 EUR`` → ``28.000 €`` (es), ``€28,000`` (en); cents only when there are some.
    ``sign`` replaces CLDR's symbol (NT$ for TWD in Taiwan, where CLDR writes $)."""
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):  # str() would differ
        return _money.__wrapped__(amount, currency, locale, sign)
    return _money(str(amount), currency, locale, sign)


@functools.lru_cache(maxsize=_SHARED)
def _money(amount: str | Decimal | int, currency: str, locale: Locale, sign: str | None) -> str:
    value = Decimal(amount)
    pattern = _currency_pattern(locale, _is_whole(value))
    text = str(pattern.apply(value, locale, currency=currency, currency_digits=False))
    symbol = get_currency_symbol(currency, locale=locale)
    if sign:
        text = text.replace(symbol, sign, 1)
        symbol = sign
    return currency_spacing(text, symbol)


def _not_symbol(ch: str) -> bool:
    return unicodedata.category(ch)[0] not in "SZ"


def currency_spacing(text: str, symbol: str) -> str:
    """CLDR's currencySpacing, which Babel leaves to the caller: where the currency's
    side next to the number is not a symbol (an ISO code, ``US$``'s ``U``) and the number
    starts with a digit, a no-break space goes between them: ``CNY 28,000``, not
    ``CNY28,000``; ``€28,000`` and ``US$28,000`` stay as they are (every CLDR locale
    has the same rule and the same no-break space)."""
    i = text.find(symbol)
    if i < 0 or not symbol:
        return text
    end = i + len(symbol)
    if end < len(text) and text[end].isdigit() and _not_symbol(symbol[-1]):
        return text[:end] + "\u00a0" + text[end:]
    if i > 0 and text[i - 1].isdigit() and _not_symbol(symbol[0]):
        return text[:i] + "\u00a0" + text[i:]
    return text


def number(value: Decimal | int | float, locale: Locale) -> str:
    return str(format_decimal(value, locale=locale))


def thousands(amount: Decimal | int, conventions: Conventions, locale: Locale) -> str:
    """``28000`` → ``28K``, as Chinese job boards write monthly pay."""
    value = Decimal(amount) / 1000
    shown = format_decimal(value, format="#,##0.#", locale=locale)
    return conventions.thousands_pattern.format(value=shown)


def _symbol_first(locale: Locale) -> bool:
    return str(locale.currency_formats["standard"].pattern).lstrip().startswith("¤")


def salary_range(
    low: Decimal | None,
    high: Decimal | None,
    currency: str,
    conventions: Conventions,
    locale: Locale,
    single: str = "{amount}",
) -> str:
    """A pay range by the locale's conventions: ``28K-60K``, ``28.000-60.000 €``.

    ``single`` formats a one-sided range (the caller's translated "from {amount}").
    """
    if not all(v is None or type(v) in (Decimal, int) for v in (low, high)):
        return _salary_range.__wrapped__(low, high, currency, conventions, locale, single)
    shown = (None if low is None else str(low), None if high is None else str(high))
    return _salary_range(*shown, currency, conventions, locale, single)


@functools.lru_cache(maxsize=_SHARED)
def _salary_range(
    low_text: str | Decimal | None,
    high_text: str | Decimal | None,
    currency: str,
    conventions: Conventions,
    locale: Locale,
    single: str,
) -> str:
    low = None if low_text is None else Decimal(low_text)
    high = None if high_text is None else Decimal(high_text)
    if currency in conventions.salary_thousands:

        def fmt(a: Decimal) -> str:
            return thousands(a, conventions, locale)

        def bare(a: Decimal) -> str:
            return thousands(a, conventions, locale)
    else:

        def fmt(a: Decimal) -> str:
            return money(a, currency, locale, conventions.symbol(currency))

        def bare(a: Decimal) -> str:
            shape = "#,##0" if _is_whole(a) else "#,##0.00"
            return str(format_decimal(a, format=shape, locale=locale))

    if low is not None and high is not None and low != high:
        if conventions.salary_shared_symbol:
            first, last = (
                (fmt(low), bare(high)) if _symbol_first(locale) else (bare(low), fmt(high))
            )
        else:
            first, last = fmt(low), fmt(high)
        return conventions.salary_range.format(min=first, max=last)
    amount = low if low is not None else high
    assert amount is not None
    return single.format(amount=fmt(amount))


def month_year(date: dt.date, locale: Locale) -> str:
    """``2026年2月``, ``feb 2026``, ``Feb 2026``: the ``yMMM`` skeleton, never a raw pattern."""
    return str(format_skeleton("yMMM", date, locale=locale))


def long_date(date: dt.date, locale: Locale) -> str:
    return str(format_date(date, "long", locale=locale))


def join(items: Sequence[str], locale: Locale, style: str = "standard") -> str:
    """``北京、上海和深圳``; ``style="slash"`` gives ``北京/上海/深圳``; ``"or"`` a disjunction."""
    items = [str(i) for i in items]
    if not items:
        return ""
    if style == "slash":
        return "/".join(items)
    return str(format_list(items, style=style, locale=locale))  # type: ignore[arg-type]


def duration(minutes: int, conventions: Conventions, locale: Locale) -> str:
    """``45 minutes``, ``45 minutos``, ``45分钟``; whole hours are written in hours."""
    if minutes >= 60 and minutes % 60 == 0:
        return str(
            format_unit(
                minutes // 60, "duration-hour", length=conventions.unit_length, locale=locale
            )
        )
    return str(
        format_unit(minutes, "duration-minute", length=conventions.unit_length, locale=locale)
    )


def currency_symbol(currency: str, locale: Locale) -> str:
    return str(get_currency_symbol(currency, locale=locale))
