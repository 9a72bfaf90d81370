"""Pay is read the way each market writes it, read back for confirmation, and checked for
plausibility: the Spanish salary saved 1,000× too low, and the Chinese monthly salary
saved as yearly, are caught before they are published."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import yaml
from babel import Locale
from babel.numbers import format_decimal
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from jdgen import cli
from jdgen.i18n.amounts import AmountError, local_currency, parse_amount, parse_pay
from jdgen.lint.pay import Market, market_of, pay_problems
from jdgen.project.config import find_project
from jdgen.project.resolve import RoleIndex

from .conftest import Builder


@pytest.mark.parametrize(
    ("locale", "typed", "low", "high", "currency", "period"),
    [
        ("es", "45.000-60.000 EUR", 45000, 60000, "EUR", None),
        ("es", "45.000 € – 60.000 € brutos anuales", 45000, 60000, "EUR", "year"),
        ("es", "de 45 mil a 60 mil", None, None, None, None),  # "de" is no number: refused
        ("es_AR", "$ 900.000 a 1.200.000 por mes", 900000, 1200000, "ARS", "month"),
        ("en", "$45,000 - $60,000 per year", 45000, 60000, "USD", "year"),
        ("en", "45k to 60k", 45000, 60000, None, None),
        ("en_GB", "£38,500–£45,000 a year", 38500, 45000, "GBP", "year"),
        ("zh", "25K-40K/月", 25000, 40000, None, "month"),
        ("zh", "2.5万～4万", 25000, 40000, None, None),
        ("zh", "月薪 25000-40000 元", 25000, 40000, "CNY", "month"),
        ("zh", "4.5万", 45000, 45000, None, None),
        ("fr", "45 000 - 60 000 €", 45000, 60000, "EUR", None),
        ("de", "45.000 bis 60.000", None, None, None, None),  # "bis" is not a range word here
    ],
)
def test_pay_is_read_as_the_market_writes_it(
    locale: str,
    typed: str,
    low: int | None,
    high: int | None,
    currency: str | None,
    period: str | None,
) -> None:
    if low is None:
        with pytest.raises(AmountError):
            parse_pay(typed, Locale.parse(locale))
        return
    got = parse_pay(typed, Locale.parse(locale))
    assert (got.min, got.max, got.currency, got.period) == (low, high, currency, period)


@pytest.mark.parametrize(
    ("locale", "typed", "says"),
    [
        ("en", "45.000", "reads as 45 in English"),  # a Spaniard's 45000 in an en project
        ("es", "45,000", "reads as 45 in Spanish"),
        ("es", "$40.000", r'"\$" is the sign of several currencies'),
        ("es", "60.000-45.000", "the lowest pay is more than the highest"),
        ("en", "lots", "is not an amount"),
        ("en", "45,00", "is not a number as English writes it"),
    ],
)
def test_ambiguous_pay_is_refused_not_guessed(locale: str, typed: str, says: str) -> None:
    with pytest.raises(AmountError, match=says):
        parse_pay(typed, Locale.parse(locale))


@given(
    st.sampled_from(["es", "en", "zh", "fr", "de", "es_AR", "en_GB"]),
    st.integers(min_value=1000, max_value=10**9),
)
def test_any_amount_formatted_in_a_locale_reads_back(locale: str, amount: int) -> None:
    babel = Locale.parse(locale)
    assert parse_amount(format_decimal(amount, locale=babel), babel) == Decimal(amount)


def test_the_default_currency_is_the_markets() -> None:
    assert [local_currency(Locale.parse(t)) for t in ("es", "zh", "en", "es_PE", "en_GB")] == [
        "EUR",
        "CNY",
        "USD",
        "PEN",
        "GBP",
    ]


def new(root_files: dict[str, str], build_tree: Builder, args: list[str], typed: str) -> dict:
    root = build_tree(root_files)
    result = CliRunner().invoke(cli.main, ["new", "r", "--interactive", *args], input=typed)
    assert result.exit_code == 0, result.output
    return {"output": result.output, "role": yaml.safe_load((root / "roles/r.yaml").read_text())}


ES = {"jdgen.yaml": "locales: [es, en]\ndefault_locale: es\n"}
ZH = {"jdgen.yaml": "locales: [zh, en]\ndefault_locale: zh\n"}


def test_a_recruiter_in_madrid(build_tree: Builder) -> None:
    typed = "Ingeniero/a de datos\nMadrid\n\n\n\n45.000-60.000 EUR\n\ny\n\n\n"
    got = new(ES, build_tree, [], typed)
    assert "Título del puesto" in got["output"]  # in the project's language
    assert "Salario, p. ej. 45.000-60.000" in got["output"]
    assert "45.000-60.000\xa0€ al año, ¿correcto?" in got["output"]  # read back, as es writes it
    role = got["role"]
    assert role["salary"] == {"min": 45000, "max": 60000, "currency": "EUR", "period": "year"}
    assert role["employment_type"] == "full-time" and role["work_arrangement"] == "on-site"


def test_a_recruiter_in_shanghai(build_tree: Builder) -> None:
    got = new(ZH, build_tree, [], "数据工程师\n上海\n\ncontract\nhybrid\n25K-40K\n\n\ny\n\n\n")
    assert "职位名称" in got["output"] and "币种" in got["output"] and "计薪周期" in got["output"]
    assert "25K-40K/月，对吗？" in got["output"]
    assert got["role"]["salary"] == {
        "min": 25000,
        "max": 40000,
        "currency": "CNY",  # the market's, not EUR
        "period": "month",  # the market's, not year
    }
    assert got["role"]["employment_type"] == "contract"


def test_a_wrong_answer_is_asked_again_and_nothing_typed_is_lost(build_tree: Builder) -> None:
    typed = "Data Engineer\nMadrid, Spain, Lima, Peru\nfull-time\nremote\n45.000\n"
    typed += "45,000-60,000\nUSD\nyear\nn\n"
    typed += "50,000-70,000 USD a year\ny\n\n\n"
    got = new({"jdgen.yaml": "locales: [en]\n"}, build_tree, [], typed)
    assert "reads as 45 in English" in got["output"]  # asked again, with why
    assert got["role"]["title"] == "Data Engineer"  # kept
    assert got["role"]["locations"] == [
        {"city": "Madrid", "country": "ES"},
        {"city": "Lima", "country": "PE"},
    ]
    assert got["role"]["work_arrangement"] == "remote"
    assert got["role"]["salary"] == {
        "min": 50000,
        "max": 70000,
        "currency": "USD",
        "period": "year",
    }


def test_ctrl_c_at_a_prompt_is_130_and_writes_nothing(build_tree: Builder) -> None:
    root = build_tree(ES)
    result = CliRunner().invoke(cli.main, ["new", "r", "--interactive"], input="Título\n")
    assert result.exit_code == 130
    assert not (root / "roles/r.yaml").exists()


def test_options_take_the_markets_currency_and_period(build_tree: Builder) -> None:
    root = build_tree(ZH)
    args = ["new", "r", "--title", "数据工程师", "--salary-min", "25000", "--salary-max", "40K"]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0, result.output
    salary = yaml.safe_load((root / "roles/r.yaml").read_text())["salary"]
    assert salary == {"min": 25000, "max": 40000, "currency": "CNY", "period": "month"}
    assert "CNY per month" in result.stderr  # said, not silent
    bad = CliRunner().invoke(cli.main, ["new", "s", "--title", "X", "--salary-min", "45,00"])
    assert bad.exit_code == 2


@pytest.mark.parametrize(
    ("role", "says"),
    [
        (
            "salary: {min: 45, max: 60, currency: EUR, period: year}\nlocations: "
            "[{city: Madrid, country: ES}]",
            "below the minimum wage in ES",
        ),
        (
            "language: zh-CN\nsalary: {min: 25000, max: 40000, currency: CNY, period: year}",
            "was 25000 per month meant?",
        ),
        (
            "salary: {min: 45000, max: 60000, currency: EUR, period: month}\nlocations: "
            "[{city: Madrid, country: ES}]",
            "was a yearly amount meant?",
        ),
        ("salary: {min: 30000, max: 120000, currency: USD, period: year}", "more than 3× wide"),
        (
            "language: es-PE\nsalary: {min: 900, max: 1000, currency: PEN, period: month}",
            "below the minimum wage in PE",
        ),
        (
            "salary: {min: 45000, max: 60000, currency: EUR, period: year}\nlocations: "
            "[{city: Madrid, country: ES}]",
            "",
        ),
        ("language: zh-CN\nsalary: {min: 28000, max: 60000, currency: CNY, period: month}", ""),
        ("salary: {min: 25, max: 40, currency: USD, period: hour}", ""),
    ],
)
def test_implausible_pay_is_flagged_by_validate_and_lint(
    build_tree: Builder, role: str, says: str
) -> None:
    root = build_tree({"roles/r.yaml": f"title: Data Engineer\n{role}\n"})
    resolved = RoleIndex.of(find_project(root)).resolve("r")
    assert resolved.role.salary is not None
    found = pay_problems(resolved.role.salary, market_of(resolved.role))
    validate = CliRunner().invoke(cli.main, ["validate"]).output
    lint = CliRunner().invoke(cli.main, ["lint"]).output
    if says:
        assert any(says in f for f in found), found
        assert says in validate and "roles/r.yaml:" in validate
        assert "comp.implausible-pay" in lint
    else:
        assert found == []
        assert "comp.implausible-pay" not in lint


def test_a_market_with_another_currency_is_not_judged() -> None:
    from jdgen.project.model import Salary

    spain = Market("ES", "year", Decimal(16576), "year", "EUR", "SMI")
    salary = Salary(min=Decimal(45), max=Decimal(60), currency="USD", period="year")
    assert pay_problems(salary, spain) == []


PAY_BY_PLACE = """\
title: Data Engineer
organization: Acme
posted: 2026-11-01
employment_type: full-time
locations:
  - city: New York
    region: NY
    country: US
    pay: &tier1 {min: 150000, max: 190000, currency: USD, period: year}
  - {city: San Francisco, region: CA, country: US, pay: *tier1}
  - {city: Denver, region: CO, country: US}
