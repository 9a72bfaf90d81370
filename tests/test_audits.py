"""Pages checked by independent tools, as their users check them: the Nu Html Checker
(HTML and SVG), axe-core in headless Chromium (desktop, dark mode, phone) and
Lighthouse (accessibility, SEO, best practices), on the built site and the level diff.

The tools are npm packages pinned in tests/audit/package.json (``npm ci --prefix
tests/audit``; the Nu checker needs Java). Skipped where they are not installed, unless
JDGEN_AUDITS=require, as in CI (JDGEN_AUDITS=skip leaves them out: the run against the
newest Python releases, which these pinned npm tools do not depend on).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from jdgen.project.config import find_project
from jdgen.rendering.leveldiff import render_level_diff
from jdgen.rendering.renderer import Renderer

from .conftest import REPO

AUDIT = REPO / "tests" / "audit"
MODULES = AUDIT / "node_modules"
VNU = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
_missing = [
    what
    for what, ok in (
        ("npm ci --prefix tests/audit", MODULES.is_dir()),
        ("java", shutil.which("java") is not None),
        ("node", shutil.which("node") is not None),
        ("chromium", CHROMIUM is not None),
    )
    if not ok
]
if os.environ.get("JDGEN_AUDITS") == "skip":  # the run against the newest releases
    pytest.skip("JDGEN_AUDITS=skip", allow_module_level=True)
if _missing and os.environ.get("JDGEN_AUDITS") != "require":
    pytest.skip("audit tools not installed: " + ", ".join(_missing), allow_module_level=True)


def nu(*paths: Path, svg: bool = False) -> list[dict[str, object]]:
    """The Nu checker's messages (errors and warnings) for the files."""
    mode = ["--svg"] if svg else ["--also-check-svg"]
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", *mode, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    messages: list[dict[str, object]] = json.loads(done.stderr or '{"messages": []}')["messages"]
    return messages


def axe(*paths: Path) -> list[dict[str, object]]:
    """axe-core's violations for the files, on a desktop, in dark mode and on a phone."""
    done = subprocess.run(
        ["node", str(AUDIT / "axe.mjs"), *(p.as_uri() for p in paths)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={**os.environ, "CHROMIUM": str(CHROMIUM)},
    )
    violations: list[dict[str, object]] = json.loads(done.stdout)
    return violations


@pytest.fixture(scope="module")
def diff_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Seed 004's Mid → Senior level diff as an HTML page in es, zh and en."""
    out = tmp_path_factory.mktemp("levels")
    renderer = Renderer(find_project(REPO))
    pages = []
    for locale in ("es", "zh", "en"):
        result = render_level_diff(renderer, "ml-engineer-skills", "Int", "Sr", locale, "html")
        path = out / f"diff.{locale}.html"
        path.write_text(result.text, encoding="utf-8")
        pages.append(path)
    return pages


def test_the_level_diff_pages_and_their_charts_pass_nu(
    diff_pages: list[Path], tmp_path: Path
) -> None:
    assert nu(*diff_pages) == []
    # Each chart alone, as an SVG document: what Nu's SVG checks judge.
    charts = []
    for page in diff_pages:
        html = page.read_text(encoding="utf-8")
        at = 0
        while (start := html.find("<svg", at)) >= 0:
            at = html.index("</svg>", start) + len("</svg>")
            chart = tmp_path / f"{page.stem}.{len(charts)}.svg"
            chart.write_text(html[start:at], encoding="utf-8")
            charts.append(chart)
    assert len(charts) == 6
    assert nu(*charts, svg=True) == []


def test_the_level_diff_pages_pass_axe(diff_pages: list[Path]) -> None:
    assert axe(*diff_pages) == []


def test_the_audit_tools_find_what_they_look_for(tmp_path: Path) -> None:
    """Both checkers fail a broken page: these tests can fail."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html><head><title>x</title></head><body><img src="x.png">'
        '<svg xmlns="http://www.w3.org/2000/svg" role="img"><circle r="-1" bogus="1"/></svg>'
        "</body></html>",
        encoding="utf-8",
    )
    assert nu(bad)
    assert {v["id"] for v in axe(bad)} >= {"image-alt"}


SCREENSHOTS = REPO / "examples" / "screenshots"
#: The postings shown in examples/screenshots/, one per language.
SHOWN = {
    "posting.es": "es/ml-engineer-lima/",
    "posting.zh": "zh/ml-engineer-china/",
    "posting.en": "en/ml-engineer-china/",
}


def test_screenshots_of_a_posting_in_every_language(repo_site: Path, tmp_path: Path) -> None:
    """A posting in es, zh and en at 1280 and 390 px, light and dark, and printed (its
    first A4 page): refreshed in examples/screenshots/ by
    ``JDGEN_UPDATE_SCREENSHOTS=1 pytest tests/test_audits.py``."""
    specs = [f"{name}={(repo_site / path / 'index.html').as_uri()}" for name, path in SHOWN.items()]
    done = subprocess.run(
        ["node", str(AUDIT / "shots.mjs"), str(tmp_path), *specs],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={**os.environ, "CHROMIUM": str(CHROMIUM)},
    )
    written = [Path(p) for p in json.loads(done.stdout)]
    assert len(written) == 5 * len(SHOWN)
    shots = []
    for path in written:
        if path.suffix == ".pdf":
            png = path.with_suffix("")
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(path),
                    str(png),
                ],
                check=True,
            )
            path = Path(f"{png}.png")
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 10_000, path  # a page, not a blank
        shots.append(path)
    if os.environ.get("JDGEN_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for shot in shots:
            shutil.copyfile(shot, SCREENSHOTS / shot.name)


@pytest.fixture(scope="module")
def served(repo_site: Path) -> Iterator[str]:
    """The built site over HTTP on the loopback address, as Lighthouse wants it."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(repo_site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def _site_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_site_page_passes_nu(repo_site: Path) -> None:
    pages = _site_pages(repo_site)
    assert len(pages) >= 10  # the front page, 3 indexes, 6 postings
    assert nu(*pages) == []
    cards = sorted(repo_site.rglob("card.svg"))
    assert cards
    assert nu(*cards, svg=True) == []


def test_the_site_passes_axe_on_a_desktop_in_dark_mode_and_on_a_phone(repo_site: Path) -> None:
    """The front page, every index, every posting and the filter pages of one index."""
    pages = [
        p
        for p in _site_pages(repo_site)
        if len(p.relative_to(repo_site).parts) <= 3 or p.relative_to(repo_site).parts[0] == "es"
    ]
    assert axe(*pages) == []


LIGHTHOUSE_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


@pytest.mark.parametrize("page", ["", "es/", "zh/ml-engineer-china/"])
def test_lighthouse_scores_100(served: str, page: str, tmp_path: Path) -> None:
    """Lighthouse's accessibility, SEO and best-practices scores (its default, a phone)."""
    report = tmp_path / "lighthouse.json"
    subprocess.run(
        [
            str(MODULES / ".bin" / "lighthouse"),
            served + page,
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={LIGHTHOUSE_FLAGS}",
            "--only-categories=accessibility,seo,best-practices",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        check=True,
        timeout=240,
        capture_output=True,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    failing = [
        a["id"]
        for a in data["audits"].values()
        if a.get("score") is not None
        and a["score"] < 1
        and a.get("scoreDisplayMode") in ("binary", "numeric")
    ]
    scores = {k: v["score"] for k, v in data["categories"].items()}
    assert scores == {"accessibility": 1, "seo": 1, "best-practices": 1}, failing
