"""Locale formatting: exact forms for es, zh and en, and no formatter ever raises."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel.numbers import list_currencies
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.foundation.builtin import builtin_dir
from jdgen.foundation.locales import parse_locale
from jdgen.i18n.localize import Localizer
from jdgen.project.model import Salary
from jdgen.project.values import YearRange

LOCALE_DIRS = (builtin_dir("locales"),)
TAGS = ("en", "es", "zh", "es-AR", "es-PE", "en-GB", "zh-CN")


def loc(tag: str) -> Localizer:
    return Localizer(parse_locale(tag), LOCALE_DIRS)


def salary(low: int | None, high: int | None, currency: str, period: str) -> Salary:
    return Salary(
        min=None if low is None else Decimal(low),
        max=None if high is None else Decimal(high),
        currency=currency,
        period=period,
    )


@pytest.mark.parametrize(
    ("tag", "value", "expected"),
    [
        ("zh", salary(28000, 60000, "CNY", "month"), "28K-60K/月"),
        ("zh-CN", salary(28500, 60000, "CNY", "month"), "28.5K-60K/月"),
        ("es", salary(28000, 60000, "EUR", "year"), "28.000-60.000\u00a0€ al año"),
        ("en", salary(28000, 60000, "USD", "year"), "$28,000 – $60,000 per year"),
        ("en", salary(28000, None, "USD", "year"), "from $28,000 per year"),
        ("es", salary(None, 60000, "EUR", "month"), "hasta 60.000\u00a0€ al mes"),
        ("en", salary(50, 50, "USD", "hour"), "$50 per hour"),
    ],
)
def test_salary(tag: str, value: Salary, expected: str) -> None:
    assert loc(tag).salary(value) == expected


def test_money_has_no_cents_on_whole_amounts_and_keeps_the_symbol_side() -> None:
    # CLDR keeps the symbol on the line with a no-break space.
    assert loc("es").money(28000, "EUR") == "28.000\u00a0€"
    assert loc("en").money(28000, "EUR") == "€28,000"
    assert loc("en").money(Decimal("52.5"), "USD") == "$52.50"
    assert loc("zh").money(28000, "CNY") == "¥28,000"


@pytest.mark.parametrize(
    ("tag", "expected"), [("zh", "2026年2月"), ("es", "feb 2026"), ("en", "Feb 2026")]
)
def test_month_year_uses_skeletons(tag: str, expected: str) -> None:
    assert loc(tag).month_year(dt.date(2026, 2, 1)) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("zh", "北京、上海和深圳"), ("es", "北京, 上海 y 深圳"), ("en", "北京, 上海, and 深圳")],
)
def test_lists(tag: str, expected: str) -> None:
    assert loc(tag).join(["北京", "上海", "深圳"]) == expected


def test_slash_lists() -> None:
    assert loc("zh").join(["北京", "上海"], "slash") == "北京/上海"


@pytest.mark.parametrize(
    ("tag", "years", "expected"),
    [
        ("zh", YearRange(3, 5), "3-5年"),
        ("es", YearRange(3, 5), "3-5 años"),
        ("en", YearRange(3, 5), "3-5 years"),
        ("en", YearRange(1, 1), "1 year"),
        ("es", YearRange(1, 1), "1 año"),
        ("zh", YearRange(8, None), "8年以上"),
        ("en", YearRange(8, None), "8+ years"),
        ("es", YearRange(8, None), "8 años o más"),
    ],
)
def test_years_with_plurals(tag: str, years: YearRange, expected: str) -> None:
    assert loc(tag).years(years) == expected


@pytest.mark.parametrize(
    ("tag", "expected"), [("en", "45 minutes"), ("es", "45 minutos"), ("zh", "45分钟")]
)
def test_durations(tag: str, expected: str) -> None:
    assert loc(tag).duration(45) == expected


def test_headcount_unspecified() -> None:
    assert loc("zh").headcount("unspecified") == "若干"
    assert loc("en").headcount(1200) == "1,200"


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
currencies = st.sampled_from(sorted(list_currencies()))
periods = st.sampled_from(["hour", "day", "week", "month", "year"])
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(TAGS),
    amounts,
    amounts,
    currencies,
    periods,
    st.one_of(st.none(), st.integers(12, 24)),
)
def test_salary_never_raises(
    tag: str, a: Decimal, b: Decimal, currency: str, period: str, months: int | None
) -> None:
    low, high = sorted((a, b))
    text = loc(tag).salary(
        Salary(min=low, max=high, currency=currency, period=period, months_per_year=months)
    )
    assert text.strip()


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(TAGS), dates, st.integers(0, 60), st.integers(0, 60), st.integers(1, 24 * 60)
)
def test_dates_years_durations_never_raise(
    tag: str, date: dt.date, y1: int, y2: int, minutes: int
) -> None:
    localizer = loc(tag)
    assert localizer.month_year(date)
    assert localizer.date(date)
    low, high = sorted((y1, y2))
    assert localizer.years(YearRange(low, high))
    assert localizer.years(YearRange(low, None))
    assert localizer.duration(minutes)
