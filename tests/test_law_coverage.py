"""Every correction of issue 27 as a test: each law passes a role the day before it takes
effect and fails it on the day; each size threshold covers an employer at it and not one
below it, by the figure the law counts; each coverage test (could be done there, reports
to an office there, works for an office there, employer based there) reaches the roles
it names and no other; and the corrected citations, exemptions and substitutes."""

from __future__ import annotations

import datetime as dt

import pytest

from jdgen.lint.laws import laws
from jdgen.lint.rules import Finding

from .conftest import Builder
from .test_laws import BAD_PAY, COMPLETE, PLACES, findings, pay, role

LAWS = {law.id: law for law in laws()}


def binding(found: list[Finding], law_id: str) -> list[Finding]:
    return [f for f in found if f.rule.id == f"comp.{law_id}" and f.severity != "info"]


def size(n: int) -> str:
    return f"organization: {{name: Acme, employees: {n}}}\n"


@pytest.mark.parametrize("law_id", sorted(set(PLACES) - {"eu"}))
def test_each_law_passes_the_day_before_it_takes_effect_and_fails_on_the_day(
    build_tree: Builder, law_id: str
) -> None:
    law = LAWS[law_id]
    where = PLACES[law_id][0]
    bad = BAD_PAY.get(law_id, "")
    before = str(law.effective - dt.timedelta(days=1))
    assert not binding(findings(build_tree, role(where, before, bad)), law_id)
    assert binding(findings(build_tree, role(where, str(law.effective), bad)), law_id)


def test_the_corrected_dates() -> None:
    expected = {
        "us-hi": "2024-01-01",
        "ca-pe": "2022-06-01",
        "eu-lt": "2019-07-27",
        "eu-sk": "2018-05-01",
        "us-va": "2026-07-01",
        "us-jersey-city": "2022-04-13",
    }
    assert {k: str(LAWS[k].effective) for k in expected} == expected
    assert LAWS["us-me"].effective.year == 2026 and LAWS["us-me"].effective.month == 7


SIZED = sorted(law.id for law in laws() if law.employees and law.employees > 1)


@pytest.mark.parametrize("law_id", SIZED)
def test_each_threshold_covers_an_employer_at_it_and_not_one_below(
    build_tree: Builder, law_id: str
) -> None:
    law = LAWS[law_id]
    assert law.employees
    where, _, posted = PLACES[law_id]
    text = role(where, max(posted, str(law.effective)))
    at = binding(findings(build_tree, text, size(law.employees)), law_id)
    # The finding says which figure it used.
    assert at and f" {law.employees} " in at[0].message
    assert "(organization.employees)" in at[0].message
    assert not binding(findings(build_tree, text, size(law.employees - 1)), law_id)


PLACE_COUNTED = sorted(law.id for law in laws() if law.counting == "place")


@pytest.mark.parametrize("law_id", PLACE_COUNTED)
def test_laws_counting_staff_in_their_place_use_the_count_there(
    build_tree: Builder, law_id: str
) -> None:
    law = LAWS[law_id]
    assert law.employees
    place = law.places[0]
    parts = [f"country: {sorted(place.countries)[0]}"]
    if place.regions:
        parts.append(f"region: '{sorted(place.regions)[0]}'")
    if place.cities:
        parts.append(f"city: '{place.cities[0]}'")
    where, _, posted = PLACES[law_id]
    text = role(where, max(posted, str(law.effective)))

    def staff(n: int) -> str:
        return text + f"staff: [{{{', '.join(parts)}, employees: {n}}}]\n"

    # The overall figure is large: only the count in the place decides.
    at = binding(findings(build_tree, staff(law.employees), size(5000)), law_id)
    assert at and f"counted {law.employees} in {law.name} (staff)" in at[0].message
    assert not binding(findings(build_tree, staff(law.employees - 1), size(5000)), law_id)
    # Without a count there, the overall figure is used, and the finding says so.
    used = binding(findings(build_tree, text, size(5000)), law_id)
    assert used and "the overall 5000 (organization.employees) was used" in used[0].message


