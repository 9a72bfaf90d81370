"""Pay as ATS payloads write it → :class:`~jdgen.importers.posting.Pay`.

Amounts arrive as numbers, strings ("60000", "75.00") or cents; periods as "1 YEAR",
"per-year-salary", "yearly", "YEAR" or "annual". Anything that cannot be read is
returned as None, for the importer to report with the posting.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from jdgen.importers.posting import Pay, Posting

_PERIODS = {
    "hour": "hour",
    "hourly": "hour",
    "hr": "hour",
    "wage": "hour",
    "day": "day",
    "daily": "day",
    "week": "week",
    "weekly": "week",
    "month": "month",
    "monthly": "month",
    "year": "year",
    "yearly": "year",
    "annual": "year",
    "annually": "year",
    "annum": "year",
    "salary": "year",
}
_SYMBOLS = {"€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "₹": "INR", "S/": "PEN", "zł": "PLN"}
_CURRENCY = re.compile(r"[A-Z]{3}")


def period(text: Any) -> str | None:
    """jdgen's period for "1 YEAR", "per-month-salary", "HOUR", "yearly"..., or None."""
    if not isinstance(text, str):
        return None
    words = re.findall(r"[a-z]+", text.casefold())
    if {"semi", "bi", "biweekly", "fortnight", "fortnightly"} & set(words):
        return None  # Lever's semi-month-salary, bi-week-salary: no jdgen period pays that
    if re.match(r"\s*(\d+)", text) and re.match(r"\s*1\b", text) is None:
        return None  # "2 WEEK": no jdgen period pays for two weeks
    for word in words:
        if word in _PERIODS and word not in ("salary", "wage"):
            return _PERIODS[word]
    for word in words:
        if word in _PERIODS:
            return _PERIODS[word]
    return None


def amount(value: Any, cents: bool = False) -> Decimal | None:
    """A number, or a string of one ("60000", "60,000.00"), as a Decimal; None if absent
    or unreadable (a negative or non-finite amount is unreadable)."""
    if value is None or isinstance(value, bool) or value == "":
        return None
    try:
        if isinstance(value, str):
            value = value.strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or number < 0:
        return None
    if cents:
        number = number / 100
    number = number.normalize()
    return number.quantize(Decimal(1)) if number == number.to_integral() else number


def currency(value: Any) -> str | None:
    """An ISO 4217 code from a code or a symbol ("€"); None if neither."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _CURRENCY.fullmatch(text.upper()):
        return text.upper()
    return _SYMBOLS.get(text)


def make(
    low: Any,
    high: Any,
    code: Any,
    per: Any,
    zone: str | None = None,
    cents: bool = False,
) -> tuple[Pay | None, str]:
    """A pay range, or (None, why not)."""
    lo, hi = amount(low, cents), amount(high, cents)
    cur, each = currency(code), period(per)
    if lo is None and hi is None:
        return None, "no amount"
    if cur is None:
        return None, f"currency {code!r} is not an ISO 4217 code"
    if each is None:
        return None, f"pay period {per!r} is not one of hour, day, week, month, year"
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Pay(currency=cur, period=each, min=lo, max=hi, zone=zone or None), ""


def add(
    posting: Posting,
    where: str,
    low: Any,
    high: Any,
    code: Any,
    per: Any,
    zone: str | None = None,
    cents: bool = False,
) -> Pay | None:
    """Read one pay range into ``posting`` (:func:`make`), or report at ``where``, the
    source's field, why it could not be read."""
    got, why = make(low, high, code, per, zone, cents)
    if got is None:
        posting.skip(where, f"pay not read: {why}")
    else:
        posting.pay.append(got)
    return got
