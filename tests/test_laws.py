"""Pay-transparency law by jurisdiction: every law in jdgen/lint/rules/laws/ fails a role
that lacks what it asks and passes one that has it; employer size, effective dates,
remote jobs, pay by location and where a place is are read as the law reads them."""

from __future__ import annotations

import textwrap

import pytest

from jdgen.lint.engine import lint_paths
from jdgen.lint.laws import laws
from jdgen.lint.places import where_of as _where
from jdgen.lint.rules import Finding, rule
from jdgen.project.config import find_project
from jdgen.project.model import Location

from .conftest import Builder

# Everything any law asks for; a role with it passes everywhere.
COMPLETE = """\
benefits: [Health insurance, 25 days of paid leave]
valid_through: 2027-12-31
apply: {url: 'https://jobs.example/apply'}
headcount: 2
ai_screening: false
vacancy: existing
"""

# law id: (the role's location, its currency, its posting date)
PLACES: dict[str, tuple[str, str, str]] = {
    "us-nyc": ("{city: Brooklyn, region: NY, country: US}", "USD", "2026-11-01"),
    "us-ny": ("{city: Albany, region: New York, country: US}", "USD", "2026-11-01"),
    "us-co": ("'Denver, Colorado'", "USD", "2026-11-01"),
    "us-ca": ("{city: San Francisco, region: CA, country: US}", "USD", "2026-11-01"),
    "us-wa": ("{name: 'Seattle, WA', country: US}", "USD", "2026-11-01"),
    "us-il": ("{city: Chicago, region: Illinois, country: US}", "USD", "2026-11-01"),
    "us-mn": ("'Minneapolis, MN'", "USD", "2026-11-01"),
    "us-nj": ("{city: Newark, region: NJ, country: US}", "USD", "2026-11-01"),
    "us-md": ("{city: Baltimore, region: MD, country: US}", "USD", "2026-11-01"),
    "us-ma": ("{city: Boston, region: Massachusetts, country: US}", "USD", "2026-11-01"),
    "us-vt": ("{city: Burlington, region: VT, country: US}", "USD", "2026-11-01"),
    "us-hi": ("{city: Honolulu, region: HI, country: US}", "USD", "2026-11-01"),
    "us-dc": ("'Washington, D.C.'", "USD", "2026-11-01"),
    "us-cleveland": ("{city: Cleveland, region: OH, country: US}", "USD", "2026-11-01"),
    "us-columbus": ("{city: Columbus, country: US}", "USD", "2027-02-01"),
    "us-de": ("{city: Wilmington, region: Delaware, country: US}", "USD", "2027-10-01"),
    "ca-bc": ("{city: Vancouver, region: BC, country: CA}", "CAD", "2026-11-01"),
    "ca-pe": (
        "{city: Charlottetown, region: Prince Edward Island, country: CA}",
        "CAD",
        "2026-11-01",
    ),
    "ca-on": ("{name: 'Toronto, ON', country: CA}", "CAD", "2026-11-01"),
    "eu-at": ("{city: Wien, country: AT}", "EUR", "2026-11-01"),
    "eu-lt": ("{city: Vilnius, country: LT}", "EUR", "2026-11-01"),
    "eu-pl": ("{city: Warszawa, country: PL}", "PLN", "2026-11-01"),
    "eu-mt": ("{city: Valletta, country: MT}", "EUR", "2026-11-01"),
    "eu-sk": ("{city: Bratislava, country: SK}", "EUR", "2026-11-01"),
    "eu-it": ("{city: Milano, country: IT}", "EUR", "2026-11-01"),
    "eu": ("{city: Madrid, country: ES}", "EUR", "2026-11-01"),
    "cn": ("{name: 上海, country: CN}", "CNY", "2026-11-01"),
    "us-va": ("{city: Norfolk, region: Virginia, country: US}", "USD", "2026-11-01"),
    "us-me": ("'Bangor, ME'", "USD", "2026-11-01"),
    "us-jersey-city": ("{city: Jersey City, region: NJ, country: US}", "USD", "2026-11-01"),
    "jp": ("{city: 大阪, country: JP}", "JPY", "2026-11-01"),
    "au": ("{city: Melbourne, region: VIC, country: AU}", "AUD", "2026-11-01"),
    "us-westchester": ("'Yonkers, NY'", "USD", "2023-03-01"),
    "us-ithaca": ("{city: Ithaca, region: NY, country: US}", "USD", "2026-11-01"),
}
# Australia asks for no pay, only that pay stated is not below the minimum.
BAD_PAY = {"au": "{min: 20000, max: 25000, currency: AUD, period: year}"}