def test_new_york_city_counts_contractors_and_jersey_city_reaches_below_new_jersey(
    build_tree: Builder,
) -> None:
    assert "independent contractors" in LAWS["us-nyc"].counting_rule
    assert "20 calendar weeks" in LAWS["us-nj"].counting_rule
    jersey = role("'Jersey City, NJ'")
    found = findings(build_tree, jersey, size(7))
    assert binding(found, "us-jersey-city") and not binding(found, "us-nj")


REMOTE_US = "{name: Remote (US), country: US}"


@pytest.mark.parametrize(
    ("law_id", "open_there", "elsewhere"),
    [
        ("us-co", REMOTE_US, "{region: TX, country: US}"),
        ("us-nyc", REMOTE_US, "{region: NJ, country: US}"),
        ("ca-bc", "{country: CA}", "{region: ON, country: CA}"),
        ("us-va", REMOTE_US, "{region: MD, country: US}"),
    ],
)
def test_could_be_done_there_reaches_remote_jobs_open_there(
    build_tree: Builder, law_id: str, open_there: str, elsewhere: str
) -> None:
    assert binding(findings(build_tree, role(open_there, arrangement="remote")), law_id)
    assert not binding(findings(build_tree, role(elsewhere, arrangement="remote")), law_id)
    # The same place, on site, is not there.
    on_site = "{city: Austin, region: TX, country: US}"
    assert not binding(findings(build_tree, role(on_site)), law_id)


@pytest.mark.parametrize("where", ["'Remote, anywhere'", "'Remote'", "'Anywhere in the world'"])
def test_a_remote_role_naming_no_country_is_open_everywhere(
    build_tree: Builder, where: str
) -> None:
    found = findings(build_tree, role(where, arrangement="remote"))
    day = dt.date(2026, 11, 1)
    reached = {
        law.id
        for law in laws()
        if law.remote and law.effective <= day and not (law.until and law.until < day)
    }
    assert reached <= {f.rule.id.removeprefix("comp.") for f in found if f.severity != "info"}
    # Laws that reach only jobs done there are not guessed at.
    assert not binding(found, "us-hi") and not binding(found, "eu-lt")
    # An area that holds none of those countries is not everywhere.
    emea = findings(build_tree, role("'Remote (EMEA)'", arrangement="remote"))
    assert not any(binding(emea, law_id) for law_id in reached)


def test_reporting_to_an_office_reaches_new_york_state_illinois_and_massachusetts(
    build_tree: Builder,
) -> None:
    austin = "{city: Austin, region: TX, country: US}"
    for law_id, office in (
        ("us-ny", "{city: Albany, region: NY, country: US}"),
        ("us-il", "'Chicago, IL'"),
        ("us-ma", "{city: Boston, region: MA, country: US}"),
    ):
        found = findings(build_tree, role(austin) + f"reports_to: {office}\n")
        assert binding(found, law_id), law_id
        assert "reports to" in binding(found, law_id)[0].message
    # Reporting to Texas reaches none of them.
    found = findings(build_tree, role(austin) + "reports_to: 'Dallas, TX'\n")
    assert not any(binding(found, x) for x in ("us-ny", "us-il", "us-ma"))


def test_vermont_reaches_remote_jobs_working_for_an_office_there(build_tree: Builder) -> None:
    maine = role("{region: NH, country: US}", arrangement="remote")
    office = "reports_to: {city: Montpelier, region: Vermont, country: US}\n"
    assert binding(findings(build_tree, maine + office), "us-vt")
    unknown = [f for f in findings(build_tree, maine) if f.rule.id == "comp.us-vt"]
    assert [f.severity for f in unknown] == ["info"] and unknown[0].field == "reports_to"
    # An on-site job elsewhere reporting to Vermont is not a Vermont job opening.
    on_site = role("{city: Concord, region: NH, country: US}") + office
    assert not [f for f in findings(build_tree, on_site) if f.rule.id == "comp.us-vt"]


