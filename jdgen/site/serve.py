"""Preview the site: build it, serve it on 127.0.0.1, rebuild when an input changes."""

from __future__ import annotations

import functools
import http.server
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
        handler = functools.partial(_Quiet, directory=str(self.out))
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

    def build(self) -> bool:
        try:
            report = build_site(find_project(self.root), self.out, base_url=self.url)
        except JdgenError as error:
            self.events.failed(error)  # the last good site stays up
            return False
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