def role(
    where: str,
    posted: str = "2026-11-01",
    pay: str = "",
    extra: str = COMPLETE,
    title: str = "Data Engineer",
    arrangement: str = "",
) -> str:
    lines = [f"title: {title}", "organization: Acme", f"posted: {posted}"]
    lines.append(f"locations: [{where}]")
    if pay:
        lines.append(f"salary: {pay}")
    if arrangement:
        lines.append(f"work_arrangement: {arrangement}")
    return "\n".join(lines) + "\n" + extra


def pay(low: int, high: int | None, currency: str, period: str = "year") -> str:
    top = f", max: {high}" if high is not None else ""
    return f"{{min: {low}{top}, currency: {currency}, period: {period}}}"


def findings(
    build_tree: Builder, text: str, config: str = "", today: str = "2026-12-02"
) -> list[Finding]:
    root = build_tree(
        {
            "jdgen.yaml": f"locales: [en]\ntoday: {today}\n" + config,
            "roles/r.yaml": text,
        }
    )
    report = lint_paths(find_project(root), locales=["en"])
    assert report.problems == []
    return [f for f in report.findings if f.rule.id.startswith("comp.")]


def ids(found: list[Finding]) -> set[str]:
    return {f.rule.id for f in found}


def binding(found: list[Finding]) -> list[Finding]:
    """The errors and warnings: info findings flag nothing."""
    return [f for f in found if f.severity in ("error", "warning")]


def test_every_law_file_is_tested() -> None:
    assert {law.id for law in laws()} == set(PLACES)
    for law in laws():
        assert law.rule.source and "checked" in law.rule.source
        assert rule(law.rule.id) == law.rule


@pytest.mark.parametrize("law_id", sorted(PLACES))
def test_each_law_fails_a_role_without_pay_and_passes_one_with_it(
    build_tree: Builder, law_id: str
) -> None:
    where, currency, posted = PLACES[law_id]
    bad = findings(build_tree, role(where, posted, BAD_PAY.get(law_id, "")))
    assert f"comp.{law_id}" in ids(bad), bad
    good = findings(build_tree, role(where, posted, pay(60000, 80000, currency)))
    assert f"comp.{law_id}" not in ids(good), [f.line() for f in good]


def test_each_finding_names_its_place_and_what_is_missing(build_tree: Builder) -> None:
    found = findings(build_tree, role("'Denver, CO'", extra=""))
    (colorado,) = [f for f in found if f.rule.id == "comp.us-co"]
    assert colorado.severity == "error"
    for words in ("Denver, CO", "Colorado", "pay range", "benefits", "how to apply", "deadline"):
        assert words in colorado.message
    assert "C.R.S." in colorado.rule.source and "2021-01-01" in colorado.rule.source


@pytest.mark.parametrize(
    ("law_id", "where", "lacking"),
    [
        ("us-wa", "{city: Spokane, region: WA, country: US}", "benefits"),
        ("us-il", "{city: Chicago, region: IL, country: US}", "benefits"),
        ("us-co", "{city: Boulder, region: CO, country: US}", "valid_through"),
        ("us-co", "{city: Boulder, region: CO, country: US}", "apply"),
        ("cn", "{name: 北京, country: CN}", "headcount"),
        ("ca-on", "{city: Ottawa, region: ON, country: CA}", "ai_screening"),
        ("ca-on", "{city: Ottawa, region: ON, country: CA}", "vacancy"),
    ],
)
def test_a_law_asks_for_more_than_pay(
    build_tree: Builder, law_id: str, where: str, lacking: str
) -> None:
    extra = "".join(line + "\n" for line in COMPLETE.splitlines() if not line.startswith(lacking))
    found = findings(build_tree, role(where, pay=pay(60000, 80000, "USD"), extra=extra))
    hits = [f for f in found if f.rule.id == f"comp.{law_id}"]
    assert hits and hits[0].field == lacking, [f.line() for f in found]


