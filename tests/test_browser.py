"""The built site in a real browser: headless Chromium, from a local server.

Skipped where Chromium is not installed, unless JDGEN_BROWSER=require (as in CI).
Refresh the screenshots in examples/ with JDGEN_UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import html5lib
import pytest

from .conftest import REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("JDGEN_BROWSER") != "require":
    pytest.skip("Chromium is not installed (CI installs it)", allow_module_level=True)

# Headless, and quiet on a closed network: no background connections.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]
SCREENSHOTS = REPO / "examples" / "screenshots"


def chromium(profile: Path, *args: str) -> str:
    assert CHROMIUM, "JDGEN_BROWSER=require, but Chromium is not installed"
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def server(repo_site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(repo_site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def switch_to(dom: str, base: str, tag: str) -> str:
    """The URL the page's language switcher offers for ``tag``, as the browser sees it."""
    tree = html5lib.parse(dom, namespaceHTMLElements=False)
    nav = tree.find(".//nav[@class='languages']")
    assert nav is not None, "no language switcher"
    link = next(a for a in nav.iter("a") if a.get("hreflang") == tag)
    return urllib.parse.urljoin(base, str(link.get("href")))


def test_follow_the_language_switcher_and_take_screenshots(server: str, tmp_path: Path) -> None:
    url = server + "es/ml-engineer-china/"
    seen = []
    for tag in ("zh", "en", "es"):
        dom = chromium(tmp_path / "profile", "--dump-dom", url)
        url = switch_to(dom, url, tag)
        page = chromium(tmp_path / "profile", "--dump-dom", url)
        tree = html5lib.parse(page, namespaceHTMLElements=False)
        assert tree.get("lang") == tag
        seen.append((tag, tree.find(".//h1").text))  # type: ignore[union-attr]
        shot = tmp_path / f"posting.{tag}.png"
        chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1100,1400", url)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert shot.stat().st_size > 20_000  # a page, not a blank
        if os.environ.get("JDGEN_UPDATE_SCREENSHOTS"):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, SCREENSHOTS / shot.name)
    assert seen == [
        ("zh", "机器学习工程师"),
        ("en", "Machine Learning Engineer"),
        ("es", "Machine Learning Engineer"),
    ]


def test_reads_well_on_a_phone(server: str, tmp_path: Path) -> None:
    shot = tmp_path / "phone.png"
    chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=390,844", server + "zh/")
    assert shot.stat().st_size > 5_000
    if os.environ.get("JDGEN_UPDATE_SCREENSHOTS"):
        shutil.copyfile(shot, SCREENSHOTS / "index.zh.phone.png")


PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(
    PDFTOTEXT is None and os.environ.get("JDGEN_BROWSER") != "require",
    reason="pdftotext (poppler-utils) is not installed (CI installs it)",
)
@pytest.mark.parametrize("page", ["en/ml-engineer-china/", "zh/ml-engineer-china/"])
def test_a_printed_posting_is_the_posting_only(server: str, tmp_path: Path, page: str) -> None:
    """Chromium's print to PDF: the posting, without the site's header, language switcher,
    skip link, footer or format links, and with no heading alone at the foot of a page."""
    assert PDFTOTEXT, "JDGEN_BROWSER=require, but pdftotext is not installed"
    pdf = tmp_path / "posting.pdf"
    chromium(tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", server + page)
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Machine Learning Engineer" in text or "机器学习工程师" in text
    for chrome in ("Skip to content", "Español", "English", "Markdown", "plain text"):
        assert chrome not in text, chrome
    for page_text in text.split("\f"):
        lines = [line.strip() for line in page_text.strip().splitlines() if line.strip()]
        if lines:
            last = lines[-1]
            headings = ("Responsibilities", "Requirements", "Benefits", "岗位职责", "任职要求")
            assert last not in headings, f"a heading stranded at the foot of a page: {last}"


def test_the_skills_matrix_on_a_phone(server: str, tmp_path: Path) -> None:
    """The matrix at 360 px, in Chinese (the narrowest first column): a screenshot for
    review (examples/screenshots/skills-matrix.zh.phone.png)."""
    from jdgen.project.config import find_project
    from jdgen.rendering.renderer import Renderer

    page = tmp_path / "matrix.html"
    html = Renderer(find_project(REPO)).render(
        "ml-engineer-skills", "zh", kind="skills-matrix", fmt="html"
    )
    page.write_text(html.text, encoding="utf-8")
    shot = tmp_path / "matrix.png"
    chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=360,1400", page.as_uri())
    assert shot.stat().st_size > 5_000
    if os.environ.get("JDGEN_UPDATE_SCREENSHOTS"):
        shutil.copyfile(shot, SCREENSHOTS / "skills-matrix.zh.phone.png")


def test_the_preview_reloads_the_browser_and_shows_a_failed_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jdgen serve in Chromium: a good rebuild reloads the open page; a failed one shows
    its problems over the last good page."""
    import time

    from jdgen.site.serve import Events, Preview

    from .test_site import SITE

    root = tmp_path / "project"
    for name, text in SITE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    preview = Preview(root, port=0, events=Events(lambda r: None, lambda e: None), interval=0.05)
    preview.start()
    try:
        assert CHROMIUM
        browser = subprocess.Popen(
            [
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={tmp_path / 'profile'}",
                "--virtual-time-budget=900000",
                "--dump-dom",
                preview.url + "en/",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        deadline = time.monotonic() + 30
        while preview.pages_served < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert preview.pages_served >= 1, "Chromium never loaded the page"
        (root / "roles/a.yaml").write_text("title: Principal Data Engineer\n", encoding="utf-8")
        dom, _ = browser.communicate(timeout=90)
        assert preview.pages_served >= 2, "the page was not reloaded"
        assert "Principal Data Engineer" in dom

        (root / "roles/a.yaml").write_text("title: [broken\n", encoding="utf-8")
        deadline = time.monotonic() + 20
        while not preview.errors and time.monotonic() < deadline:
            time.sleep(0.05)
        dom = chromium(
            tmp_path / "profile2", "--virtual-time-budget=5000", "--dump-dom", preview.url + "en/"
        )
        assert 'id="jdgen-errors"' in dom and 'role="alert"' in dom
        assert "roles/a.yaml:2:1: invalid YAML" in dom
        assert "Principal Data Engineer" in dom  # the last good site, under the overlay
    finally:
        preview.stop()


SHORT = """\
title: Data Analyst
language: en
employment_type: full-time
locations: [{city: Madrid, country: ES}]
salary: {min: 38000, max: 45000, currency: EUR, period: year}
posted: 2026-02-01
summary: You turn our sales data into decisions the team can act on.
responsibilities:
  - items: [Build the weekly sales dashboards, Answer questions from the sales team]
requirements:
  must_have:
    - items: [SQL, "Two years of analytics work", Clear writing]
benefits:
  - items: [Hybrid work, Training budget]
apply: {url: "https://acme.test/apply"}
"""


def _pdf_pages(profile: Path, url: str, pdf: Path) -> list[str]:
    assert PDFTOTEXT, "JDGEN_BROWSER=require, but pdftotext is not installed"
    chromium(profile, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", url)
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.mark.skipif(
    PDFTOTEXT is None and os.environ.get("JDGEN_BROWSER") != "require",
    reason="pdftotext (poppler-utils) is not installed (CI installs it)",
)
def test_a_short_posting_prints_on_one_a4_page(tmp_path: Path) -> None:
    from jdgen.project.config import find_project
    from jdgen.site.build import build_site

    (tmp_path / "p" / "roles").mkdir(parents=True)
    (tmp_path / "p" / "jdgen.yaml").write_text("locales: [en]\nbase_url: https://x.test/\n")
    (tmp_path / "p" / "roles" / "analyst.yaml").write_text(SHORT)
    build_site(find_project(tmp_path / "p"), tmp_path / "site")
    page = (tmp_path / "site" / "en" / "analyst" / "index.html").as_uri()
    pdf = tmp_path / "short.pdf"
    pages = _pdf_pages(tmp_path / "profile", page, pdf)
    assert len(pages) == 1, f"{len(pages)} pages"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout  # the paper the stylesheet asks for
    assert "Data Analyst" in pages[0] and "Training budget" in pages[0]


@pytest.mark.skipif(
    PDFTOTEXT is None and os.environ.get("JDGEN_BROWSER") != "require",
    reason="pdftotext (poppler-utils) is not installed (CI installs it)",
)
def test_a_long_chinese_posting_fills_its_first_page(server: str, tmp_path: Path) -> None:
    pages = _pdf_pages(tmp_path / "profile", server + "zh/ml-engineer-china/", tmp_path / "zh.pdf")
    lines = [[x for x in p.splitlines() if x.strip()] for p in pages]
    assert len(pages) <= 4
    # No page but the last is left half empty (a block pushed whole to the next page).
    for page in lines[:-1]:
        assert len(page) >= 0.7 * max(len(p) for p in lines), [len(p) for p in lines]
