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
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jdgen.errors import JdgenError, OutputError, Problem
from jdgen.foundation.text import forbidden_character
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


class _Live(http.server.BaseHTTPRequestHandler):
    """The preview's handler: the site, its status, and HTML pages with the live script.

    Every request goes through :meth:`_respond`, GET and HEAD alike (HEAD sends the same
    headers, the same length, and no body): a path is decoded strictly, one that is not
    UTF-8, holds a NUL or a control character, or leaves the site is answered 400 or 404
    with jdgen's own page, never a traceback nor Python's English error page."""

    preview: Preview
    out: Path
    protocol_version = "HTTP/1.0"
    server_version = "jdgen-preview"
    sys_version = ""
    # Text is UTF-8 (Chinese postings would show as mojibake without the charset).
    types = {  # noqa: RUF012 - a constant table
        ".txt": "text/plain; charset=utf-8",
        ".md": "text/markdown; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".json": "application/json",
        ".xml": "application/xml",
        ".svg": "image/svg+xml",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".png": "image/png",
        ".jpg": "image/jpeg",
        ".ico": "image/x-icon",
        ".pdf": "application/pdf",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, head: bool) -> None:
        try:
            code, body, kind, location = self._answer()
        except OSError:  # the file went away between the look and the read (a rebuild)
            code, body, kind, location = 404, self._not_found(), _HTML, ""
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _answer(self) -> tuple[int, bytes, str, str]:
        """(status, body, content type, redirect location) for the request's path."""
        path = request_path(self.path)
        if path is None:
            return 400, _error_page(400, self.preview.builds), _HTML, ""
        if path == STATUS:
            body = json.dumps(self.preview.status(), ensure_ascii=False).encode()
            return 200, body, "application/json; charset=utf-8", ""
        if path == SCRIPT:
            return 200, LIVE_JS, "text/javascript; charset=utf-8", ""
        file = site_file(self.out, path)
        if file is None:
            return 404, self._not_found(), _HTML, ""
        if file.is_dir():
            if not path.endswith("/"):  # relative links in its index need the slash
                return 301, b"", _HTML, urllib.parse.quote(path + "/")
            file = file / "index.html"
            if not file.is_file():
                return 404, self._not_found(), _HTML, ""
        body = file.read_bytes()
        if file.suffix == ".html":
            self.preview.pages_served += 1
            return 200, self._with_script(body), _HTML, ""
        kind = self.types.get(file.suffix.lower(), "application/octet-stream")
        return 200, body, kind, ""

    def _with_script(self, page: bytes) -> bytes:
        tag = f'<script src="{SCRIPT}" data-build="{self.preview.builds}"></script>'.encode()
        at = page.rfind(b"</body>")
        return page[:at] + tag + page[at:] if at >= 0 else page + tag

    def _not_found(self) -> bytes:
        return _error_page(404, self.preview.builds)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A request the server itself refuses (a malformed request line, a method other
        than GET or HEAD): jdgen's neutral page instead of Python's English one."""
        body = _error_page(code, self.preview.builds)
        self.send_response(code)
        self.send_header("Content-Type", _HTML)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        # A request line too broken to parse still says HEAD first, if it was one.
        method = self.command or getattr(self, "requestline", "").split(" ", 1)[0]
        if method != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)


_HTML = "text/html; charset=utf-8"


def request_path(raw: str) -> str | None:
    """The decoded path of a request target, or None when no file could have it: not
    UTF-8 once decoded, a NUL or a control character, a backslash, or not starting at /."""
    path = raw.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/"):
        return None
    try:
        decoded = urllib.parse.unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    if forbidden_character(decoded) or "\\" in decoded or "\n" in decoded or "\t" in decoded:
        return None
    return decoded


def site_file(out: Path, path: str) -> Path | None:
    """The file or directory of the built site a decoded path names, or None when it
    names none (a ``..`` or a link that leaves the site)."""
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    file = out.joinpath(*parts)
    try:
        resolved = file.resolve()
        resolved.relative_to(out.resolve())
        exists = resolved.exists()
    except (OSError, ValueError, RuntimeError):
        return None
    return file if exists else None


def _error_page(code: int, builds: int) -> bytes:
    """jdgen's page for an error: the status alone, in no language (the preview does not
    know which one the reader wanted), with links to the site's home and the live
    script (the page reloads when a build makes what was asked for)."""
    return (
        f'<!doctype html>\n<html lang="und"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{code}</title></head>\n"
        f'<body><main><h1>{code}</h1><p><a href="/">/</a></p></main>'
        f'<script src="{SCRIPT}" data-build="{builds}"></script></body></html>\n'
    ).encode()


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
        handler = type("Handler", (_Live,), {"preview": self, "out": self.out})
        self.server = http.server.ThreadingHTTPServer((host, port), handler)
        self.url = f"http://{host}:{self.server.server_address[1]}/"
        self._dirs = [root / "roles", root / "templates", root / "locales"]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def inputs(self) -> dict[str, tuple[int, int]]:
        """The size and time of every input. With a config that does not load (broken,
        or gone), the directories it named last time are watched, so that the preview
        keeps watching and rebuilds once it is fixed."""
        try:
            project = find_project(self.root)
        except JdgenError:
            dirs = self._dirs
        else:
            self._dirs = dirs = [
                project.roles_dir,
                project.root / project.config.templates_dir,
                project.root / project.config.locales_dir,
            ]
        try:
            stats = Snapshot.of(self.root, [d for d in dirs if d.is_dir()]).stats
        except (OSError, JdgenError):  # a file removed while it was being looked at
            stats = {"": (time.monotonic_ns(), 0)}  # changed: look again next time
        config = self.root / CONFIG_NAME
        try:
            st = config.stat()
        except OSError:
            st = None
        stats[str(config)] = (st.st_mtime_ns, st.st_size) if st else (0, -1)
        return stats

    def status(self) -> dict[str, object]:
        return {"build": self.builds, "errors": list(self.errors)}

    def build(self) -> bool:
        try:
            report = build_site(find_project(self.root), self.out, base_url=self.url)
        except JdgenError as error:
            return self._failed(error)
        except OSError as exc:  # a full disk, a file that went away while read
            where = f"{exc.filename}: " if exc.filename else ""
            return self._failed(OutputError(Problem(f"{where}{exc.strerror or exc}")))
        self.errors = []
        self.builds += 1
        self.events.built(report)
        return True

    def _failed(self, error: JdgenError) -> bool:
        self.errors = [str(p) for p in error.problems]
        self.events.failed(error)  # the last good site stays up
        return False

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
        # The watcher must outlive anything one round meets: a preview that stops
        # rebuilding looks alive and serves a stale site.
        while not self._stop.wait(self.interval):
            try:
                now = self.inputs()
                if now != seen:
                    seen = now
                    self.build()
            except Exception as exc:  # a bug: told over the page, and watching goes on
                self._failed(JdgenError(Problem(f"internal error in jdgen: {exc!r}")))

    def stop(self) -> None:
        self._stop.set()
        if self._threads:  # shutdown() waits for serve_forever, which may never have run
            self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def wait(self) -> None:
        """Serve until interrupted."""
        while not self._stop.is_set():
            time.sleep(0.2)