salary: {min: 120000, max: 150000, currency: USD, period: year, note: depending on experience}
benefits: [Health insurance]
valid_through: 2027-01-31
apply: {url: 'https://jobs.example/apply'}
"""


@pytest.mark.parametrize(
    ("fmt", "tier1", "denver"),
    [
        (
            "markdown",
            "  - New York, NY and San Francisco, CA: $150,000 – $190,000 per year\n",
            "  - Denver, CO: $120,000 – $150,000 per year (depending on experience)\n",
        ),
        (
            "html",
            "<li>New York, NY and San Francisco, CA: $150,000 – $190,000 per year</li>",
            "<li>Denver, CO: $120,000 – $150,000 per year (depending on experience)</li>",
        ),
        (
            "text",
            "New York, NY and San Francisco, CA: $150,000 – $190,000 per year",
            "Denver, CO: $120,000 – $150,000 per year (depending on experience)",
        ),
    ],
)
def test_pay_by_location_is_shown_where_it_applies(
    build_tree: Builder, fmt: str, tier1: str, denver: str
) -> None:
    build_tree({"jdgen.yaml": "locales: [en]\n", "roles/r.yaml": PAY_BY_PLACE})
    result = CliRunner().invoke(cli.main, ["render", "r", "-f", fmt, "-w", "0"])
    assert result.exit_code == 0, result.output
    assert "Salary by location" in result.stdout
    assert tier1 in result.stdout and denver in result.stdout
    assert result.stdout.index(tier1) < result.stdout.index(denver)


def test_pay_by_location_reads_in_each_language(build_tree: Builder) -> None:
    build_tree({"jdgen.yaml": "locales: [en, es, zh-CN]\n", "roles/r.yaml": PAY_BY_PLACE})
    es = CliRunner().invoke(cli.main, ["render", "r", "-l", "es"]).stdout
    assert "**Salario según la ubicación**" in es
    assert "  - New York, NY y San Francisco, CA: 150.000-190.000\xa0US$ al año\n" in es
    zh = CliRunner().invoke(cli.main, ["render", "r", "-l", "zh-CN"]).stdout
    assert "**各地薪资**" in zh
    assert "  - New York, NY/San Francisco, CA：US$150,000-US$190,000/年\n" in zh


def test_pay_by_location_validates_and_goes_into_the_json_ld(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\nbase_url: https://jobs.example/\n",
            "roles/r.yaml": PAY_BY_PLACE,
        }
    )
    runner = CliRunner()
    validate = runner.invoke(cli.main, ["validate"])
    assert validate.exit_code == 0, validate.output
    assert "0 error(s), 0 warning(s)" in validate.output
    build = runner.invoke(cli.main, ["build", "--today", "2026-12-01"])
    assert build.exit_code == 0, build.output
    assert "JobPosting lacks" not in build.output
    postings = json.loads((root / "site/en/r/posting.json").read_text(encoding="utf-8"))
    assert [
        (
            p["identifier"]["value"],
            p["baseSalary"]["value"]["minValue"],
            p["baseSalary"]["value"]["maxValue"],
            [place["address"]["addressLocality"] for place in _listed(p["jobLocation"])],
        )
        for p in postings
    ] == [
        ("r:us-new-york:en", 150000, 190000, ["New York", "San Francisco"]),
        ("r:us-denver:en", 120000, 150000, ["Denver"]),
    ]
    page = (root / "site/en/r/index.html").read_text(encoding="utf-8")
    script = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(script) == postings


def _listed(value: object) -> list[dict]:  # type: ignore[type-arg]
    return value if isinstance(value, list) else [value]  # type: ignore[list-item,return-value]


@pytest.mark.parametrize(
    ("config", "places", "typed_pay", "salary", "location"),
    [
        # An English-speaking project hiring in Canada: Canadian dollars, not US ones.
        (
            "locales: [en]\n",
            "Toronto, Canada",
            "85,000-100,000",
            {"min": 85000, "max": 100000, "currency": "CAD", "period": "year"},
            {"city": "Toronto", "country": "CA"},
        ),
        # A Spanish project hiring in Lima: soles a month, not euros a year.
        (
            "locales: [es]\ndefault_locale: es\n",
            "Lima, Perú",
            "6.000-8.000",
            {"min": 6000, "max": 8000, "currency": "PEN", "period": "month"},
            {"city": "Lima", "country": "PE"},
        ),
        # A Chinese project hiring in Singapore.
        (
            "locales: [zh]\ndefault_locale: zh\n",
            "新加坡",
            "6000-9000",
            {"min": 6000, "max": 9000, "currency": "SGD", "period": "month"},
            {"name": "新加坡", "country": "SG"},
        ),
    ],
)
def test_the_default_currency_is_the_locations(
    build_tree: Builder,
    config: str,
    places: str,
    typed_pay: str,
    salary: dict,  # type: ignore[type-arg]
    location: dict,  # type: ignore[type-arg]
) -> None:
    typed = f"Data Engineer\n{places}\n\n\n{typed_pay}\n\n\ny\n\n\n"
    got = new({"jdgen.yaml": config}, build_tree, [], typed)
    assert got["role"]["salary"] == salary
    assert got["role"]["locations"] == [location]


def test_options_take_the_locations_currency(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": "locales: [en]\n"})
    args = ["new", "r", "--title", "Data Engineer", "--location", "Berlin, Germany"]
    result = CliRunner().invoke(cli.main, [*args, "--salary-min", "60,000"])
    assert result.exit_code == 0, result.output
    role = yaml.safe_load((root / "roles/r.yaml").read_text())
    assert role["salary"]["currency"] == "EUR" and "the DE market's" in result.stderr
    assert role["locations"] == [{"city": "Berlin", "country": "DE"}]


@pytest.mark.parametrize(
    ("config", "typed", "salary"),
    [
        # Yes as Spain and Colombia type it, after a first answer that is neither.
        (
            "locales: [es]\ndefault_locale: es\n",
            "Analista\nBogotá, Colombia\n\n\n3.500.000-5.000.000\n\n\nquizás\ns\n\n\n",
            {"min": 3500000, "max": 5000000, "currency": "COP", "period": "month"},
        ),
        (
            "locales: [es]\ndefault_locale: es\n",
            "Analista\nMadrid\n\n\n\n30.000-40.000\n\n\nno\n32.000-40.000\n\n\nsí\n\n\n",
            {"min": 32000, "max": 40000, "currency": "EUR", "period": "year"},
        ),
        (
            "locales: [zh]\ndefault_locale: zh\n",
            "数据分析师\n上海\n\n\n\n20K-30K\n\n\n是\n\n\n",
            {"min": 20000, "max": 30000, "currency": "CNY", "period": "month"},
        ),
    ],
)
def test_the_confirmation_is_answered_in_the_projects_language(
    build_tree: Builder,
    config: str,
    typed: str,
    salary: dict,  # type: ignore[type-arg]
) -> None:
    got = new({"jdgen.yaml": config}, build_tree, [], typed)
    assert got["role"]["salary"] == salary
    assert "[Sí/no]" in got["output"] or "[是/否]" in got["output"]