def test_delaware_reaches_the_remote_jobs_of_employers_based_there(build_tree: Builder) -> None:
    seat = "employer_seat: {city: Dover, region: DE, country: US}\n"
    remote = role("{region: Ohio, country: US}", "2027-09-26", arrangement="remote")
    assert binding(findings(build_tree, remote + seat, size(30)), "us-de")
    assert not binding(findings(build_tree, remote + seat, size(25)), "us-de")
    elsewhere = "employer_seat: 'Austin, TX'\n"
    assert not binding(findings(build_tree, remote + elsewhere, size(30)), "us-de")
    abroad = role("{city: London, country: GB}", "2027-09-26", arrangement="remote")
    assert not binding(findings(build_tree, abroad + seat, size(30)), "us-de")
    asked = [f for f in findings(build_tree, remote, size(30)) if f.rule.id == "comp.us-de"]
    assert asked and asked[0].severity == "info" and asked[0].field == "employer_seat"


def test_massachusetts_reaches_remote_jobs_done_in_the_state(build_tree: Builder) -> None:
    remote = role("{region: MA, country: US}", arrangement="remote")
    assert binding(findings(build_tree, remote), "us-ma")


def test_ontario_exempts_pay_above_200000_and_asks_ai_only_of_employers_using_it(
    build_tree: Builder,
) -> None:
    toronto = "{city: Toronto, region: ON, country: CA}"
    high = findings(build_tree, role(toronto, pay=pay(150000, 260000, "CAD")))
    assert not binding(high, "ca-on")  # above $200,000 no pay duty, no width limit
    missing = binding(findings(build_tree, role(toronto)), "ca-on")
    assert missing and "unless the pay is above 200,000 CAD" in missing[0].message
    no_ai = COMPLETE.replace("ai_screening: false\n", "")
    found = findings(build_tree, role(toronto, pay=pay(80000, 100000, "CAD"), extra=no_ai))
    ai = [f for f in found if f.rule.id == "comp.ca-on"]
    assert [f.severity for f in ai] == ["info"] and ai[0].field == "ai_screening"
    used = COMPLETE.replace("ai_screening: false", "ai_screening: true")
    assert not [
        f
        for f in findings(build_tree, role(toronto, pay=pay(80000, 100000, "CAD"), extra=used))
        if f.rule.id == "comp.ca-on"
    ]


def test_colorado_takes_an_ongoing_basis_statement_for_a_deadline(build_tree: Builder) -> None:
    denver = "{city: Denver, region: CO, country: US}"
    no_deadline = COMPLETE.replace("valid_through: 2027-12-31\n", "")
    text = role(denver, pay=pay(70000, 90000, "USD"), extra=no_deadline)
    missing = binding(findings(build_tree, text), "us-co")
    assert missing and "ongoing basis" in missing[0].message
    assert not binding(findings(build_tree, text + "applications_ongoing: true\n"), "us-co")


def test_china_binds_platforms_and_takes_updates_for_a_validity_period(
    build_tree: Builder,
) -> None:
    shanghai = "{name: 上海, country: CN}"
    no_pay = findings(build_tree, role(shanghai))
    assert [f.severity for f in no_pay if f.rule.id == "comp.cn"] == ["warning"]
    no_validity = COMPLETE.replace("valid_through: 2027-12-31\n", "")
    updated = role(shanghai, pay=pay(20000, 30000, "CNY", "month"), extra=no_validity)
    assert not binding(findings(build_tree, updated), "cn")
    undated = updated.replace("posted: 2026-11-01\n", "")
    assert binding(findings(build_tree, undated, today="2026-11-01"), "cn")


def test_eu_severities_follow_what_each_law_requires(build_tree: Builder) -> None:
    def severities(where: str, title: str = "Data Engineer", lang: str = "") -> dict[str, str]:
        text = (f"language: {lang}\n" if lang else "") + role(where, title=title)
        return {f.rule.id: f.severity for f in findings(build_tree, text)}

    assert severities("{city: Milano, country: IT}")["comp.eu-it"] == "error"
    assert severities("{city: Bratislava, country: SK}")["comp.eu-sk"] == "error"
    polish = findings(
        build_tree,
        "language: es\n" + role("{city: Gdańsk, country: PL}", title="Ingeniero de datos"),
    )
    by = {f.severity for f in polish if f.rule.id == "comp.eu-pl"}
    assert by == {"warning", "error"}  # pay before the interview; the title in the ad
    vienna = "language: es\n" + role(
        "{city: Wien, country: AT}", pay=pay(3500, None, "EUR", "month"), title="Ingeniero de datos"
    )
    hits = binding(findings(build_tree, vienna), "eu-at")
    assert hits and "gender-neutral title" in hits[0].message


