"""The preview server: serves the site on loopback and rebuilds when an input changes."""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Callable

from jdgen.errors import JdgenError
from jdgen.site.build import BuildReport
from jdgen.site.serve import Events, Preview

from .conftest import Builder
from .test_site import SITE


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
        return str(response.read().decode("utf-8"))


def wait_for(check: Callable[[], bool], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def test_preview_serves_and_rebuilds_on_change(build_tree: Builder) -> None:
    root = build_tree(SITE)
    built: list[BuildReport] = []
    failed: list[JdgenError] = []
    preview = Preview(root, port=0, events=Events(built.append, failed.append), interval=0.05)
    preview.start()
    try:
        assert preview.url.startswith("http://127.0.0.1:")
        page = fetch(preview.url + "en/")
        assert "Data Engineer" in page
        assert f'href="{preview.url}en/"' in page  # links point at the preview itself
        (root / "roles/a.yaml").write_text(
            "title: Staff Data Engineer\nposted: 2026-02-01\n", encoding="utf-8"
        )
        assert wait_for(lambda: "Staff Data Engineer" in fetch(preview.url + "en/"))
        # Rebuilt (how many roles it renders again is test_site's to check: a poll may
        # catch the file half-written and build twice).
        assert built[-1].rendered >= 1

        (root / "roles/a.yaml").write_text("title: [broken\n", encoding="utf-8")
        assert wait_for(lambda: bool(failed))
        assert "roles/a.yaml:2:1: invalid YAML" in str(failed[-1])
        assert "Staff Data Engineer" in fetch(preview.url + "en/")  # the last good site
    finally:
        preview.stop()


def test_text_is_served_as_utf8(build_tree: Builder) -> None:
    root = build_tree({**SITE, "roles/zh.yaml": "title: 数据工程师\nposted: 2026-02-01\n"})
    preview = Preview(root, port=0, events=Events(lambda r: None, lambda e: None), interval=0.05)
    preview.start()
    try:
        for page, kind in (
            ("en/zh/posting.txt", "text/plain"),
            ("en/zh/posting.md", "text/markdown"),
        ):
            with urllib.request.urlopen(preview.url + page, timeout=5) as response:
                assert response.headers["Content-Type"] == f"{kind}; charset=utf-8"
                assert "数据工程师" in response.read().decode("utf-8")
    finally:
        preview.stop()


def test_pages_are_served_with_live_reload_and_the_site_is_not_touched(
    build_tree: Builder,
) -> None:
    import json

    root = build_tree(SITE)
    preview = Preview(root, port=0, events=Events(lambda r: None, lambda e: None), interval=0.05)
    preview.start()
    try:
        page = fetch(preview.url + "en/")
        assert '<script src="/__jdgen/live.js" data-build="1"></script></body>' in page
        on_disk = (preview.out / "en/index.html").read_text(encoding="utf-8")
        assert "__jdgen" not in on_disk  # the built site carries no script
        assert "location.reload()" in fetch(preview.url + "__jdgen/live.js")
        assert json.loads(fetch(preview.url + "__jdgen/status")) == {"build": 1, "errors": []}
        (root / "roles/a.yaml").write_text("title: [broken\n", encoding="utf-8")
        assert wait_for(lambda: json.loads(fetch(preview.url + "__jdgen/status"))["errors"])
        status = json.loads(fetch(preview.url + "__jdgen/status"))
        assert status["build"] == 1
        assert any("roles/a.yaml:2:1: invalid YAML" in e for e in status["errors"])
        (root / "roles/a.yaml").write_text("title: Data Engineer II\n", encoding="utf-8")
        assert wait_for(
            lambda: json.loads(fetch(preview.url + "__jdgen/status")) == {"build": 2, "errors": []}
        )
        assert 'data-build="2"' in fetch(preview.url + "en/")
        assert fetch(preview.url + "robots.txt").startswith("User-agent")  # not touched
    finally:
        preview.stop()
