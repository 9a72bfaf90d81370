"""Is the pay plausible? A range below the legal minimum wage, wider than 3×, or whose
period looks swapped (a yearly figure written per month, or the reverse) is flagged by
``validate`` and ``lint``: the typo that saves a Spanish salary 1,000× too low, or a
Chinese monthly salary 12× too low, is caught before it is published.

The data (minimum wages and the period each market states pay in, with sources and the
day they were checked) is ``jdgen/lint/rules/markets.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from babel import Locale

from jdgen.foundation.data import read_data
from jdgen.foundation.locales import market, parse_locale
from jdgen.project.model import Location, Role, Salary

MARKETS_FILE = Path(__file__).resolve().parent / "rules" / "markets.yaml"
#: A year in each period, for comparing pay stated per hour, day, week, month or year.
PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
#: The widest a range may be before it says little: its maximum over its minimum.
MAX_SPREAD = 3
#: Pay per month that makes more than this many minimum-wage years reads as a yearly
#: figure written per month, where pay is stated per year.
SWAPPED = 30


@dataclass(frozen=True)
class Market:
    country: str
    period: str  # the period postings state pay in there
    minimum: Decimal | None
    minimum_period: str
    currency: str
    source: str


@functools.cache
def markets() -> dict[str, Market]:
    data = read_data(MARKETS_FILE)
    out = {}
    for country, entry in data["markets"].items():
        low = entry.get("minimum") or {}
        out[country] = Market(
            country,
            entry["period"],
            Decimal(str(low["amount"])) if low else None,
            low.get("period", "year"),
            low.get("currency", ""),
            low.get("source", ""),
        )
    return out


def market_of(role: Role, where: Location | None = None) -> Market | None:
    """The market a role's pay is judged by: that of ``where`` (the location whose own
    pay it is), else its first location with a country, else the market of the language
    it is written in (es-PE → PE, zh → CN)."""
    for loc in (where, *role.locations):
        if loc is not None and loc.country:
            return markets().get(loc.country.upper())
    country = market(parse_locale(role.language).babel)
    return markets().get(country or "")


def pays(role: Role) -> list[tuple[str, Salary, Location | None]]:
    """Every range a role states, with its field and place: the salary, and each
    location's own pay."""
    out: list[tuple[str, Salary, Location | None]] = []
    if role.salary:
        out.append(("salary", role.salary, None))
    for i, loc in enumerate(role.locations):
        if loc.pay:
            out.append((f"locations[{i}].pay", loc.pay, loc))
    return out


def role_pay_problems(role: Role) -> list[tuple[str, str]]:
    """What is implausible about each range the role states, as (field, message)."""
    return [
        (key, message)
        for key, pay, loc in pays(role)
        for message in pay_problems(pay, market_of(role, loc))
    ]


def usual_period(locale: Locale, country: str | None = None) -> str:
    """The period pay is stated in, in ``country``, else where ``locale`` is spoken: CN
    month, ES year."""
    found = markets().get(country or market(locale) or "")
    return found.period if found else "year"


def _yearly(amount: Decimal, period: str, months: int | None = None) -> Decimal:
    if period == "month" and months:
        return amount * months
    return amount * PER_YEAR[period]


def pay_problems(salary: Salary, found: Market | None) -> list[str]:
    """What is implausible about ``salary`` in the market ``found`` (empty if nothing)."""
    out = []
    low, high = salary.min, salary.max
    if low is not None and high is not None and low > 0 and high > MAX_SPREAD * low:
        out.append(
            f"the range is more than {MAX_SPREAD}× wide ({low} to {high}); a range that wide "
            "tells a candidate little"
        )
    if found is None or found.minimum is None or found.currency != salary.currency:
        return out
    floor = _yearly(found.minimum, found.minimum_period)
    amount = low if low is not None else high
    if amount is None:
        return out
    yearly = _yearly(amount, salary.period, salary.months_per_year)
    per = f"{amount} {salary.currency} per {salary.period}"
    if salary.period == "year" and found.period == "month" and yearly < 2 * floor:
        out.append(
            f"{per} is about the minimum wage in {found.country}, where pay is stated per "
            f"month: was {amount} per month meant? (set period: month)"
        )
    elif yearly < floor:
        out.append(
            f"{per} is below the minimum wage in {found.country} ({found.minimum} per "
            f"{found.minimum_period}; {found.source}): was a number misread, 45.000 as 45?"
        )
    elif salary.period == "month" and found.period == "year" and yearly > SWAPPED * floor:
        out.append(
            f"{per} is {yearly} a year, {SWAPPED}× the minimum wage in {found.country}, where "
            "pay is stated per year: was a yearly amount meant? (set period: year)"
        )
    return out
