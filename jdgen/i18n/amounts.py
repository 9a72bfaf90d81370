"""Reading pay as people type it in their market: ``45.000-60.000 €`` in Spain,
``$45,000 - $60,000`` in the US, ``25K-40K/月`` or ``2.5万～4万`` in China.

Numbers are parsed with Babel in the locale's own conventions (``45.000`` is forty-five
thousand in es, ``45,000`` in en), strictly: a number that reads two ways (``45.000`` in
en, where it would be 45) is refused with what to write instead, never guessed at.
Multipliers job boards use (``k``, ``mil``, ``千``, ``万``) and the pay period written with
the amount (``/月``, ``al mes``, ``per year``, ``年薪``) are understood too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import (
    NumberFormatError,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    get_territory_currencies,
    parse_decimal,
)

from jdgen.foundation.locales import market

#: The ways a range is written: 40-60, 40 – 60, 40~60, 40～60, 40 a 60, 40 to 60, 40至60.
_RANGE = re.compile(r"\s*(?:-|–|—|~|～|\bto\b|\ba\b|\bhasta\b|至|到)\s*", re.IGNORECASE)
_MULTIPLIERS = {"k": 1000, "mil": 1000, "千": 1000, "万": 10_000, "w": 10_000}
_MULTIPLIER = re.compile(r"(?i)\s*(k|mil|千|万|w)\s*$")
#: Words and signs for the pay period, in the languages jdgen speaks (longest first wins).
_PERIODS = {
    "hour": "/h|/hr|/hour|per hour|an hour|hourly|por hora|la hora|/小时|每小时|时薪",
    "day": "/day|per day|a day|daily|por día|al día|/天|每天|日薪",
    "week": "/week|/wk|per week|a week|weekly|por semana|a la semana|/周|每周|周薪",
    "month": "/month|/mo|per month|a month|monthly|al mes|por mes|mensuales|mensual|/mes"
    "|/月|每月|月薪",
    "year": "/year|/yr|per year|a year|annually|annual|yearly|al año|por año|brutos anuales"
    "|anuales|anual|/año|/年|每年|年薪",
}
_CODES = [
    "EUR",
    "USD",
    "CNY",
    "GBP",
    "JPY",
    "PEN",
    "ARS",
    "MXN",
    "BRL",
    "CAD",
    "CLP",
    "COP",
    "TWD",
    "HKD",
    "CHF",
    "INR",
    "AUD",
    "UYU",
    "BOB",
    "PYG",
]
_SIGNS = {"€": "EUR", "£": "GBP", "S/": "PEN", "S/.": "PEN", "元": "CNY", "RMB": "CNY"}
_SIGNS.update({"NT$": "TWD", "US$": "USD", "HK$": "HKD", "R$": "BRL"})


class AmountError(ValueError):
    """What was typed is not an amount or a range in the locale, and why."""


@dataclass(frozen=True)
class PayInput:
    """A pay range as typed: the amounts, and the currency and period if it said them."""

    min: Decimal | None
    max: Decimal | None
    currency: str | None = None
    period: str | None = None


def local_currency(locale: Locale, country: str | None = None) -> str | None:
    """The currency of ``country`` today (CLDR), else of the locale's market: es → EUR,
    zh → CNY, en → USD."""
    country = country or market(locale)
    currencies = get_territory_currencies(country, tender=True) if country else []
    return currencies[0] if currencies else None


def _symbols(locale: Locale) -> dict[str, str]:
    """Currency signs as written in ``locale`` → ISO code (``€`` → EUR, ``¥`` → CNY in zh)."""
    signs: dict[str, str] = {}
    for code in _CODES:
        sign = get_currency_symbol(code, locale=locale)
        if sign != code and sign != "$":
            signs.setdefault(sign, code)
    signs.update(_SIGNS)
    # A bare $ is the market's own dollar or peso (ARS in es-AR, USD in en); where the
    # market has none (es: Spain), it names no currency, so it must be spelt out.
    local = local_currency(locale)
    if local and get_currency_symbol(local, locale=locale).endswith("$"):
        signs["$"] = local
    return signs


def parse_amount(text: str, locale: Locale) -> Decimal:
    """One amount as typed in ``locale``: ``45.000`` (es), ``45,000`` (en), ``45k``,
    ``4.5万``. Raises :class:`AmountError`."""
    raw = text.strip()
    factor = 1
    m = _MULTIPLIER.search(raw)
    if m:
        factor = _MULTIPLIERS[m.group(1).lower()]
        raw = raw[: m.start()].strip()
    if not raw or not re.fullmatch(r"[\d\s.,'\u00a0\u202f]+", raw):
        raise AmountError(f'"{text.strip()}" is not an amount')
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    if group.isspace():  # typed with a plain space where the locale groups with another
        raw = re.sub(r"\s", group, raw)
    name = locale.english_name or str(locale)
    # Pay has no thousandths: "45.000" where "." is the decimal sign is someone writing
    # 45000 as another market does, and reading it as 45 is the 1,000× mistake.
    if factor == 1 and re.fullmatch(rf"\d{{1,3}}{re.escape(decimal)}\d{{3}}", raw):
        whole = raw.replace(decimal, "")
        grouped = raw.replace(decimal, group if not group.isspace() else " ")
        raise AmountError(
            f'"{text.strip()}" reads as {raw.split(decimal)[0]} in {name}, where '
            f'"{decimal}" is the decimal sign; for {whole}, write {grouped}'
        )
    try:
        value = parse_decimal(raw, locale, strict=True)
    except NumberFormatError as exc:
        suggestions = getattr(exc, "suggestions", None) or []
        hint = f" (did you mean {' or '.join(suggestions)}?)" if suggestions else ""
        raise AmountError(f'"{text.strip()}" is not a number as {name} writes it{hint}') from None
    value *= factor
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def _take_period(text: str) -> tuple[str, str | None]:
    lowered = text.lower()
    found = []
    for name, words in _PERIODS.items():
        for word in words.split("|"):
            i = lowered.find(word)
            if i >= 0:
                found.append((len(word), i, word, name))
    if not found:
        return text, None
    _, i, word, name = max(found)
    return (text[:i] + " " + text[i + len(word) :]).strip(), name


def parse_pay(text: str, locale: Locale) -> PayInput:
    """A pay range (or one amount) as typed, with a currency and a period if given."""
    rest = " ".join(text.replace("\u3000", " ").split())
    if not rest:
        return PayInput(None, None)
    rest, period = _take_period(rest)
    currency = None
    m = re.search(r"(?<![A-Za-z])([A-Za-z]{3})(?![A-Za-z])", rest)
    if m and m.group(1).lower() != "mil":
        currency = m.group(1).upper()
        rest = (rest[: m.start()] + " " + rest[m.end() :]).strip()
    for sign, code in sorted(_symbols(locale).items(), key=lambda kv: -len(kv[0])):
        if sign in rest:
            if currency not in (None, code):
                raise AmountError(f'"{text.strip()}" names two currencies, {currency} and {code}')
            currency = code
            rest = rest.replace(sign, " ")
    if "$" in rest:
        raise AmountError(
            f'"{text.strip()}": "$" is the sign of several currencies; write the code '
            "(USD, MXN, ARS...)"
        )
    rest = " ".join(rest.split())
    parts = [p for p in _RANGE.split(rest) if p.strip()]
    if len(parts) > 2 or not parts:
        raise AmountError(f'"{text.strip()}" is not a range like 40000-60000')
    amounts = [parse_amount(p, locale) for p in parts]
    if len(amounts) == 1:
        return PayInput(amounts[0], amounts[0], currency, period)
    low, high = amounts
    # "25-40K": a multiplier written once, at the end, applies to both ends.
    factor = _MULTIPLIER.search(parts[1])
    if factor and not _MULTIPLIER.search(parts[0]) and low * 100 < high:
        low = parse_amount(parts[0] + factor.group(1), locale)
    if low > high:
        raise AmountError(f'"{text.strip()}": the lowest pay is more than the highest')
    return PayInput(low, high, currency, period)
