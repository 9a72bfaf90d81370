"""The preview server: serves the site on loopback and rebuilds when an input changes."""

from __future__ import annotations

import socket
import time
import urllib.request
from collections.abc import Callable

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdgen import cli
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


# -- issue 25: every request answered, the watcher never dies, Ctrl-C is 130 ----------


def _raw(url: str, method: str, target: bytes) -> tuple[int, dict[str, str], bytes]:
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as conn:
        conn.sendall(method.encode() + b" " + target + b" HTTP/1.0\r\nHost: x\r\n\r\n")
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    return int(lines[0].split()[1]), headers, body


_PIECES = st.sampled_from(
    [
        "/",
        "en",
        "en/",
        "robots.txt",
        "index.html",
        "%00",
        "%zz",
        "%",
        "%C0%AF",
        "%FF",
        "%2e%2e",
        "..",
        "%2F",
        "%5C",
        "\\",
        "%0A",
        "%1b[2J",
        "%E6%95%B0",
        "?q=%00",
        "#x",
        "//",
        ".",
        "a%20b",
        "%7F",
        "%C2%85",
        "%E2%80%A8",
        "nope.html",
        "__jdgen/status",
    ]
)
_TARGETS = st.lists(_PIECES, min_size=1, max_size=6).map(lambda p: ("/" + "".join(p)).encode())


_ANY = _TARGETS | st.binary(min_size=1, max_size=20).map(
    lambda b: b"/" + b.replace(b" ", b"").replace(b"\r", b"").replace(b"\n", b"")
)


@settings(
    max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(targets=st.lists(_ANY, min_size=50, max_size=50))
def test_every_request_path_is_answered_and_head_matches_get(
    build_tree: Builder, targets: list[bytes]
) -> None:
    """A NUL, an invalid escape, a control character or a way out of the site in the URL
    closed the connection with a traceback; HEAD gave another length than GET."""
    preview = Preview(build_tree(SITE), port=0, events=Events(), interval=0.05)
    errors: list[object] = []
    preview.server.handle_error = lambda request, address: errors.append(address)  # type: ignore[method-assign]
    preview.start()
    try:
        for target in [b"/%00", b"/en/%zz", b"/en/", b"/en", *targets]:
            code, headers, body = _raw(preview.url, "GET", target)
            assert code in (200, 301, 400, 404), (target, code)
            head_code, head_headers, head_body = _raw(preview.url, "HEAD", target)
            assert (head_code, head_body) == (code, b""), target
            assert head_headers["content-length"] == headers["content-length"] == str(len(body))
            if code >= 400:
                assert b'<html lang="und">' in body and b"Error response" not in body
            assert not errors, target
        assert "Data Engineer" in fetch(preview.url + "en/")  # still serving
    finally:
        preview.stop()


def test_the_server_refuses_what_it_cannot_serve_with_its_own_page(build_tree: Builder) -> None:
    preview = Preview(build_tree(SITE), port=0, events=Events(), interval=0.05)
    preview.start()
    try:
        for method, target in (("POST", b"/en/"), ("BREW", b"/"), ("GET", b"/../../etc/passwd")):
            code, headers, body = _raw(preview.url, method, target)
            assert code in (400, 404, 501), (method, code)
            assert b'<html lang="und">' in body and b"Error response" not in body
            assert headers["content-length"] == str(len(body))
    finally:
        preview.stop()


def test_a_broken_config_does_not_stop_the_watcher(build_tree: Builder) -> None:
    root = build_tree(SITE)
    built: list[BuildReport] = []
    failed: list[JdgenError] = []
    preview = Preview(root, port=0, events=Events(built.append, failed.append), interval=0.05)
    preview.start()
    config = (root / "jdgen.yaml").read_text(encoding="utf-8")
    try:
        for broken in ("locales: [en\n", "locales: 7\n", ":\n  - x: [\n"):
            failed.clear()
            (root / "jdgen.yaml").write_text(broken, encoding="utf-8")
            assert wait_for(lambda: bool(failed))
            assert "jdgen.yaml" in str(failed[-1])
            assert "Data Engineer" in fetch(preview.url + "en/")  # the last good site
            (root / "jdgen.yaml").write_text(config, encoding="utf-8")
            count = len(built)
            assert wait_for(lambda n=count: len(built) > n), broken  # still watching
        (root / "jdgen.yaml").unlink()
        assert wait_for(lambda: bool(failed))
        (root / "jdgen.yaml").write_text(config, encoding="utf-8")
        (root / "roles/a.yaml").write_text("title: Lead Data Engineer\n", encoding="utf-8")
        assert wait_for(lambda: "Lead Data Engineer" in fetch(preview.url + "en/"))
    finally:
        preview.stop()


def test_ctrl_c_stops_serve_with_130(build_tree: Builder, monkeypatch: pytest.MonkeyPatch) -> None:
    build_tree(SITE)

    def interrupt(self: Preview) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Preview, "wait", interrupt)
    result = CliRunner().invoke(cli.main, ["serve", "--port", "0"])
    assert result.exit_code == 130, result.output
    assert "Traceback" not in result.output
    monkeypatch.setattr(Preview, "start", interrupt)  # during the first build too
    result = CliRunner().invoke(cli.main, ["serve", "--port", "0"])
    assert result.exit_code == 130, result.output
