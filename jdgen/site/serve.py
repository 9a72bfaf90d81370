"""Preview the site: build it, serve it on 127.0.0.1, rebuild when an input changes, and
reload the browser: each HTML page is served with a small script (added as it is sent,
never to the built files) that asks ``/__jdgen/status`` whether a build has happened since
the page was loaded, reloads when one succeeded, and shows the problems over the page when
one failed."""

from __future__ import annotations

import functools
import http.server
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jdgen.errors import JdgenError
from jdgen.project.config import CONFIG_NAME, find_project
from jdgen.site.build import CACHE_DIR, BuildReport, build_site
from jdgen.site.cache import Snapshot

PREVIEW_DIR = "preview"


@dataclass
class Events:
    """How the preview tells its caller what happened (the core never prints)."""

    built: Callable[[BuildReport], None] = lambda report: None
    failed: Callable[[JdgenError], None] = lambda error: None


STATUS = "/__jdgen/status"
SCRIPT = "/__jdgen/live.js"

# The script, with the status URL it polls filled in.
LIVE_JS = (
    Path(__file__).with_name("live.js").read_text("utf-8").replace("STATUS_URL", json.dumps(STATUS))
).encode()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    # Text is UTF-8 (Chinese postings would show as mojibake without the charset).
    extensions_map = {  # noqa: RUF012 - the base class's own attribute, overridden
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".txt": "text/plain; charset=utf-8",
        ".md": "text/markdown; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".json": "application/json",
        ".xml": "application/xml",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Live(_Quiet):
    """The preview's handler: the site, its status, and HTML pages with the live script."""

    preview: Preview

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == STATUS:
            body = json.dumps(self.preview.status(), ensure_ascii=False).encode()
            return self._send(body, "application/json; charset=utf-8")
        if path == SCRIPT:
            return self._send(LIVE_JS, "text/javascript; charset=utf-8")
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            page = file.read_bytes()
            self.preview.pages_served += 1
            tag = f'<script src="{SCRIPT}" data-build="{self.preview.builds}"></script>'
            at = page.rfind(b"</body>")
            page = page[:at] + tag.encode() + page[at:] if at >= 0 else page + tag.encode()
            return self._send(page, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class Preview:
    """A preview server for one project. ``start`` returns once the first build is served."""

    def __init__(
        self,
        root: Path,
        host: str = "127.0.0.1",
        port: int = 8000,
        events: Events | None = None,
        interval: float = 0.5,
    ) -> None:
        self.root = root
        self.events = events or Events()
        self.interval = interval
        self.out = root / CACHE_DIR / PREVIEW_DIR
        self.builds = 0  # successful builds so far: pages reload when it grows
        self.errors: list[str] = []  # the last build's problems, while it has failed
        self.pages_served = 0
        live = type("Handler", (_Live,), {"preview": self})
        handler = functools.partial(live, directory=str(self.out))
        self.server = http.server.ThreadingHTTPServer((host, port), handler)
        self.url = f"http://{host}:{self.server.server_address[1]}/"
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def inputs(self) -> dict[str, tuple[int, int]]:
        project = find_project(self.root)
        dirs = [
            project.roles_dir,
            project.root / project.config.templates_dir,
            project.root / project.config.locales_dir,
        ]
        stats = Snapshot.of(project.root, dirs).stats
        config = project.root / CONFIG_NAME
        if config.is_file():
            st = config.stat()
            stats[str(config)] = (st.st_mtime_ns, st.st_size)
        return stats

    def status(self) -> dict[str, object]:
        return {"build": self.builds, "errors": list(self.errors)}

    def build(self) -> bool:
        try:
            report = build_site(find_project(self.root), self.out, base_url=self.url)
        except JdgenError as error:
            self.errors = [str(p) for p in error.problems]
            self.events.failed(error)  # the last good site stays up
            return False
        self.errors = []
        self.builds += 1
        self.events.built(report)
        return True

    def start(self) -> None:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        # The inputs as they were before the first build: an edit made while it runs, or
        # before the watcher's first look, is still seen as a change.
        seen = self.inputs()
        self.build()
        for target in (self.server.serve_forever, functools.partial(self._watch, seen)):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)

    def _watch(self, seen: dict[str, tuple[int, int]]) -> None:
        while not self._stop.wait(self.interval):
            now = self.inputs()
            if now != seen:
                seen = now
                self.build()

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def wait(self) -> None:
        """Serve until interrupted."""
        while not self._stop.is_set():
            time.sleep(0.2)
