"""A posting's job id: one per role × location × locale, stable over a rename of the
place's display name, the same in the JSON-LD and every feed, and never shared by two
postings of the site (pay zones that start with the same place included)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import lxml.etree as ET
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.foundation.locales import parse_locale
from jdgen.i18n.localize import Localizer
from jdgen.project.config import Project, find_project
from jdgen.project.identity import MAX_LENGTH, job_id, location_keys
from jdgen.project.model import Location, Role, Salary
from jdgen.site.build import build_site

from .conftest import REPO, Builder

CONFIG = (
    "locales: [en, es]\nfallback_pages: true\nbase_url: https://jobs.acme.test/\n"
    "organization: {name: Acme}\n"
    "feeds: {linkedin: {company_id: '1234', poster_email: hr@acme.test}}\n"
)


def _role(locations: str) -> str:
    return (
        "title: Data Engineer\nposted: 2026-02-01\nemployment_type: full-time\n"
        f"locations: {locations}\n"
        "salary: {min: 4000, max: 5000, currency: USD, period: month}\n"
        "apply: {url: 'https://acme.test/apply'}\n"
        "summary: Build the pipelines that move our data from the warehouse to the models.\n"
    )


def ids_of(site: Path) -> dict[str, list[str]]:
    """Every id each feed and the JSON-LD give."""
    indeed = ET.parse(str(site / "indeed.xml"))
    linkedin = ET.parse(str(site / "linkedin.xml"))
    atom = ET.parse(str(site / "en/feed.atom"))
    ld = []
    for path in sorted(site.glob("*/*/posting.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        ld += [p["identifier"]["value"] for p in (data if isinstance(data, list) else [data])]
    return {
        "indeed": [e.text or "" for e in indeed.iter("referencenumber")],
        "linkedin": [e.text or "" for e in linkedin.iter("partnerJobId")],
        "atom": [e.text or "" for e in atom.iter("{http://www.w3.org/2005/Atom}id")],
        "json-ld": ld,
    }


def test_ids_survive_a_rename_of_every_place(build_tree: Builder) -> None:
    before = (
        "[{name: HQ, city: Austin, region: TX, country: US},"
        " {name: 北京总部, country: CN},"
        " {id: lisbon-hub, name: Lisboa, city: Lisboa, country: PT}]"
    )
    root = build_tree({"jdgen.yaml": CONFIG, "roles/data.yaml": _role(before)})
    build_site(find_project(root))
    first = ids_of(root / "site")
    # Display names change (and the explicit id's city is respelt); nothing else does.
    after = (
        "[{name: Austin office, city: Austin, region: TX, country: US},"
        " {name: 北京市办公室, country: CN},"
        " {id: lisbon-hub, name: Lisbon, city: Lisbon, country: PT}]"
    )
    (root / "roles/data.yaml").write_text(_role(after), encoding="utf-8")
    build_site(find_project(root))
    second = ids_of(root / "site")
    assert first == second
    assert first["indeed"] == [
        "data:us-austin:en",
        "data:cn:en",
        "data:lisbon-hub:en",
        "data:us-austin:es",
        "data:cn:es",
        "data:lisbon-hub:es",
    ]
    assert first["linkedin"] == first["indeed"]
    # The JSON-LD names its posting by the id of its first place, in its locale.
    assert sorted(first["json-ld"]) == ["data:us-austin:en", "data:us-austin:es"]
    assert "Lisbon" in (root / "site/en/data/index.html").read_text(encoding="utf-8")


def test_the_id_differs_by_locale_and_by_place_and_fits_linkedin() -> None:
    assert job_id("r", "pe-lima", "es") != job_id("r", "pe-lima", "en")
    assert job_id("r", "pe-lima", "es") != job_id("r", "pe-cusco", "es")
    long = job_id("a-very-long-role-id-for-a-very-specific-job", "us-san-francisco", "zh-Hant")
    assert len(long) == MAX_LENGTH
    other = job_id("a-very-long-role-id-for-a-very-specific-job", "us-san-francisco", "zh-TW")
    assert long != other and long[:20] == other[:20]


def test_a_translated_city_does_not_change_the_id(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": CONFIG,
            "roles/data.yaml": _role("[{city: Beijing, country: CN}]"),
            "locales/es/LC_MESSAGES/role-data.po": (
                'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                'msgctxt "data:locations.city"\nmsgid "Beijing"\nmsgstr "Pekín"\n'
            ),
        }
    )
    build_site(find_project(root))
    indeed = (root / "site/indeed.xml").read_text(encoding="utf-8")
    assert "<city><![CDATA[Pekín]]></city>" in indeed  # the translation is shown...
    refs = ids_of(root / "site")["indeed"]  # ...and the id is the place's, as written
    assert refs == ["data:cn-beijing:en", "data:cn-beijing:es"]


# -- no two postings share an id -------------------------------------------------------

LOCALIZER = Localizer(parse_locale("en"), (REPO / "locales",))
PLACES = [
    Location(city="Madrid", country="ES"),
    Location(name="Madrid centro", city="Madrid", country="ES"),
    Location(city="Lima", country="PE"),
    Location(name="Remote, Spain", country="ES"),
    Location(name="Oficinas"),
    Location(id="hq", name="Sede", country="ES"),
    Location(city="São Paulo", country="BR"),
    Location(city="北京", country="CN"),
]
PAYS = [
    None,
    Salary(min=Decimal(100), max=Decimal(200), currency="EUR", period="year"),
    Salary(min=Decimal(300), max=Decimal(400), currency="EUR", period="year"),
]


@st.composite
def roles(draw: st.DrawFn) -> Role:
    from dataclasses import replace

    picked = draw(st.lists(st.sampled_from(range(len(PLACES))), min_size=0, max_size=6))
    places = tuple(replace(PLACES[i], pay=draw(st.sampled_from(PAYS))) for i in picked)
    return Role(
        id=draw(st.sampled_from(["r", "data-engineer", "x" * 45])),
        language="en",
        title="Engineer",
        locations=places,
        salary=draw(st.sampled_from(PAYS)),
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(roles(), min_size=1, max_size=4, unique_by=lambda r: r.id))
def test_no_two_postings_on_the_site_share_an_identifier(site_roles: list[Role]) -> None:
    from jdgen.site.pages import job_postings

    project = Project(REPO)
    ld: list[str] = []
    jobs: list[str] = []
    for role in site_roles:
        for tag in ("en", "es"):
            localizer = Localizer(parse_locale(tag), (REPO / "locales",))
            postings = job_postings(role, localizer, project, "<p>x</p>", "https://x.test/")
            ld += [p["identifier"]["value"] for p in postings]
            keys = location_keys(role)
            jobs += [job_id(role.id, k, tag) for k in keys] or [job_id(role.id, None, tag)]
    assert len(ld) == len(set(ld)), ld
    assert len(jobs) == len(set(jobs)), jobs
    assert all(len(j) <= MAX_LENGTH and re.fullmatch(r"[a-z0-9:~-]+", j.lower()) for j in jobs)


def test_two_pay_zones_that_start_with_the_same_place_have_their_own_ids() -> None:
    from jdgen.site.pages import job_postings

    low, high = PAYS[1], PAYS[2]
    role = Role(
        id="r",
        language="en",
        title="Engineer",
        locations=(
            Location(name="Madrid", city="Madrid", country="ES", pay=low),
            Location(name="Madrid", city="Madrid", country="ES", pay=high),
        ),
    )
    postings = job_postings(role, LOCALIZER, Project(REPO), "<p>x</p>", "https://x.test/")
    assert [p["identifier"]["value"] for p in postings] == ["r:es-madrid:en", "r:es-madrid-2:en"]


def test_credential_categories_in_each_language() -> None:
    from jdgen.site.qualifications import credential_category

    cases = {
        "Bachelor's degree in Computer Science": "bachelor degree",
        "BSc or MSc in statistics": "bachelor degree",  # the lower of the two is required
        "Máster en ingeniería de datos": "postgraduate degree",
        "PhD preferred": "postgraduate degree",
        "Licenciatura en Economía o afines": "bachelor degree",
        "本科及以上学历，计算机相关专业": "bachelor degree",
        "硕士研究生及以上": "postgraduate degree",
        "大专以上学历": "associate degree",
        "High school diploma or GED": "high school",
        "AWS certification": "professional certificate",
        "A love of learning": None,
        "Basic English": None,
    }
    assert {text: credential_category(text) for text in cases} == cases
