"""Money as CLDR writes it, in every market jdgen ships: currencySpacing between an ISO
code and the number, the locale's own symbol, one number style on a page."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale
from babel.numbers import get_group_symbol

from jdgen.foundation.locales import parse_locale
from jdgen.i18n.formatting import Conventions, currency_spacing, salary_range
from jdgen.i18n.localize import Localizer
from jdgen.project.model import Salary

from .conftest import EXAMPLES, REPO

LOCALES = ["es", "es-ES", "es-419", "es-AR", "es-MX", "es-PE", "zh", "zh-TW", "en", "en-GB"]
CURRENCIES = ["CNY", "EUR", "USD", "PEN", "ARS", "MXN", "TWD", "GBP", "JPY", "BRL"]
NBSP = "\u00a0"


def _localizer(tag: str) -> Localizer:
    return Localizer(parse_locale(tag), [REPO / "locales"])


@pytest.mark.parametrize("tag", LOCALES)
@pytest.mark.parametrize("currency", CURRENCIES)
def test_a_code_or_letter_never_touches_the_number(tag: str, currency: str) -> None:
    loc = _localizer(tag)
    for amount in (Decimal(28000), Decimal("1234.5")):
        text = loc.money(amount, currency)
        assert not re.search(r"[^\W\d_]\d|\d[^\W\d_]", text), text
        # and a symbol (€, $, ¥) is never pushed away from it
        assert not re.search(r"[$€£¥]" + NBSP + r"\d", text) or tag in ("es-PE",), text


@pytest.mark.parametrize(
    ("tag", "currency", "expected"),
    [
        ("es-419", "CNY", "CNY\u00a028,000"),
        ("es-AR", "CNY", "CNY\u00a028.000"),
        ("es-AR", "ARS", "$28.000"),
        ("es-MX", "MXN", "$28,000"),
        ("es-MX", "USD", "USD\u00a028,000"),
        ("es-PE", "PEN", "S/\u00a028,000"),
        ("es", "CNY", "28.000\u00a0CNY"),
        ("es-ES", "EUR", "28.000\u00a0€"),
        ("zh", "CNY", "¥28,000"),
        ("zh", "PEN", "PEN\u00a028,000"),
        ("zh-TW", "TWD", "NT$28,000"),
        ("zh-TW", "CNY", "CN¥28,000"),
        ("en", "USD", "$28,000"),
        ("en", "CNY", "CN¥28,000"),
        ("en", "ARS", "ARS\u00a028,000"),
        ("en-GB", "GBP", "£28,000"),
        ("en-GB", "USD", "US$28,000"),
    ],
)
def test_money_as_natives_write_it(tag: str, currency: str, expected: str) -> None:
    assert _localizer(tag).money(28000, currency) == expected


def test_currency_spacing_follows_the_side_the_symbol_is_on() -> None:
    assert currency_spacing("CNY28", "CNY") == "CNY\u00a028"
    assert currency_spacing("28CNY", "CNY") == "28\u00a0CNY"
    assert currency_spacing("28\u00a0CNY", "CNY") == "28\u00a0CNY"
    assert currency_spacing("US$28", "US$") == "US$28"  # $ is a symbol: no space
    assert currency_spacing("-28", "CNY") == "-28"


def test_a_range_with_a_code_is_spaced_in_es_419() -> None:
    text = salary_range(
        Decimal(28000),
        Decimal(60000),
        "CNY",
        Conventions(salary_range="{min}-{max}"),
        Locale.parse("es_419"),
    )
    assert text == "CNY\u00a028,000-CNY\u00a060,000"


def test_spain_states_pay_gross_and_in_pagas() -> None:
    loc = _localizer("es-ES")
    yearly = Salary(min=Decimal(45000), max=Decimal(60000), currency="EUR", period="year")
    assert loc.salary(yearly) == "45.000-60.000\u00a0€ brutos al año"
    pagas = Salary(
        min=Decimal(3000), max=Decimal(4000), currency="EUR", period="month", months_per_year=14
    )
    assert loc.salary(pagas) == "3.000-4.000\u00a0€ brutos al mes en 14 pagas"
    # Latin America states pay as it is, with no "brutos"
    assert "brutos" not in _localizer("es-AR").salary(yearly)


_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:([.,\u00a0\u202f ])\d{3})+(?![\d])")


def _locale_of(name: str) -> str:
    return name.split(".")[-2]


@pytest.mark.parametrize(
    "page", sorted(p for p in EXAMPLES.rglob("*.md") if p.name.startswith("posting."))
)
def test_one_number_style_on_a_page(page: Path) -> None:
    """Every grouped amount on a posting uses the locale's CLDR group sign: never
    28.000 in the facts and 28 000 in the pay section."""
    tag = _locale_of(page.name)
    group = get_group_symbol(parse_locale(tag).babel)
    signs = {m.group(1) for m in _AMOUNT.finditer(page.read_text(encoding="utf-8"))}
    assert signs <= {group}, (page.name, signs, group)
