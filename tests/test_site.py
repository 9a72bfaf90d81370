"""The careers site: valid pages, structured data, alternates, and boringly reliable builds."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner

from jdgen import cli
from jdgen.errors import InvalidInputError, RefusedOutputError
from jdgen.foundation.locales import parse_locale
from jdgen.i18n.localize import Localizer
from jdgen.project.config import find_project
from jdgen.site.build import build_site

from .conftest import REPO, Builder

XHTML = "{http://www.w3.org/1999/xhtml}"


def tree_hash(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> ET.Element:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_text(encoding="utf-8"))


def test_every_page_is_valid_html5_and_accessible(repo_site: Path) -> None:
    # the front page, 3 indexes, 2 postings x 3 locales, and the indexes' filter pages;
    # hiring guides are not public
    filters = {"location", "team", "arrangement"}
    kinds = Counter(
        "filter"
        if p.relative_to(repo_site).parts[1:2] and p.relative_to(repo_site).parts[1] in filters
        else "page"
        for p in pages(repo_site)
    )
    assert kinds["page"] == 10
    assert not list(repo_site.rglob("hiring-guide*"))
    for path in pages(repo_site):
        doc = parse(path)  # strict: raises on any parse error
        assert doc.get("lang") in {"es", "zh", "en"}, path
        body = doc.find("body")
        assert body is not None
        assert body.find("main") is not None, path
        meta = [el.get("content", "") for el in doc.iter("meta") if el.get("name") == "description"]
        assert meta and meta[0].strip(), path  # every page says what it is
        assert not meta[0].rstrip().endswith((":", "：")), (path, meta)  # not a bare label
        icons = [el for el in doc.iter("link") if el.get("rel") == "icon"]
        assert icons and (path.parent / icons[0].get("href", "")).resolve().is_file(), path
        levels = [int(el.tag[1]) for el in body.iter() if re.fullmatch(r"h[1-6]", el.tag)]
        assert levels[0] == 1, path
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (path, levels)
        for link in body.iter("a"):
            if link.get("hreflang"):
                assert link.get("lang"), path  # other-language links say their language


def test_hreflang_alternates_are_reciprocal(repo_site: Path) -> None:
    by_url: dict[str, dict[str, str]] = {}
    for path in pages(repo_site):
        head = parse(path).find("head")
        assert head is not None
        canonical = head.find("link[@rel='canonical']")
        assert canonical is not None
        links = {
            el.get("hreflang"): el.get("href") for el in head.findall("link[@rel='alternate']")
        }
        by_url[str(canonical.get("href"))] = {k: str(v) for k, v in links.items() if k}
    for url, links in by_url.items():
        if url == "https://careers.example.com/":
            continue  # the language chooser is every index page's x-default
        assert url in links.values()  # itself included
        assert "x-default" in links
        assert not any(re.search(r"-\d{3}$", tag) for tag in links)  # never es-419
        for tag, href in links.items():
            if tag != "x-default":
                assert by_url[href] == links  # the same set, seen from every member


def test_structured_data_meets_googles_rules_and_matches_the_page(repo_site: Path) -> None:
    page = repo_site / "zh/ml-engineer-china/index.html"
    html = page.read_text(encoding="utf-8")
    posting = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )  # type: ignore[union-attr]
    for key in (
        "title",
        "description",
        "datePosted",
        "hiringOrganization",
        "jobLocation",
        "employmentType",
        "baseSalary",
    ):
        assert posting[key], key
    assert posting["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 28000,
        "maxValue": 60000,
        "unitText": "MONTH",
    }
    assert posting["employmentType"] == "FULL_TIME"
    visible = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    zh = Localizer(parse_locale("zh"), (REPO / "locales",))
    assert posting["title"] in visible
    assert posting["hiringOrganization"]["name"] in visible
    assert "28K-60K/月" in visible  # minValue, maxValue and unitText, as shown in zh
    assert zh.employment_type("full-time") in visible
    assert "2026年2月" in visible  # datePosted
    for place in posting["jobLocation"]:
        assert place["address"]["addressLocality"] in visible
    assert posting["description"].replace("\\/", "/") in visible


def test_sitemap_robots_and_feed(repo_site: Path) -> None:
    root = ET.parse(repo_site / "sitemap.xml").getroot()
    urls = root.findall("{http://www.sitemaps.org/schemas/sitemap/0.9}url")
    assert len(urls) == 10  # the front page (x-default), 3 indexes, 2 roles x 3 locales
    locs = [url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") for url in urls]
    assert "https://careers.example.com/" in locs
    lastmod = [url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}lastmod") for url in urls]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d or "") for d in lastmod), lastmod
    for url in urls:
        links = url.findall(f"{XHTML}link")
        assert {link.get("hreflang") for link in links} == {"es", "zh", "en", "x-default"}
    robots = (repo_site / "robots.txt").read_text()
    assert "Sitemap: https://careers.example.com/sitemap.xml" in robots
    feed = json.loads((repo_site / "postings.json").read_text(encoding="utf-8"))
    first = feed["postings"][0]
    assert first["data"] == "https://careers.example.com/en/ml-engineer-china/posting.json"
    full = json.loads((repo_site / "en/ml-engineer-china/posting.json").read_text("utf-8"))
    assert full == {**first["jobPosting"], "description": full["description"]}
    # The page's text, whose title the JSON-LD gives as title (and the page as its h1).
    assert full["description"].startswith("<h2>") and "<h1>" not in full["description"]
    assert [(p["id"], p["locale"]) for p in feed["postings"]] == [
        (r, loc) for r in ("ml-engineer-china", "ml-engineer-lima") for loc in ("en", "es", "zh")
    ]


SITE = {
    "jdgen.yaml": "locales: [en, es]\nbase_url: https://jobs.example.org\ntoday: 2026-03-01\n"
    "organization: {name: Example}\n",
    "roles/a.yaml": "title: Data Engineer\nposted: 2026-02-01\nlocations: [Madrid]\n",
    "roles/b.yaml": "title: Designer\nposted: 2026-02-01\nlocations: [Lima]\n",
}


def test_rebuild_is_identical_and_renders_nothing(build_tree: Builder) -> None:
    root = build_tree(SITE)
    first = build_site(find_project(root))
    assert (first.rendered, first.reused, first.changed) == (2, 0, True)
    before = tree_hash(root / "site")
    again = build_site(find_project(root))
    assert (again.rendered, again.reused, again.changed) == (0, 2, False)
    assert tree_hash(root / "site") == before
    shutil.rmtree(root / ".jdgen-cache")
    cold = build_site(find_project(root))  # a cold cache still gives the same bytes
    assert cold.rendered == 2
    assert tree_hash(root / "site") == before


def test_editing_one_role_renders_only_that_role(build_tree: Builder) -> None:
    root = build_tree(SITE)
    build_site(find_project(root))
    (root / "roles/a.yaml").write_text(
        "title: Senior Data Engineer\nposted: 2026-02-01\nlocations: [Madrid]\n", encoding="utf-8"
    )
    report = build_site(find_project(root))
    assert (report.rendered, report.reused, report.changed) == (1, 1, True)
    assert "Senior Data Engineer" in (root / "site/en/index.html").read_text(encoding="utf-8")
    (root / "roles/a.yaml").touch()  # touched, not changed: still reused
    assert build_site(find_project(root)).rendered == 0


def test_a_new_catalog_invalidates_only_its_role(build_tree: Builder) -> None:
    root = build_tree({**SITE, "jdgen.yaml": SITE["jdgen.yaml"] + "fallback_pages: true\n"})
    build_site(find_project(root))
    catalog = root / "locales/es/LC_MESSAGES/role-a.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\nmsgctxt "a:title"\n'
        'msgid "Data Engineer"\nmsgstr "Ingeniero/a de datos"\n',
        encoding="utf-8",
    )
    report = build_site(find_project(root))
    assert report.rendered == 1
    assert "Ingeniero/a de datos" in (root / "site/es/a/index.html").read_text(encoding="utf-8")


def test_parallel_build_is_byte_identical(build_tree: Builder) -> None:
    files = dict(SITE)
    files.update(
        {
            f"roles/r{i:03}.yaml": f"title: Role {i}\nposted: 2026-02-01\n"
            f"locations: [City {i % 7}]\n"
            for i in range(70)
        }
    )
    root = build_tree(files)
    build_site(find_project(root), root / "one")
    shutil.rmtree(root / ".jdgen-cache")
    report = build_site(find_project(root), root / "two", jobs=2)
    assert report.rendered == 72
    assert tree_hash(root / "one") == tree_hash(root / "two")


def test_a_parallel_cold_build_leaves_out_expired_pages_and_fails_whole(
    build_tree: Builder,
) -> None:
    """The workers write a new site's pages straight into its staging directory: an
    expired posting's pages are taken out again (directories too), and a broken role
    leaves neither a site nor debris."""
    files = {
        **SITE,
        "roles/old.yaml": "title: Old\nvalid_through: 2026-01-31\n",
        **{f"roles/r{i:03}.yaml": f"title: Role {i}\n" for i in range(70)},
    }
    root = build_tree(files)
    build_site(find_project(root), root / "one")
    shutil.rmtree(root / ".jdgen-cache")
    build_site(find_project(root), root / "two", jobs=2)
    assert sorted(p.relative_to(root / "one") for p in (root / "one").rglob("*")) == sorted(
        p.relative_to(root / "two") for p in (root / "two").rglob("*")
    )
    assert tree_hash(root / "one") == tree_hash(root / "two")
    assert not (root / "two/en/old").exists()
    shutil.rmtree(root / ".jdgen-cache")
    (root / "roles/r050.yaml").write_text("title: Broken\nheadcount: many\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"r050\.yaml:2:12"):
        build_site(find_project(root), root / "three", jobs=2)
    assert sorted(p.name for p in root.iterdir() if "three" in p.name) == []


def test_a_broken_role_fails_the_build_and_the_previous_site_survives(build_tree: Builder) -> None:
    root = build_tree(SITE)
    build_site(find_project(root))
    before = tree_hash(root / "site")
    (root / "roles/b.yaml").write_text("title: Designer\nheadcount: many\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"roles/b.yaml:2:12: headcount"):
        build_site(find_project(root))
    assert tree_hash(root / "site") == before
    assert [p.name for p in root.iterdir() if ".building-" in p.name] == []


def test_an_interrupted_build_leaves_the_previous_site(
    build_tree: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_tree(SITE)
    build_site(find_project(root))
    before = tree_hash(root / "site")
    (root / "roles/a.yaml").write_text("title: Changed\n", encoding="utf-8")

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("jdgen.site.publish.copy_out", interrupt)  # Ctrl-C while staging the files
    with pytest.raises(KeyboardInterrupt):
        build_site(find_project(root))
    assert tree_hash(root / "site") == before
    assert [p.name for p in root.iterdir() if ".building-" in p.name] == []


def test_expired_postings_are_left_out_and_reported(build_tree: Builder) -> None:
    root = build_tree({**SITE, "roles/old.yaml": "title: Old\nvalid_through: 2026-01-31\n"})
    report = build_site(find_project(root))
    assert [str(p) for p in report.expired] == [
        "roles/old.yaml: warning: valid_through: left out: the posting expired on 2026-01-31 "
        "(update valid_through or remove the role)"
    ]
    assert not (root / "site/en/old").exists()
    assert "Old" not in (root / "site/en/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("target", ["/", "~", "."])
def test_refuses_to_replace_what_it_did_not_make(build_tree: Builder, target: str) -> None:
    root = build_tree(SITE)
    out = Path(target).expanduser() if target != "." else root
    with pytest.raises(RefusedOutputError, match="refusing"):
        build_site(find_project(root), out)


def test_refuses_a_directory_without_the_marker(build_tree: Builder) -> None:
    root = build_tree({**SITE, "public/keep.txt": "mine"})
    with pytest.raises(RefusedOutputError, match="did not create"):
        build_site(find_project(root), root / "public")
    assert (root / "public/keep.txt").read_text() == "mine"
    build_site(find_project(root), root / "fresh")
    assert (root / "fresh/.jdgen-site").is_file()


def test_role_ids_cannot_escape_the_site(build_tree: Builder) -> None:
    root = build_tree({**SITE, "roles/Bad..Name.yaml": "title: X\n"})
    with pytest.raises(InvalidInputError, match="is not an id"):
        build_site(find_project(root))


def test_missing_base_url_is_explained(build_tree: Builder) -> None:
    root = build_tree({"roles/a.yaml": "title: X\n"})
    with pytest.raises(InvalidInputError, match="the site needs a base_url"):
        build_site(find_project(root))


def test_remote_jobs_use_telecommute(build_tree: Builder) -> None:
    root = build_tree(
        {
            **SITE,
            "roles/r.yaml": "title: Remote Dev\nposted: 2026-02-01\n"
            "work_arrangement: remote\nlocations: [{country: ES}, {country: PT}]\n",
        }
    )
    build_site(find_project(root))
    feed = json.loads((root / "site/postings.json").read_text(encoding="utf-8"))
    posting = next(p["jobPosting"] for p in feed["postings"] if p["id"] == "r")
    assert posting["jobLocationType"] == "TELECOMMUTE"
    assert posting["applicantLocationRequirements"] == [
        {"@type": "Country", "name": "ES"},
        {"@type": "Country", "name": "PT"},
    ]
    assert "jobLocation" not in posting


def test_cli_build_and_check(build_tree: Builder) -> None:
    root = build_tree(SITE)
    runner = CliRunner()
    result = runner.invoke(cli.main, ["build"])
    assert result.exit_code == 0, result.output
    assert "2 role(s) rendered, 0 reused, 0 expired; site written" in result.stdout
    assert runner.invoke(cli.main, ["build", "--check"]).exit_code == 0
    (root / "site/en/a/posting.txt").write_text("edited by hand\n", encoding="utf-8")
    checked = runner.invoke(cli.main, ["build", "--check"])
    assert checked.exit_code == 1
    assert "changed: en/a/posting.txt" in checked.stdout


def test_small_changes_are_patched_in_place_and_match_a_full_build(build_tree: Builder) -> None:
    files = dict(SITE)
    files.update(
        {f"roles/r{i:02}.yaml": f"title: Role {i}\nposted: 2026-02-01\n" for i in range(30)}
    )
    root = build_tree(files)
    build_site(find_project(root))
    untouched = (root / "site/en/r01/index.html").stat().st_ino
    (root / "roles/r00.yaml").write_text("title: Renamed\nposted: 2026-02-01\n", encoding="utf-8")
    (root / "roles/r29.yaml").unlink()
    report = build_site(find_project(root))
    assert (report.rendered, report.changed) == (1, True)
    assert (root / "site/en/r01/index.html").stat().st_ino == untouched  # not rewritten
    assert not (root / "site/en/r29").exists()  # removed, and its folder pruned
    assert "Renamed" in (root / "site/en/index.html").read_text(encoding="utf-8")
    patched = tree_hash(root / "site")
    shutil.rmtree(root / ".jdgen-cache")
    shutil.rmtree(root / "site")
    build_site(find_project(root))
    assert tree_hash(root / "site") == patched


def test_build_warnings_read_like_every_other_problem(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\nbase_url: https://x.example/\n",
            "roles/r.yaml": "title: X\nlocations: [Lima]\norganization: A\n",
        }
    )
    for _ in range(2):  # rendered, then taken from the cache: the same words
        report = build_site(find_project(root))
        assert [str(w) for w in report.warnings] == [
            "roles/r.yaml: warning: apply: the posting has no apply channel: its page has no "
            "apply button, and job boards drop it (add apply: {url: https://…} or apply: "
            "{email: …})",
            "roles/r.yaml: warning: the en JobPosting lacks datePosted, which Google requires",
            "roles/r.yaml: warning: the en JobPosting lacks jobLocation (a location with a "
            "city or a country), which Google requires",
        ]