def test_austria_needs_the_minimum_and_china_any_pay(build_tree: Builder) -> None:
    vienna = "{city: Wien, country: AT}"
    assert "comp.eu-at" not in ids(findings(build_tree, role(vienna, pay=pay(3000, None, "EUR"))))
    shanghai = "{name: 上海, country: CN}"
    only_top = "{max: 30000, currency: CNY, period: month}"
    assert "comp.cn" not in ids(findings(build_tree, role(shanghai, pay=only_top)))
    assert "comp.us-ca" in ids(findings(build_tree, role("'San Jose, CA'", pay=only_top)))


def test_eu_states_that_allow_pay_before_the_interview_warn(build_tree: Builder) -> None:
    severities = {
        f.rule.id: f.severity for f in findings(build_tree, role("{city: Kraków, country: PL}"))
    }
    assert severities["comp.eu-pl"] == "warning"
    lithuania = {
        f.rule.id: f.severity for f in findings(build_tree, role("{city: Kaunas, country: LT}"))
    }
    assert lithuania["comp.eu-lt"] == "error"
    spain = {
        f.rule.id: f.severity for f in findings(build_tree, role("{city: Sevilla, country: ES}"))
    }
    assert spain["comp.eu"] == "info"


def test_a_gendered_title_breaks_the_directive(build_tree: Builder) -> None:
    text = "language: es\n" + role(
        "{city: Roma, country: IT}", pay=pay(40000, 50000, "EUR"), title="Ingeniero de datos"
    )
    hits = [f for f in findings(build_tree, text) if f.rule.id == "comp.eu-it"]
    assert hits and "gender-neutral title" in hits[0].message and hits[0].field == "title"
    text = "language: es\n" + role(
        "{city: Roma, country: IT}", pay=pay(40000, 50000, "EUR"), title="Ingeniero/a de datos"
    )
    assert "comp.eu-it" not in ids(findings(build_tree, text))


def test_employer_size_decides_which_laws_apply(build_tree: Builder) -> None:
    california = role("{city: Oakland, region: CA, country: US}")
    unset = [f for f in findings(build_tree, california) if f.rule.id == "comp.us-ca"]
    assert (
        unset
        and "15+ employees" in unset[0].message
        and "organization.employees" in unset[0].message
    )
    small = "organization: {name: Acme, employees: 12}\n"
    assert "comp.us-ca" not in ids(findings(build_tree, california, small))
    newark = role("{city: Newark, region: NJ, country: US}")
    assert "comp.us-nj" in ids(findings(build_tree, newark, small))  # 10 or more
    large = "organization: {name: Acme, employees: 15}\n"
    found = [f for f in findings(build_tree, california, large) if f.rule.id == "comp.us-ca"]
    assert found and "counted 15 overall (organization.employees)" in found[0].message
    toronto = role("{city: Toronto, region: ON, country: CA}")
    assert "comp.ca-on" not in ids(
        findings(build_tree, toronto, "organization: {name: A, employees: 24}\n")
    )


def test_a_role_is_judged_by_the_law_in_force_on_its_posting_date(build_tree: Builder) -> None:
    wilmington = "{city: Wilmington, region: DE, country: US}"
    assert "comp.us-de" not in ids(findings(build_tree, role(wilmington, "2027-09-25")))
    assert "comp.us-de" in ids(findings(build_tree, role(wilmington, "2027-09-26")))
    toronto = "{city: Toronto, region: ON, country: CA}"
    assert "comp.ca-on" not in ids(findings(build_tree, role(toronto, "2025-12-31")))
    # Colorado's deadline is asked for from 2024 on.
    denver = "{city: Denver, region: CO, country: US}"
    extra = COMPLETE.replace("valid_through: 2027-12-31\n", "")
    early = findings(build_tree, role(denver, "2023-06-01", pay(1, 2, "USD"), extra))
    assert "comp.us-co" not in ids(early)
    late = findings(build_tree, role(denver, "2024-06-01", pay(1, 2, "USD"), extra))
    assert "comp.us-co" in ids(late)
    # Without a posting date, the build date decides.
    undated = role(wilmington).replace("posted: 2026-11-01\n", "")
    assert "comp.us-de" not in ids(findings(build_tree, undated))
    assert "comp.us-de" in ids(findings(build_tree, undated, today="2027-10-01"))


