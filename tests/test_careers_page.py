"""The careers page as candidates and careers leads meet it (issue 32): the job and its
apply button first, the brand from the config, social cards, and a front page that
greets in every language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.errors import InvalidInputError
from jdgen.project.brand import DARK_BG, LIGHT_BG, MINIMUM, contrast, derived_dark, parse_colour
from jdgen.project.config import find_project, parse_config
from jdgen.site.build import build_site
from jdgen.site.cards import card_svg, og_locale

from .conftest import Builder

SVG = "{http://www.w3.org/2000/svg}"

CONFIG = """\
    locales: [es, zh, en]
    base_url: https://jobs.acme.test/
    today: 2026-03-01
    fallback_pages: true
    organization:
      name: Acme
      url: https://acme.test/
      logo: https://acme.test/logo.svg
      accent: "#b3261e"
      intro:
        - {locale: es, text: Hacemos herramientas para equipos pequeños.}
        - {locale: zh, text: 我们为小团队打造工具。}
    """
ROLE = """\
    title: Data Engineer
    language: en
    team: Platform
    employment_type: full-time
    work_arrangement: hybrid
    locations: [{city: Madrid, country: ES}]
    salary: {min: 45000, max: 60000, currency: EUR, period: year}
    posted: 2026-02-01
    summary: You build our pipelines.
    apply: {url: "https://acme.test/apply/data-engineer"}
    """


def page(path: Path) -> ET.Element:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_text(encoding="utf-8"))


@pytest.fixture
def site(build_tree: Builder) -> Path:
    root = build_tree({"jdgen.yaml": CONFIG, "roles/data-engineer.yaml": ROLE})
    build_site(find_project(root), root / "site")
    return root / "site"


def test_the_job_and_its_apply_button_come_first(site: Path) -> None:
    doc = page(site / "en" / "data-engineer" / "index.html")
    main = doc.find(".//main")
    assert main is not None
    first = next(iter(main))
    assert first.tag == "header" and first.get("class") == "job"
    assert [h.text for h in doc.iter("h1")] == ["Data Engineer"]  # one h1: the job
    facts = {
        dt.text: dd.text
        for div in first.iter("div")
        for dt, dd in [(div.find("dt"), div.find("dd"))]
        if dt is not None and dd is not None
    }
    assert facts["Location"] == "Madrid"
    assert facts["Work arrangement"] == "Hybrid"
    assert facts["Salary"].startswith("€45,000")
    assert facts["Posted"]
    buttons = [a for a in doc.iter("a") if a.get("class") == "button"]
    assert len(buttons) == 2  # near the top, and at the end
    assert {b.get("href") for b in buttons} == {"https://acme.test/apply/data-engineer"}


def test_a_chinese_posting_leads_with_the_job_title(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [zh]\nbase_url: https://jobs.acme.test/\n",
            "roles/de.yaml": "title: 数据工程师\nlanguage: zh-CN\nposted: 2026-02-01\n"
            "locations: [{city: 上海, country: CN}]\n"
            "apply: {email: hr@acme.test}\n",
        }
    )
    build_site(find_project(root), root / "site")
    doc = page(root / "site" / "zh" / "de" / "index.html")
    assert [h.text for h in doc.iter("h1")] == ["数据工程师"]
    title = doc.find(".//title")
    assert title is not None and title.text and title.text.startswith("数据工程师")
    button = next(a for a in doc.iter("a") if a.get("class") == "button")
    assert button.get("href") == "mailto:hr@acme.test"
    # The Markdown and text versions keep the document as written.
    assert "职位描述" in (root / "site" / "zh" / "de" / "posting.md").read_text()


def test_every_page_has_social_tags_and_postings_a_card(site: Path) -> None:
    for path in sorted(site.rglob("*.html")):
        doc = page(path)
        meta = {(m.get("property") or m.get("name")): m.get("content") for m in doc.iter("meta")}
        for key in ("og:title", "og:url", "og:type", "og:locale", "twitter:card", "og:site_name"):
            assert meta.get(key), f"{path}: {key}"
    doc = page(site / "zh" / "data-engineer" / "index.html")
    meta = {(m.get("property") or m.get("name")): m.get("content") for m in doc.iter("meta")}
    assert meta["og:image"] == "https://jobs.acme.test/zh/data-engineer/card.svg"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:locale"] == "zh_CN"
    card = ET.fromstring((site / "zh" / "data-engineer" / "card.svg").read_bytes())
    texts = [t.text for t in card.iter(f"{SVG}text")]
    assert "Acme" in texts and any("马德里" in (t or "") or "Madrid" in (t or "") for t in texts)
    assert card.get("role") == "img"


def test_the_brand_comes_from_the_config(site: Path) -> None:
    html = (site / "en" / "data-engineer" / "index.html").read_text()
    assert ":root { --accent: #b3261e; }" in html
    dark = derived_dark("#b3261e")
    assert f"--accent: {dark};" in html
    assert contrast(parse_colour(dark), parse_colour(DARK_BG)) >= MINIMUM
    assert 'src="https://acme.test/logo.svg"' in html


def test_the_front_page_greets_in_every_language(site: Path) -> None:
    doc = page(site / "index.html")
    items = [li for li in doc.iter("li") if li.get("lang")]
    assert [li.get("lang") for li in items] == ["es", "zh", "en"]
    texts = {li.get("lang"): " ".join(li.itertext()) for li in items}
    assert "Hacemos herramientas" in texts["es"]
    assert "我们为小团队打造工具" in texts["zh"]
    links = {a.get("hreflang"): a.get("href") for a in doc.iter("a") if a.get("hreflang")}
    assert links == {"es": "es/", "zh": "zh/", "en": "en/"}
    assert any(a.get("href") == "https://acme.test/" for a in doc.iter("a"))


@pytest.mark.parametrize(
    ("accent", "words"),
    [("#ffcc00", "on the white page"), ("#0b57d0x", "expected a colour"), ("blue", "#rrggbb")],
)
def test_an_accent_that_does_not_read_is_refused_at_its_line(accent: str, words: str) -> None:
    text = f'organization:\n  name: A\n  accent: "{accent}"\n'
    with pytest.raises(InvalidInputError) as caught:
        parse_config(text, "jdgen.yaml")
    problem = caught.value.problems[0]
    assert words in problem.message
    assert str(problem.position) == "jdgen.yaml:3:11"


@settings(max_examples=80, deadline=None)
@given(st.tuples(*[st.integers(0, 255)] * 3))
def test_the_derived_dark_accent_always_reads(rgb: tuple[int, int, int]) -> None:
    light = "#" + "".join(f"{c:02x}" for c in rgb)
    if contrast(rgb, parse_colour(LIGHT_BG)) < MINIMUM:
        return
    dark = derived_dark(light)
    assert contrast(parse_colour(dark), parse_colour(DARK_BG)) >= MINIMUM


def test_a_posting_without_an_apply_channel_warns(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\nbase_url: https://jobs.acme.test/\n",
            "roles/r.yaml": "title: Analyst\nposted: 2026-02-01\n"
            "locations: [{city: Lima, country: PE}]\n",
        }
    )
    result = build_site(find_project(root), root / "site")
    said = [str(w) for w in result.warnings]
    assert any("no apply channel" in w for w in said), said
    html = (root / "site" / "en" / "r" / "index.html").read_text()
    assert 'class="button"' not in html


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=120), st.text(max_size=60))
def test_card_text_is_data(title: str, place: str) -> None:
    svg = card_svg(title, [place], "<Acme & co>", "#0b57d0", "en")
    try:
        tree = ET.fromstring(svg.encode())
    except ET.ParseError:
        # Control characters XML cannot hold never reach a card: role text refuses them.
        assert any(ord(c) < 32 and c not in "\t\n\r" for c in title + place)
        return
    assert [e for e in tree.iter() if not e.tag.startswith(SVG)] == []
    assert "<Acme & co>" in [t.text for t in tree.iter(f"{SVG}text")]


@pytest.mark.parametrize(
    ("tag", "og"),
    [("es", "es_ES"), ("es-AR", "es_AR"), ("zh", "zh_CN"), ("zh-TW", "zh_TW"), ("en-GB", "en_GB")],
)
def test_open_graph_locales(tag: str, og: str) -> None:
    assert og_locale(tag) == og


# -- lists that scale and read well -----------------------------------------------------


def _many(n: int, team: str | None = "Platform") -> dict[str, str]:
    files = {"jdgen.yaml": "locales: [en]\nbase_url: https://jobs.acme.test/\n"}
    for i in range(n):
        files[f"roles/r{i:03d}.yaml"] = (
            f"title: Engineer {i:03d}\nposted: 2026-02-01\n"
            + (f"team: {team}\n" if team else "")
            + "locations: [{city: Lima, country: PE}]\napply: {email: jobs@acme.test}\n"
        )
    return files


def _listed(site: Path) -> list[tuple[str, str]]:
    out = []
    for path in [site / "en" / "index.html", *sorted((site / "en" / "page").rglob("index.html"))]:
        doc = page(path)
        out += [
            (path.relative_to(site).as_posix(), a.text or "")
            for a in doc.iter("a")
            if (a.get("href") or "").endswith("/") and (a.text or "").startswith("Engineer")
        ]
    return out


def test_listings_are_paginated_with_rel_next_and_prev(build_tree: Builder) -> None:
    root = build_tree(_many(120))
    build_site(find_project(root), root / "site")
    site = root / "site"
    listed = _listed(site)
    assert len(listed) == 120 and len({t for _, t in listed}) == 120  # each once
    by_page: dict[str, int] = {}
    for where, _ in listed:
        by_page[where] = by_page.get(where, 0) + 1
    assert by_page == {"en/index.html": 50, "en/page/2/index.html": 50, "en/page/3/index.html": 20}
    second = page(site / "en" / "page" / "2" / "index.html")
    rels = {link.get("rel"): link.get("href") for link in second.iter("link")}
    assert rels["prev"] == "../../" and rels["next"] == "../3/"
    title = second.find(".//title")
    assert title is not None and "page 2" in (title.text or "")
    sitemap = (site / "sitemap.xml").read_text()
    assert "https://jobs.acme.test/en/page/3/" in sitemap


def test_one_role_changed_renders_again_only_the_pages_it_is_on(build_tree: Builder) -> None:
    root = build_tree(_many(120))
    build_site(find_project(root), root / "site")
    before = {
        p: (root / "site" / p).read_bytes() for p in ("en/index.html", "en/page/3/index.html")
    }
    role = root / "roles" / "r119.yaml"
    role.write_text(role.read_text().replace("Engineer 119", "Engineer 119 (night shift)"))
    build_site(find_project(root), root / "site")
    assert (root / "site" / "en/index.html").read_bytes() == before["en/index.html"]
    assert (root / "site" / "en/page/3/index.html").read_bytes() != before["en/page/3/index.html"]


def test_roles_without_a_team_are_other_roles_and_twins_are_told_apart(
    build_tree: Builder,
) -> None:
    files = {
        "jdgen.yaml": "locales: [en]\nbase_url: https://jobs.acme.test/\n",
        "roles/a.yaml": "title: Data Engineer\nteam: Platform\nposted: 2026-02-01\n"
        "locations: [{city: Madrid, country: ES}]\n",
        "roles/b.yaml": "title: Data Engineer\nteam: Platform\nposted: 2026-02-01\n"
        "locations: [{city: Lima, country: PE}]\n",
        "roles/c.yaml": "title: Office Manager\nposted: 2026-02-01\n"
        "locations: [{city: Lima, country: PE}]\n",
    }
    root = build_tree(files)
    build_site(find_project(root), root / "site")
    doc = page(root / "site" / "en" / "index.html")
    headings = [h.text for h in doc.iter("h2")]
    assert headings == ["Platform", "Other roles"]  # no city posing as a team
    titles = [a.text for a in doc.iter("a") if "Engineer" in (a.text or "")]
    assert sorted(titles) == ["Data Engineer · Lima", "Data Engineer · Madrid"]


def test_filter_pages_link_their_languages_and_are_in_the_sitemap(build_tree: Builder) -> None:
    remote = "work_arrangement: remote\nlocations: [{country: ES}]\nposted: 2026-02-01\n"
    root = build_tree(
        {
            "jdgen.yaml": "locales: [es, en]\nbase_url: https://jobs.acme.test/\n"
            "fallback_pages: true\n",
            "roles/a.yaml": "title: Data Engineer\n" + remote,
            "roles/b.yaml": "title: Data Analyst\n" + remote,
            "roles/c.yaml": "title: Designer\nposted: 2026-02-01\nwork_arrangement: on-site\n"
            "locations: [{city: Madrid, country: ES}]\n",
        }
    )
    build_site(find_project(root), root / "site")
    site = root / "site"
    es = next((site / "es" / "arrangement").rglob("index.html"))
    en = next((site / "en" / "arrangement").rglob("index.html"))
    head = page(es).find("head")
    assert head is not None
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in head.iter("link")
        if link.get("rel") == "alternate"
    }
    en_url = "https://jobs.acme.test/" + en.parent.relative_to(site).as_posix() + "/"
    es_url = "https://jobs.acme.test/" + es.parent.relative_to(site).as_posix() + "/"
    assert alternates["en"] == en_url and alternates["es"] == es_url
    assert alternates["x-default"] == en_url  # the default locale's (en), not each its own
    switcher = {a.get("hreflang"): a.get("href") for a in page(es).iter("a") if a.get("hreflang")}
    assert "en" in switcher
    sitemap = (site / "sitemap.xml").read_text()
    assert f"<loc>{es_url}</loc>" in sitemap and f"<loc>{en_url}</loc>" in sitemap


def test_a_locale_without_postings_is_not_offered(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en, es, zh]\nbase_url: https://jobs.acme.test/\n"
            "fallback_pages: true\n",
            "roles/a.yaml": "title: Data Engineer\nposted: 2026-02-01\nlocales: [en, es]\n"
            "locations: [{city: Madrid, country: ES}]\napply: {email: j@acme.test}\n",
        }
    )
    build_site(find_project(root), root / "site")
    site = root / "site"
    front = page(site / "index.html")
    assert {a.get("hreflang") for a in front.iter("a") if a.get("hreflang")} == {"en", "es"}
    index = page(site / "en" / "index.html")
    assert "zh" not in {a.get("hreflang") for a in index.iter("a")}
    assert "/zh/" not in (site / "sitemap.xml").read_text()
