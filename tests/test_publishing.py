"""What the public site carries: postings, in the languages they are translated into,
and nothing meant for interviewers unless the project says so."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from jdgen.project.config import find_project
from jdgen.site.build import build_site
from jdgen.site.export import export
from jdgen.site.pages import hreflangs

from .conftest import Builder

CONFIG = "locales: [en, es, zh]\nbase_url: https://jobs.example.org/\ntoday: 2026-03-01\n"
GUIDED = """
title: Data Engineer
posted: 2026-02-01
hiring:
  look_for: [Curiosity]
  red_flags: [Blames others]
"""
ES_ONLY = "language: es\ntitle: Ingeniera de datos\nposted: 2026-02-01\n"


def po(locale: str, entries: dict[str, str]) -> str:
    body = "".join(
        f'msgctxt "{ctx}"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n\n'
        for ctx, (msgid, msgstr) in ((k, v.split("|")) for k, v in entries.items())
    )
    head = f'"Language: {locale}\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    return f'msgid ""\nmsgstr ""\n{head}\n{body}'


def site_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*"))


def test_interview_material_is_not_published_by_default(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": CONFIG, "roles/guided.yaml": GUIDED})
    build_site(find_project(root))
    files = site_files(root)
    assert "en/guided/index.html" in files
    assert not [f for f in files if "hiring-guide" in f]
    assert "Blames others" not in "".join(
        (root / "site" / f).read_text(encoding="utf-8")
        for f in files
        if f.endswith((".html", ".xml", ".json", ".md", ".txt"))
    )
    # Its own output, for internal use:
    report = export(find_project(root), root / "internal")
    assert report.changed
    assert (root / "internal/guided/hiring-guide.en.md").is_file()


def test_a_project_can_choose_to_publish_guides(build_tree: Builder) -> None:
    root = build_tree(
        {"jdgen.yaml": CONFIG + "publish: [posting, hiring-guide]\n", "roles/guided.yaml": GUIDED}
    )
    build_site(find_project(root))
    assert (root / "site/en/guided/hiring-guide.html").is_file()


def test_an_unknown_kind_to_publish_is_a_config_error(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": CONFIG + "publish: [posting, interview-notes]\n"})
    with pytest.raises(Exception, match="publish"):
        build_site(find_project(root))


def test_postings_go_out_only_in_languages_they_are_translated_into(
    build_tree: Builder,
) -> None:
    root = build_tree(
        {
            "jdgen.yaml": CONFIG,
            "roles/lima.yaml": ES_ONLY,
            "roles/guided.yaml": GUIDED,
            "locales/es/LC_MESSAGES/role-guided.po": po(
                "es",
                {
                    "guided:title": "Data Engineer|Ingeniero/a de datos",
                    "guided:hiring.look_for": "Curiosity|Curiosidad",
                    "guided:hiring.red_flags": "Blames others|Culpa a otros",
                },
            ),
        }
    )
    report = build_site(find_project(root))
    files = site_files(root)
    assert "es/lima/index.html" in files  # its own language
    assert "en/lima/index.html" not in files and "zh/lima/index.html" not in files
    assert "es/guided/index.html" in files  # translated
    assert "zh/guided/index.html" not in files  # not translated
    # Not an English posting: listed only under "Open in other languages", with its link.
    index = (root / "site/en/index.html").read_text(encoding="utf-8")
    elsewhere = index[index.index("Open in other languages") :]
    assert "Ingeniera de datos" not in index[: index.index("Open in other languages")]
    assert '<span lang="es">Ingeniera de datos</span>: <a href="../es/lima/"' in elsewhere
    page = (root / "site/es/lima/index.html").read_text(encoding="utf-8")
    assert re.findall(r'rel="alternate" hreflang="([^"]+)"', page) == ["es", "x-default"]
    sitemap = (root / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "/en/lima/" not in sitemap
    said = [str(w) for w in report.warnings if "not published in" in str(w)]
    assert any("roles/lima.yaml" in w and "not published in en" in w for w in said), said


def test_fallback_pages_publish_untranslated_locales_when_asked(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": CONFIG + "fallback_pages: true\n", "roles/lima.yaml": ES_ONLY})
    build_site(find_project(root))
    page = (root / "site/en/lima/index.html").read_text(encoding="utf-8")
    assert '<span lang="es">Ingeniera de datos</span>' in page


def test_a_role_says_where_it_is_posted(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": CONFIG + "fallback_pages: true\n",
            "roles/madrid.yaml": "title: Engineer\nposted: 2026-02-01\nlocales: [en, fr]\n",
        }
    )
    report = build_site(find_project(root))
    files = site_files(root)
    assert "en/madrid/index.html" in files
    assert "es/madrid/index.html" not in files and "zh/madrid/index.html" not in files
    assert any("not published in fr" in str(w) for w in report.warnings)


@pytest.mark.parametrize(
    "locales",
    [["es", "es-419", "es-AR", "zh-Hans", "en"], ["es-419", "es"], ["en", "en-001", "en-GB"]],
)
def test_no_two_pages_claim_one_hreflang(build_tree: Builder, locales: list[str]) -> None:
    codes = hreflangs(locales)
    assert len(set(codes.values())) == len(codes)
    root = build_tree(
        {
            "jdgen.yaml": f"locales: [{', '.join(locales)}]\nbase_url: https://jobs.example.org/\n"
            "fallback_pages: true\n",
            "roles/r.yaml": "title: Engineer\nposted: 2026-02-01\n",
        }
    )
    build_site(find_project(root))
    for page in (root / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        claims = Counter(re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html))
        assert all(n == 1 for n in claims.values()), (page, claims)
        assert "es-419" not in claims  # Google rejects it


def test_today_comes_from_the_clock_unless_given(
    build_tree: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from jdgen import cli

    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\nbase_url: https://jobs.acme.test/\n",
            "roles/old.yaml": "title: Old\nposted: 2020-01-01\nvalid_through: 2020-02-01\n",
        }
    )
    runner = CliRunner()
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert runner.invoke(cli.main, ["build"]).exit_code == 0
    assert not (root / "site/en/old").exists()  # expired by the calendar
    assert runner.invoke(cli.main, ["build", "--today", "2020-01-15"]).exit_code == 0
    assert (root / "site/en/old/index.html").is_file()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1579046400")  # 2020-01-15, for reproducible builds
    assert runner.invoke(cli.main, ["build"]).exit_code == 0
    assert (root / "site/en/old/index.html").is_file()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    bad = runner.invoke(cli.main, ["build"])
    assert bad.exit_code == 2 and "SOURCE_DATE_EPOCH" in bad.stderr


def test_a_frozen_today_and_the_placeholder_address_are_warned_about(
    build_tree: Builder,
) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\nbase_url: https://careers.example.com/\n"
            "today: 2026-01-01\n",
            "roles/r.yaml": "title: R\nposted: 2025-12-01\n",
        }
    )
    said = [str(w) for w in build_site(find_project(root)).warnings]
    assert any(
        w.startswith("jdgen.yaml: warning: today: 2026-01-01 is fixed as the date") for w in said
    )
    assert any("base_url is still the placeholder" in w for w in said)
    again = [str(w) for w in build_site(find_project(root)).warnings]  # a no-change build
    assert any("base_url is still the placeholder" in w for w in again)


@pytest.mark.parametrize(
    ("location", "problem"),
    [
        ("[Lima]", "lacks jobLocation"),  # a name is no place
        ("[{city: Lima}]", 'lacks addressCountry for "Lima"'),
        ("[海外办公室]", "lacks jobLocation"),
        ("[{city: Lima, country: PE}]", ""),
        ("[{city: Lima, country: PE}, Remote offices]", ""),
    ],
)
def test_the_build_checks_what_googles_test_reports(
    build_tree: Builder, location: str, problem: str
) -> None:
    import json

    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\nbase_url: https://jobs.acme.test/\n"
            "organization: {name: Acme, logo: 'https://acme.test/logo.png'}\n",
            "roles/r.yaml": f"title: Engineer\nposted: 2026-02-01\nlocations: {location}\n"
            "apply: {url: 'https://acme.test/apply', email: jobs@acme.test}\n",
        }
    )
    report = build_site(find_project(root), today=None)
    said = [str(w) for w in report.warnings if "JobPosting" in str(w)]
    if problem:
        assert any(problem in w for w in said), said
    else:
        assert said == []
    data = json.loads((root / "site/en/r/posting.json").read_text(encoding="utf-8"))
    assert "inLanguage" not in data  # not a JobPosting property
    # The job id of its first place, in this locale (jdgen.project.identity).
    assert data["identifier"]["name"] == "Acme"
    assert re.fullmatch(r"r:[a-z0-9-]+:en", data["identifier"]["value"])
    assert data["hiringOrganization"]["logo"] == "https://acme.test/logo.png"
    assert data["directApply"] is True  # the posting's own apply link, not a job board
    page = (root / "site/en/r/index.html").read_text(encoding="utf-8")
    assert '<a href="https://acme.test/apply">https://acme.test/apply</a>' in page
    assert '<a href="mailto:jobs@acme.test">jobs@acme.test</a>' in page


def test_each_build_says_which_pages_changed_for_the_indexing_api(build_tree: Builder) -> None:
    import json

    from click.testing import CliRunner

    from jdgen import cli

    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\nbase_url: https://jobs.acme.test/\n",
            "roles/a.yaml": "title: A\nposted: 2026-02-01\n",
            "roles/b.yaml": "title: B\nposted: 2026-02-01\n",
        }
    )
    runner = CliRunner()

    def build() -> dict[str, list[str]]:
        result = runner.invoke(cli.main, ["build", "--changes", "changes.json"])
        assert result.exit_code == 0, result.output
        return json.loads((root / "changes.json").read_text(encoding="utf-8"))

    first = build()
    assert "https://jobs.acme.test/en/a/" in first["added"]
    assert first["updated"] == first["removed"] == []
    assert build() == {"added": [], "updated": [], "removed": []}  # nothing changed
    (root / "roles/a.yaml").write_text("title: A, renamed\nposted: 2026-02-01\n", "utf-8")
    (root / "roles/b.yaml").unlink()
    (root / "roles/c.yaml").write_text("title: C\nposted: 2026-02-01\n", "utf-8")
    changed = build()
    assert changed["added"] == ["https://jobs.acme.test/en/c/"]
    assert "https://jobs.acme.test/en/a/" in changed["updated"]
    assert "https://jobs.acme.test/en/" in changed["updated"]  # the index lists them
    assert changed["removed"] == ["https://jobs.acme.test/en/b/"]


FACETED = {
    "jdgen.yaml": "locales: [en, zh-CN]\nbase_url: https://jobs.acme.test/\nfallback_pages: true\n",
    "roles/ml.yaml": "title: ML Engineer\nteam: Platform\nwork_arrangement: hybrid\n"
    "posted: 2026-02-01\nlocations: [{city: Lima, country: PE}, {city: Madrid, country: ES},"
    " {name: 北京, country: CN}, {city: Austin, region: TX, country: US},"
    " {city: São Paulo, country: BR}]\n",
    "roles/design.yaml": "title: Designer\nteam: Design\nwork_arrangement: remote\n"
    "posted: 2026-02-01\nlocations: [{city: Madrid, country: ES}]\n",
}


def test_candidates_filter_by_location_team_and_arrangement_without_script(
    build_tree: Builder,
) -> None:
    root = build_tree(FACETED)
    build_site(find_project(root))
    site = root / "site"
    # A five-city posting is under each of its cities, not only the first: on the page
    # of a city with more postings, or linked straight from a city with only this one.
    index = (site / "en/index.html").read_text(encoding="utf-8")
    for city in ("Lima", "Austin, TX", "São Paulo", "北京"):
        assert f'<a href="ml/">{city}</a>' in index, city
    assert not (site / "en/location/lima").exists()
    assert "ML Engineer" in (site / "en/location/madrid/index.html").read_text(encoding="utf-8")
    madrid = (site / "en/location/madrid/index.html").read_text(encoding="utf-8")
    assert "Designer" in madrid and "<h1>Open positions: Madrid</h1>" in madrid
    assert '<a href="./" aria-current="page">Madrid</a>' in madrid  # the page itself
    assert '<a href="design/">Remote</a>' in index  # one posting: straight to it
    assert '<nav class="facets" aria-label="Filter the positions">' in index
    assert '<a href="location/madrid/">Madrid</a>' in index
    assert "筛选职位" in (site / "zh-CN/index.html").read_text(encoding="utf-8")
    for page in site.rglob("*.html"):
        assert "<script>" not in page.read_text(encoding="utf-8") and "<script src" not in (
            page.read_text(encoding="utf-8")
        )
    # The same pages from the cache.
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    build_site(find_project(root))
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_a_facet_with_one_value_is_no_filter(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\nbase_url: https://jobs.acme.test/\n",
            "roles/a.yaml": "title: A\nteam: Platform\nlocations: [{city: Lima, country: PE}]\n",
            "roles/b.yaml": "title: B\nteam: Platform\nlocations: [{city: Quito, country: EC}]\n",
        }
    )
    build_site(find_project(root))
    index = (root / "site/en/index.html").read_text(encoding="utf-8")
    assert "Locations:" in index and "Team:" not in index
    assert not (root / "site/en/team").exists()