def test_a_law_in_force_but_not_yet_enforced_warns(build_tree: Builder) -> None:
    columbus = "{city: Columbus, region: OH, country: US}"
    before = {f.rule.id: f.severity for f in findings(build_tree, role(columbus, "2026-11-01"))}
    assert before["comp.us-columbus"] == "warning"
    after = {f.rule.id: f.severity for f in findings(build_tree, role(columbus, "2027-01-01"))}
    assert after["comp.us-columbus"] == "error"
    assert "comp.us-columbus" not in ids(findings(build_tree, role(columbus, "2025-12-01")))


def test_remote_roles_follow_the_law_where_applicants_may_work(build_tree: Builder) -> None:
    anywhere_us = findings(
        build_tree, role("{name: Remote (US), country: US}", arrangement="remote")
    )
    for law_id in (
        "us-co",
        "us-nyc",
        "us-ny",
        "us-ca",
        "us-wa",
        "us-il",
        "us-nj",
        "us-vt",
        "us-dc",
    ):
        assert f"comp.{law_id}" in ids(anywhere_us), law_id
    for law_id in ("us-hi", "us-md", "us-cleveland"):  # these cover jobs done there only
        assert f"comp.{law_id}" not in ids(anywhere_us), law_id
    # An office job in Texas is under none of them.
    assert not ids(findings(build_tree, role("{city: Austin, region: TX, country: US}")))

    # A remote job open in one state is under that state's law only.
    in_colorado = findings(build_tree, role("{region: CO, country: US}", arrangement="remote"))
    assert ids(binding(in_colorado)) == {"comp.us-co"}
    # The laws that also reach remote jobs by their office say which fact they need.
    asked = {f.rule.id for f in in_colorado if f.severity == "info"}
    assert asked == {"comp.us-ny", "comp.us-il", "comp.us-ma", "comp.us-vt"}
    assert all(f.field == "reports_to" for f in in_colorado if f.severity == "info")
    canada = findings(build_tree, role("{country: CA}", arrangement="remote"))
    assert {"comp.ca-on", "comp.ca-bc"} <= ids(canada) and "comp.ca-pe" not in ids(canada)


def test_ontario_limits_the_width_of_the_range(build_tree: Builder) -> None:
    toronto = "{city: Toronto, region: ON, country: CA}"
    wide = findings(build_tree, role(toronto, pay=pay(80000, 140000, "CAD")))
    (hit,) = [f for f in wide if f.rule.id == "comp.ca-on"]
    assert "60,000 CAD wide" in hit.message and hit.field == "salary"
    assert "comp.ca-on" not in ids(
        findings(build_tree, role(toronto, pay=pay(80000, 130000, "CAD")))
    )
    # Above $200,000 a year the limit does not apply.
    assert "comp.ca-on" not in ids(
        findings(build_tree, role(toronto, pay=pay(150000, 260000, "CAD")))
    )
    # A monthly range is judged by the year.
    monthly = findings(build_tree, role(toronto, pay=pay(6000, 11000, "CAD", "month")))
    assert "comp.ca-on" in ids(monthly)


@pytest.mark.parametrize(
    "wording",
    [
        "Canadian experience is required.",
        "Must have 3+ years of Canadian work experience",
        "Experience in Canada preferred",
    ],
)
def test_ontario_forbids_asking_for_canadian_experience(build_tree: Builder, wording: str) -> None:
    text = role("{city: Toronto, region: ON, country: CA}", pay=pay(80000, 120000, "CAD"))
    hits = [
        f for f in findings(build_tree, text + f"summary: {wording}\n") if f.rule.id == "comp.ca-on"
    ]
    assert hits and "Canadian experience" in hits[0].message and hits[0].field == "summary"
    fine = text + "summary: Experience with Canadian banking regulation is a plus.\n"
    assert "comp.ca-on" not in ids(findings(build_tree, fine))


PER_LOCATION = textwrap.dedent(
    """\
    title: Data Engineer
    organization: Acme
    posted: 2026-11-01
    locations:
      - city: New York
        region: NY
        country: US
        pay: &tier1 {min: 150000, max: 190000, currency: USD, period: year}
      - {city: San Francisco, region: CA, country: US, pay: *tier1}
      - {city: Denver, region: CO, country: US}
    """
)


def test_pay_by_location_is_checked_where_it_applies(build_tree: Builder) -> None:
    found = findings(build_tree, PER_LOCATION + COMPLETE)
    assert ids(found) == {"comp.us-co"}, [f.line() for f in found]
    (denver,) = found
    assert denver.message.startswith("Denver, CO is under Colorado's law")
    everywhere = (
        PER_LOCATION
        + COMPLETE
        + "salary: {min: 120000, max: 150000, currency: USD, period: year}\n"
    )
    assert not ids(findings(build_tree, everywhere))