def test_slovakia_asks_for_a_neutral_title_only_from_2026(build_tree: Builder) -> None:
    text = "language: es\n" + role(
        "{city: Košice, country: SK}",
        "2025-06-01",
        pay(1500, None, "EUR", "month"),
        title="Ingeniero de datos",
    )
    assert not binding(findings(build_tree, text), "eu-sk")
    later = text.replace("posted: 2025-06-01", "posted: 2026-06-07")
    assert binding(findings(build_tree, later), "eu-sk")


def test_australia_flags_advertised_pay_below_the_minimum_only(build_tree: Builder) -> None:
    perth = "{city: Perth, region: WA, country: AU}"
    assert binding(findings(build_tree, role(perth, pay=pay(30000, 35000, "AUD"))), "au")
    assert not binding(findings(build_tree, role(perth, pay=pay(70000, 90000, "AUD"))), "au")
    assert not binding(findings(build_tree, role(perth)), "au")
    # Perth's WA is not Washington State.
    assert not binding(findings(build_tree, role(perth)), "us-wa")


def test_the_corrected_citations_and_their_sources() -> None:
    cited = {
        "ca-bc": "s. 2",
        "eu-pl": "18³ᶜᵃ",
        "eu-mt": "L.N. 112 of 2025",
        "us-ma": "§ 105F",
        "us-nj": "34:6B-23",
        "us-cleveland": "Ordinance 104-2025",
        "us-co": "7 CCR 1103-18",
        "cn": "关于规范网络平台招聘类信息发布的通知",
        "eu-at": "§ 9",
        "us-hi": "§ 378-2.8",
        "jp": "第5条の3",
        "au": "536AA",
    }
    for law_id, words in cited.items():
        assert words in LAWS[law_id].rule.data["law"], law_id
    assert "ch. 669" in LAWS["us-cleveland"].rule.data["law"]
    assert "Rule 11.1" in LAWS["us-co"].rule.data["law"]
    for law in laws():
        assert len(law.sources) >= 2, law.id
        assert all(url.startswith(("https://", "http://")) for _, url in law.sources)
        assert law.checked >= dt.date(2026, 12, 3), law.id


def test_a_finding_of_a_law_with_unverified_facts_says_so(build_tree: Builder) -> None:
    assert LAWS["us-va"].unverified
    found = binding(findings(build_tree, role("'Richmond, VA'")), "us-va")
    assert found and "unverified" in found[0].message
    assert "unverified" in found[0].rule.source
    assert not LAWS["ca-bc"].unverified
    vancouver = binding(findings(build_tree, role("'Vancouver, BC, Canada'")), "ca-bc")
    assert vancouver and "unverified" not in vancouver[0].message


def test_local_new_york_laws_came_before_the_state_law(build_tree: Builder) -> None:
    yonkers = "'Yonkers, NY'"
    before_state = findings(build_tree, role(yonkers, "2023-09-16"))
    assert binding(before_state, "us-westchester") and not binding(before_state, "us-ny")
    after = findings(build_tree, role(yonkers, "2023-09-17"))
    assert binding(after, "us-ny") and not binding(after, "us-westchester")
    ithaca = findings(build_tree, role("'Ithaca, NY'", "2022-10-01"))
    assert binding(ithaca, "us-ithaca") and not binding(ithaca, "us-ny")


@pytest.mark.parametrize(
    "where",
    ["'Remote - USA, excluding California'", "'Remoto (EE. UU., excepto California)'"],
)
def test_a_remote_posting_that_leaves_a_state_out_is_not_under_its_law(
    build_tree: Builder, where: str
) -> None:
    found = findings(build_tree, role(where, arrangement="remote"))
    assert not binding(found, "us-ca")
    assert binding(found, "us-wa") and binding(found, "us-ny")
    # Colorado's agency covers remote postings that leave Colorado out all the same.
    no_colorado = role("'Remote (US, not available in Colorado)'", arrangement="remote")
    assert binding(findings(build_tree, no_colorado), "us-co")
