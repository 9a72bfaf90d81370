"""The job-board feeds: indeed.xml, linkedin.xml and an Atom feed per locale, checked
with lxml against each board's rules, complete (every posting on the site), and written
incrementally (one role changed rewrites its own entries only)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import lxml.etree as ET
import lxml.html
import pytest
from click.testing import CliRunner

from jdgen import cli
from jdgen.project.config import find_project
from jdgen.site.build import build_site

from .conftest import Builder

BASE = "https://jobs.acme.test/"
CONFIG = (
    f"locales: [en, es]\nfallback_pages: true\nbase_url: {BASE}\n"
    "organization: {name: Acme & Sons}\n"
)
LINKEDIN = "feeds: {linkedin: {company_id: '98765', poster_email: hr@acme.test}}\n"
ATOM = "{http://www.w3.org/2005/Atom}"

# Text that HTML escapes (& < > "), a CDATA end, and markup written as text.
TRICKY = (
    "title: R&D Engineer\nposted: 2026-02-03\nvalid_through: 2027-01-31\n"
    "employment_type: part-time\nteam: Research & Development\n"
    "locations: [{name: Main office, city: Austin, region: TX, country: US, "
    "street: 1 Congress Ave, postal_code: '78701'}, {city: Lima, country: PE}]\n"
    "salary: {min: 4000, max: 5000, currency: USD, period: month}\n"
    'summary: You will compare <b>models</b> where a < b and "x ]]> y" still parses; '
    "tools & tests, every day, with people who care about measurement (in HTML, `&amp;`).\n"
    "requirements:\n  must_have: [Python & SQL]\n"
    "  education: Bachelor's degree in statistics or equivalent experience\n"
    "experience: [{level: Mid, years: 3-5}, {level: Senior, years: 6+}]\n"
    "apply: {url: 'https://acme.test/apply?job=rd&src=site', email: jobs@acme.test}\n"
)
REMOTE = (
    "title: Support Lead\nposted: 2026-01-10\nwork_arrangement: remote\n"
    "employment_type: full-time\nlocations: [{name: Anywhere in Spain, country: ES}]\n"
    "salary: {min: 30000, max: 42000, currency: EUR, period: year}\n"
    "summary: Lead the team that answers our customers in every time zone we serve well.\n"
    "apply: {email: support-jobs@acme.test}\n"
)
HYBRID = (
    "title: Analyst\nposted: 2026-01-20\nwork_arrangement: hybrid\n"
    "locations: [{city: Madrid, country: ES}]\n"
    "summary: Turn the numbers of our stores into decisions that managers can act on.\n"
)


def _site(build_tree: Builder, config: str = CONFIG, **roles: str) -> Path:
    files = {"jdgen.yaml": config} | {f"roles/{name}.yaml": text for name, text in roles.items()}
    root = build_tree(files)
    build_site(find_project(root), today=None)
    return root / "site"


def _jobs(site: Path, name: str = "indeed.xml") -> list[dict[str, str]]:
    tree = ET.parse(str(site / name))
    return [{str(child.tag): child.text or "" for child in job} for job in tree.iter("job")]


def test_indeed_holds_every_posting_location_and_locale(build_tree: Builder) -> None:
    site = _site(build_tree, rd=TRICKY, support=REMOTE, analyst=HYBRID)
    jobs = _jobs(site)
    # Indeed's complete-feed rule: every page × place on the site, nothing else.
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("*/*/posting.json"))
    expected = sorted(
        (page.split("/")[0], page.split("/")[1], n)
        for page in pages
        for n in range({"rd": 2, "support": 1, "analyst": 1}[page.split("/")[1]])
    )
    found = sorted((j["url"].removeprefix(BASE).split("/")[0], j["requisitionid"], 0) for j in jobs)
    assert len(jobs) == len(expected) == 8
    assert {(a, b) for a, b, _ in found} == {(a, b) for a, b, _ in expected}
    refs = [j["referencenumber"] for j in jobs]
    assert len(refs) == len(set(refs))
    for job in jobs:
        page = job["url"].removeprefix(BASE)
        assert (site / page / "index.html").is_file()  # the description page itself


def test_indeed_has_no_entity_anywhere_and_keeps_the_text(build_tree: Builder) -> None:
    site = _site(build_tree, rd=TRICKY)
    raw = (site / "indeed.xml").read_text(encoding="utf-8")
    assert raw.startswith('<?xml version="1.0" encoding="utf-8"?>\n<source>')
    assert not re.search(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);", raw), "an entity"
    job = _jobs(site)[0]
    assert job["title"] == "R&D Engineer"
    assert job["company"] == "Acme & Sons"
    text = job["description"]
    # The page's HTML, its entities turned back into characters, the ]]> split so that
    # it cannot end the CDATA: parsed back, the text is the candidate's.
    assert 'where a < b and "x ]]> y" still parses' in text
    assert "tools & tests" in text
    # An entity the text spells out (in code) stays text.
    assert "(in HTML, <code>&\u2060amp;</code>)" in text
    # Role text is data: "<b>" written in it is shown, never made bold.
    assert "compare \uff1cb>models\uff1c/b> where" in text
    parsed = lxml.html.fragment_fromstring(text, create_parent="div")
    assert not parsed.findall(".//b")
    assert parsed.findall(".//h2")  # the page's own markup is kept
    assert text.lstrip().startswith("<")
    page = (site / "en/rd/index.html").read_text(encoding="utf-8")
    assert "where a &lt; b" in page  # the page escapes; the feed does not


def test_indeed_fields_follow_the_page(build_tree: Builder) -> None:
    site = _site(build_tree, rd=TRICKY, support=REMOTE, analyst=HYBRID)
    by_ref = {j["referencenumber"]: j for j in _jobs(site)}
    austin = by_ref["rd:us-austin:en"]
    assert austin["date"] == "2026-02-03"  # the date the page shows
    assert "February 3, 2026" in (site / "en/rd/index.html").read_text(encoding="utf-8")
    assert by_ref["rd:us-austin:es"]["date"] == "2026-02-03"
    assert "3 de febrero de 2026" in (site / "es/rd/index.html").read_text(encoding="utf-8")
    assert austin["requisitionid"] == "rd"
    assert austin["url"] == f"{BASE}en/rd/"
    assert (austin["city"], austin["state"], austin["country"]) == ("Austin", "TX", "US")
    assert (austin["postalcode"], austin["streetaddress"]) == ("78701", "1 Congress Ave")
    assert austin["salary"] == "$4,000 – $5,000 per month"
    assert by_ref["rd:us-austin:es"]["salary"] == "4.000-5.000\xa0US$ al mes"
    assert austin["jobtype"] == "parttime"
    assert austin["education"].startswith("Bachelor")
    assert austin["experience"] == "3-5 years"
    assert austin["category"] == "Research & Development"
    assert austin["expirationdate"] == "2027-01-31"
    assert austin["email"] == "jobs@acme.test"
    assert "remotetype" not in austin
    lima = by_ref["rd:pe-lima:en"]
    assert (lima["city"], lima["country"]) == ("Lima", "PE")
    assert "postalcode" not in lima  # not on the page
    remote = by_ref["support:es:en"]
    assert (remote["city"], remote["state"], remote["postalcode"]) == ("Remote", "", "")
    assert remote["country"] == "ES"
    assert remote["remotetype"] == "Fully remote"
    assert "streetaddress" not in remote
    hybrid = by_ref["analyst:es-madrid:en"]
    assert (hybrid["city"], hybrid["remotetype"]) == ("Madrid", "Hybrid remote")
    assert hybrid["salary"] == ""  # no pay on the page: left empty


def test_indeed_salary_is_written_out_where_the_page_writes_thousands(
    build_tree: Builder,
) -> None:
    role = (
        "title: 工程师\nlanguage: zh\nposted: 2026-01-05\nlocations: [{city: 上海, country: CN}]\n"
        "salary: {min: 28000, max: 60000, currency: CNY, period: month}\n"
    )
    site = _site(build_tree, "locales: [zh]\nbase_url: https://jobs.acme.test/\n", eng=role)
    (job,) = _jobs(site)
    assert "K" not in job["salary"] and "28,000" in job["salary"] and "月" in job["salary"]
    assert "28K" in (site / "zh/eng/index.html").read_text(encoding="utf-8")


def test_linkedin_is_written_only_with_what_linkedin_requires(build_tree: Builder) -> None:
    site = _site(build_tree, rd=TRICKY)
    assert not (site / "linkedin.xml").exists()  # not asked for: no file, no warning
    runner = CliRunner()
    Path("jdgen.yaml").write_text(CONFIG + "feeds: {linkedin: {company_id: '42'}}\n")
    result = runner.invoke(cli.main, ["build"])
    assert result.exit_code == 0, result.output
    assert "linkedin.xml is not written" in result.output
    assert "feeds.linkedin.poster_email" in result.output
    assert "company_id" not in result.output.split("requires", 1)[1].split("(")[0]
    assert not (site / "linkedin.xml").exists()
    Path("jdgen.yaml").write_text(CONFIG + "feeds: {linkedin: {company_id: abc}}\n")
    bad = runner.invoke(cli.main, ["build"])
    assert bad.exit_code == 1
    assert re.search(r"jdgen\.yaml:\d+:\d+", bad.output), bad.output
    Path("jdgen.yaml").write_text(CONFIG + LINKEDIN)
    assert runner.invoke(cli.main, ["build"]).exit_code == 0
    assert (site / "linkedin.xml").is_file()


def test_linkedin_follows_its_job_xml(build_tree: Builder) -> None:
    long_id = "senior-machine-learning-platform-engineer-infra"
    site = _site(
        build_tree,
        CONFIG + LINKEDIN,
        rd=TRICKY,
        support=REMOTE,
        analyst=HYBRID,
        **{long_id: TRICKY.replace("R&D Engineer", "Platform Engineer")},
    )
    jobs = _jobs(site, "linkedin.xml")
    assert len(jobs) == len(_jobs(site))  # one job per city and locale, as Indeed's
    ids = [j["partnerJobId"] for j in jobs]
    assert all(len(i) <= 40 for i in ids) and len(set(ids)) == len(ids)
    by_id = {j["partnerJobId"]: j for j in jobs}
    austin = by_id["rd:us-austin:en"]
    assert austin["location"] == "Austin, TX"
    assert by_id["rd:pe-lima:es"]["location"] == "Lima, Peru"
    assert by_id["support:es:en"]["workplaceTypes"] == "Remote"
    assert by_id["support:es:en"]["location"] == "Spain"
    assert by_id["analyst:es-madrid:en"]["workplaceTypes"] == "Hybrid"
    assert austin["companyId"] == "98765" and austin["posterEmail"] == "hr@acme.test"
    assert austin["company"] == "Acme & Sons" and austin["title"] == "R&D Engineer"
    assert austin["applyUrl"] == "https://acme.test/apply?job=rd&src=site"
    assert by_id["analyst:es-madrid:en"]["applyUrl"] == f"{BASE}en/analyst/"
    assert austin["jobtype"] == "PART_TIME" and austin["experienceLevel"] == "ASSOCIATE"
    assert austin["expirationDate"] == "2027-01-31" and austin["listDate"] == "2026-02-03"
    description = austin["description"]
    assert len(re.sub(r"<[^>]+>", "", description)) >= 100
    tags = set(re.findall(r"</?([a-zA-Z0-9]+)", description))
    assert tags <= {"b", "strong", "u", "i", "br", "p", "ul", "li"}, tags
    assert "Research &amp; Development" in description  # HTML, as LinkedIn reads it
    assert "&lt;b&gt;models" in description  # role text stays text
    tree = ET.parse(str(site / "linkedin.xml"))
    salary = next(tree.iter("salary"))
    assert salary.findtext("highEnd/amount") == "5000"
    assert salary.findtext("lowEnd/amount") == "4000"
    assert salary.findtext("lowEnd/currencyCode") == "USD"
    assert salary.findtext("period") == "MONTHLY"
    assert salary.findtext("type") == "BASE_SALARY"


def test_an_atom_feed_per_locale_linked_from_its_index(build_tree: Builder) -> None:
    site = _site(build_tree, rd=TRICKY, support=REMOTE)
    for tag, title in (("en", "Open positions"), ("es", "Vacantes abiertas")):
        feed = ET.parse(str(site / tag / "feed.atom")).getroot()
        assert feed.tag == f"{ATOM}feed"
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == tag
        assert feed.findtext(f"{ATOM}title", "").startswith(title)
        entries = feed.findall(f"{ATOM}entry")
        assert sorted(e.findtext(f"{ATOM}id", "") for e in entries) == [
            f"{BASE}{tag}/rd/",
            f"{BASE}{tag}/support/",
        ]
        rd = next(e for e in entries if e.findtext(f"{ATOM}id", "").endswith("/rd/"))
        terms = {
            (c.get("scheme", "").rsplit("/", 2)[-2], c.get("term"))
            for c in rd.findall(f"{ATOM}category")
        }
        assert ("team", "Research & Development") in terms
        assert ("location", "Main office") in terms and ("location", "Lima") in terms
        job = {
            str(el.tag).split("}")[1]: el.text for el in rd if str(el.tag).startswith("{" + BASE)
        }
        assert set(job) >= {"location", "job_type", "company", "salary", "job_category"}
        assert job["company"] == "Acme & Sons"
        support = next(e for e in entries if e.findtext(f"{ATOM}id", "").endswith("/support/"))
        arrangement = [
            c.get("term")
            for c in support.findall(f"{ATOM}category")
            if "arrangement" in c.get("scheme", "")
        ]
        assert arrangement == [{"en": "Remote", "es": "Remoto"}[tag]]
        assert rd.findtext(f"{ATOM}updated") == "2026-02-03T00:00:00Z"
        assert feed.findtext(f"{ATOM}updated") == "2026-02-03T00:00:00Z"
        index = (site / tag / "index.html").read_text(encoding="utf-8")
        assert '<link rel="alternate" type="application/atom+xml" href="feed.atom"' in index


def test_feeds_leave_out_expired_postings_and_can_be_turned_off(build_tree: Builder) -> None:
    expired = TRICKY.replace("valid_through: 2027-01-31", "valid_through: 2026-01-01")
    files = {"jdgen.yaml": CONFIG + "today: 2026-03-01\n", "roles/old.yaml": expired}
    root = build_tree(files | {"roles/new.yaml": HYBRID})
    build_site(find_project(root), today=None)
    assert {j["requisitionid"] for j in _jobs(root / "site")} == {"new"}
    (root / "jdgen.yaml").write_text(CONFIG + "feeds: {indeed: false, atom: false}\n")
    build_site(find_project(root))
    assert not (root / "site/indeed.xml").exists()
    assert not (root / "site/en/feed.atom").exists()
    assert "feed.atom" not in (root / "site/en/index.html").read_text(encoding="utf-8")


def test_one_role_changed_rewrites_its_entries_only(
    build_tree: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jdgen.site import roles as site_roles

    site = _site(build_tree, CONFIG + LINKEDIN, rd=TRICKY, support=REMOTE, analyst=HYBRID)
    before = {n: (site / n).read_bytes() for n in ("indeed.xml", "linkedin.xml", "en/feed.atom")}
    made: list[str] = []
    real = site_roles.feed_parts  # type: ignore[attr-defined]

    def counted(posting: object, *args: object) -> dict[str, str]:
        made.append(posting.role.id)  # type: ignore[attr-defined]
        return real(posting, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(site_roles, "feed_parts", counted)
    root = site.parent
    (root / "roles/analyst.yaml").write_text(HYBRID.replace("Analyst", "Data Analyst"))
    report = build_site(find_project(root))
    assert set(made) == {"analyst"}  # one entry per locale, of that role only
    assert report.rendered == 1
    for name, old in before.items():
        new = (site / name).read_bytes()
        assert new != old and b"Data Analyst" in new
        # Every other posting's entries are the very bytes they were.
        assert len(_entries(old, "analyst")) >= 2
        assert _entries(old, "analyst") == _entries(new, "analyst")
    made.clear()
    again = build_site(find_project(root))
    assert made == [] and not again.changed


def _entries(feed: bytes, without: str) -> list[str]:
    """The entries of a feed, but those of the role ``without``."""
    parts = re.split(r"\n <(?:job|entry)>\n", feed.decode())[1:]
    return [p for p in parts if f"/{without}/" not in p]


def test_changes_list_the_feeds_that_changed(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": CONFIG, "roles/rd.yaml": TRICKY})
    runner = CliRunner()
    assert runner.invoke(cli.main, ["build"]).exit_code == 0
    (root / "roles/rd.yaml").write_text(TRICKY.replace("R&D Engineer", "Research Engineer"))
    result = runner.invoke(cli.main, ["build", "--changes", "changes.json"])
    assert result.exit_code == 0, result.output
    changes = json.loads((root / "changes.json").read_text())
    assert {f"{BASE}indeed.xml", f"{BASE}en/feed.atom", f"{BASE}es/feed.atom"} <= set(
        changes["updated"]
    )


def test_feeds_are_reproducible(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": CONFIG + LINKEDIN, "roles/rd.yaml": TRICKY})
    build_site(find_project(root), root / "a")
    build_site(find_project(root), root / "b", jobs=2)
    for name in ("indeed.xml", "linkedin.xml", "en/feed.atom", "es/feed.atom"):
        assert (root / "a" / name).read_bytes() == (root / "b" / name).read_bytes()


@pytest.mark.parametrize(
    ("title", "bare"),
    [
        ("Data Engineer (Austin)", "Data Engineer"),
        ("Data Engineer - $4,000/month", "Data Engineer"),
        ("Lima | Data Engineer", "Data Engineer"),
        ("Data Engineer · Main office · 60K", "Data Engineer"),
        ("Austin-based data engineer", "Austin-based data engineer"),  # cannot be cut cleanly
        ("Engineer (m/w/d)", "Engineer (m/w/d)"),
    ],
)
def test_indeeds_title_leaves_out_pay_and_place(build_tree: Builder, title: str, bare: str) -> None:
    role = TRICKY.replace("title: R&D Engineer", f"title: {json.dumps(title)}")
    site = _site(build_tree, rd=role)
    assert {j["title"] for j in _jobs(site)} == {bare}
    page = (site / "en/rd/index.html").read_text(encoding="utf-8")
    assert json.dumps(title)[1:-1].split(" ")[0] in page  # the page keeps its title


def test_json_ld_has_googles_education_and_experience(build_tree: Builder) -> None:
    site = _site(build_tree, rd=TRICKY, support=REMOTE)
    (rd,) = [json.loads((site / "en/rd/posting.json").read_text(encoding="utf-8"))]
    assert rd["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "bachelor degree",
    }
    assert rd["experienceRequirements"] == {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": 36,
    }
    assert rd["experienceInPlaceOfEducation"] is True
    support = json.loads((site / "en/support/posting.json").read_text(encoding="utf-8"))
    assert not {"educationRequirements", "experienceRequirements"} & set(support)


def test_an_undated_posting_is_dated_the_day_of_the_build_in_atom(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": CONFIG, "roles/a.yaml": HYBRID.replace("posted:", "#")})
    build_site(find_project(root), today=dt.date(2026, 5, 4))
    feed = ET.parse(str(root / "site/en/feed.atom")).getroot()
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}updated") == "2026-05-04T00:00:00Z"
    assert entry.find(f"{ATOM}published") is None
    assert feed.findtext(f"{ATOM}updated") == "2026-05-04T00:00:00Z"
    build_site(find_project(root), today=dt.date(2026, 5, 5))  # the entry is cached
    feed = ET.parse(str(root / "site/en/feed.atom")).getroot()
    assert feed.findtext(f"{ATOM}entry/{ATOM}updated") == "2026-05-05T00:00:00Z"