def test_each_location_pay_is_checked_for_plausibility(build_tree: Builder) -> None:
    text = PER_LOCATION.replace("min: 150000", "min: 150") + COMPLETE
    text += "salary: {min: 120000, max: 150000, currency: USD, period: year}\n"
    hits = [f for f in findings(build_tree, text) if f.rule.id == "comp.implausible-pay"]
    assert {f.field for f in hits} == {"locations[0].pay", "locations[1].pay"}


@pytest.mark.parametrize(
    ("location", "home", "country", "region"),
    [
        (Location(name="Denver, CO"), "", "US", "co"),
        (Location(name="Lima, PE"), "PE", "PE", ""),  # Peru, not Prince Edward Island
        (Location(name="Washington, D.C."), "", "US", "dc"),
        (Location(name="Washington DC"), "", "US", "dc"),
        (Location(name="Seattle, Washington"), "", "US", "wa"),
        (Location(name="Brooklyn"), "", "US", "new york"),
        (Location(name="Columbus, GA", country="US"), "", "US", ""),
        (Location(name="Columbus", country="US"), "", "US", "oh"),
        (Location(name="Toronto, ON", country="CA"), "", "CA", "on"),
        (Location(city="Denver", region="CO"), "", "US", "co"),
        (Location(name="上海"), "CN", "CN", ""),
        (Location(name="Remote - USA"), "", "US", ""),
        (Location(name="Toronto, ON, Canada"), "", "CA", "on"),
        (Location(name="Nueva York, EE. UU."), "", "US", "new york"),
        (Location(name="美国纽约"), "CN", "US", "new york"),
        (Location(name="远程（加拿大）"), "CN", "CA", ""),
        (Location(name="Austin, TX, USA"), "", "US", ""),
        (Location(name="Anywhere in the USA"), "", "US", ""),
        (Location(name="Remoto desde España"), "", "ES", ""),
        (Location(name="远程办公（美国境内）"), "CN", "US", ""),
        (Location(name="Remote, anywhere"), "", "", ""),
        # A city with no state is placed by the towns the law files name, never a
        # name that is a place elsewhere too.
        (Location(name="San Francisco Bay Area"), "", "US", "ca"),
        (Location(name="Greater Boston Area"), "", "US", "ma"),
        (Location(name="Seattle or Remote"), "", "US", "wa"),
        (Location(city="Denver", country="US"), "", "US", "co"),
        (Location(name="Milano"), "", "IT", ""),
        (Location(name="東京都"), "", "JP", ""),
        (Location(name="London"), "", "", ""),
        (Location(name="Vancouver, WA"), "", "US", "wa"),
        (Location(name="Perth, WA", country="AU"), "", "AU", ""),
        (Location(name="Charleston, West Virginia"), "", "", ""),
        (Location(name="Remote (EMEA)"), "", "", "emea"),
    ],
)
def test_where_a_location_is(location: Location, home: str, country: str, region: str) -> None:
    where = _where(location, home)
    assert (where.country, where.region) == (country, region)


def test_the_seed_posted_in_china_is_judged_and_its_exception_explained(in_repo: object) -> None:
    from pathlib import Path

    report = lint_paths(find_project(Path.cwd()))
    china = [f for f in report.findings if f.rule.id == "comp.cn"]
    assert china and all(f.suppressed for f in china)


def test_place_names_in_spanish_and_chinese_are_read(build_tree: Builder) -> None:
    spanish = "language: es\n" + role("'Nueva York, EE. UU.'", title="Ingeniería de datos")
    assert {"comp.us-nyc", "comp.us-ny"} <= ids(findings(build_tree, spanish))
    chinese = "language: zh-CN\n" + role("{name: 美国加州旧金山}", title="数据工程师")
    assert "comp.us-ca" in ids(findings(build_tree, chinese))
    assert "comp.cn" not in ids(findings(build_tree, chinese))


def test_a_remote_role_open_anywhere_in_a_country_is_under_its_laws(build_tree: Builder) -> None:
    found = ids(findings(build_tree, role("'Anywhere in the USA'", arrangement="remote")))
    assert {"comp.us-co", "comp.us-ny", "comp.us-ca"} <= found
