"""The build cache: what a site build can reuse from the last one.

Outputs are stored by content (``objects/ab/cdef…``, the SHA-256 of their bytes), a
role's outputs together in one object (a *pack*: a file per object would cost the
file system more than rendering them does), and copied into the site, which never
shares a file with the cache: an editor or a deploy step that rewrites a published
page cannot damage the cache, and a damaged cache cannot damage a published page.
Every object is checked against its name when it is read; one that is missing or
damaged is a :class:`CacheMiss`, and the build renders its role again. A manifest that
cannot be read is discarded with a warning.

A small manifest per set of global inputs records:
- the dependency files seen, with their size, mtime and content hash;
- for each role: its families, one digest of its dependencies' contents, and when it
  expires;
- the object holding the role's details: outputs, facts and warnings.

A role's dependencies are found, not stored: its file, its families' files, and every
catalog named after one of them (``role-<id>.po``), including catalogs that did not
exist last time. A role whose dependencies have the same digest is reused without
being parsed, and its details are loaded only if the site must be assembled again.

Templates and template strings are tracked per role: each role keeps the names of the
templates and the strings its pages used, and what they were; a role is rendered again
only when one of those changed. Everything else that shapes every page (conventions,
the config, jdgen's version) goes into the global hash that names the manifest.
File timestamps only decide whether to re-hash a file, never what is built, so the
cache is safe to keep between CI runs, even on a fresh checkout.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdgen import __version__
from jdgen.errors import OutputError, Position, Problem, Severity, relpath
from jdgen.foundation.write import sha256, write_atomic
from jdgen.i18n.catalogs import ROLE_DOMAIN_PREFIX, TEMPLATE_DOMAIN
from jdgen.project.config import CONFIG_NAME, Project

FORMAT = (
    9  # 9: facts key their facets across locales; 8: Facts.brief; 7: roles track their templates
)
KEEP_MANIFESTS = 4


class CacheMiss(Exception):
    """Objects missing from the cache, or whose bytes do not match their names."""

    def __init__(self, *digests: str) -> None:
        super().__init__(*digests)
        self.digests = set(digests)


@dataclass
class Snapshot:
    """Every file under some directories (relative to a root), with size and mtime, from
    one walk; and the role catalogs among them, by role id."""

    root: Path
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)
    catalogs: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Path, directories: Iterable[Path]) -> Snapshot:
        snap = cls(root)
        prefix = len(str(root)) + 1
        for directory in directories:
            for dirpath, dirnames, filenames in os.walk(directory):
                dirnames.sort()
                for name in filenames:
                    full = os.path.join(dirpath, name)
                    try:
                        st = os.stat(full)
                    except FileNotFoundError:  # gone since it was listed (an editor's swap file)
                        continue
                    rel = full[prefix:]
                    snap.stats[rel] = (st.st_mtime_ns, st.st_size)
                    if name.startswith(ROLE_DOMAIN_PREFIX) and name.endswith(".po"):
                        snap.catalogs.setdefault(name[len(ROLE_DOMAIN_PREFIX) : -3], []).append(rel)
        return snap


@dataclass
class RoleState:
    """What the last build knew of one role, small enough to load for every build."""

    families: list[str]
    digest: str  # of the contents of every file the role depends on
    details: str  # the object holding outputs, facts and warnings
    published: bool = True
    valid_through: str | None = None
    uses: str = ""  # the object naming the templates and template strings it used
    uses_state: str = ""  # what those were when it was rendered


@dataclass
class Details:
    outputs: dict[str, str]  # site path → SHA-256 of the file
    facts: list[dict[str, Any]]
    warnings: list[list[Any]]  # Problem.to_json()
    pack: str  # the object holding the outputs' bytes
    feeds: str = ""  # the object holding its entries in the feeds (jdgen.site.feeds)


def pack(files: dict[str, bytes]) -> bytes:
    """Several files in one object: a JSON line of their names and sizes, then their
    bytes, compressed (quickly: pages compress fivefold even so, and the bytes a build
    writes cost it more than the compressing does)."""
    names = sorted(files)
    head = json.dumps([[n, len(files[n])] for n in names], ensure_ascii=False)
    packer = zlib.compressobj(1)  # file by file: never a second copy of them all
    parts = [packer.compress(head.encode() + b"\n")]
    parts += [packer.compress(files[n]) for n in names]
    return b"".join([*parts, packer.flush()])


def unpack(data: bytes) -> dict[str, bytes]:
    """The files of a :func:`pack`; ValueError if ``data`` is not one."""
    try:
        data = zlib.decompress(data)
    except zlib.error as exc:
        raise ValueError("not a pack") from exc
    head, _, body = data.partition(b"\n")
    files, at = {}, 0
    for name, size in json.loads(head):
        files[str(name)], at = body[at : at + int(size)], at + int(size)
    if at != len(body):
        raise ValueError("not a pack")
    return files


def put_object(objects: Path, data: bytes, digest: str | None = None) -> str:
    """Store bytes under ``objects``, named by their hash. An object already there is kept
    only if it holds these very bytes, so that rendering a role again repairs a damaged
    one. Safe for several processes at once: each writes under a name of its own."""
    digest = digest or sha256(data)
    path = objects / digest[:2] / digest[2:]
    if not _holds(path, data):
        # No fsync: an object is only ever reached through a manifest written after it,
        # and a lost one is made again. Written under a temporary name, so that a name
        # always holds complete contents.
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o444)
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o444)
        with os.fdopen(fd, "wb") as handle:  # read-only: nothing should change it
            handle.write(data)
        os.replace(tmp, path)
    return digest


def put_pack(objects: Path, files: dict[str, bytes]) -> tuple[str, dict[str, str]]:
    """Store ``files`` as one pack: its object, and each file's SHA-256 by name."""
    return put_object(objects, pack(files)), {rel: sha256(data) for rel, data in files.items()}


@dataclass
class Cache:
    """The cache directory: objects, and the manifest of the last build."""

    root: Path
    global_hash: str = ""
    files: dict[str, list[Any]] = field(default_factory=dict)  # rel → [mtime, size, sha]
    roles: dict[str, RoleState] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # key → object (a JSON map)
    site: str = ""  # object: the map of the site the last build wrote
    marker: str = ""  # the marker that site carried
    #: What was wrong with the cache itself (a damaged manifest), as warnings.
    problems: list[Problem] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)
    _stored: set[str] = field(default_factory=set)  # objects this process wrote

    @property
    def objects(self) -> Path:
        return self.root / "objects"

    @property
    def manifest(self) -> Path:
        return self.root / "manifests" / f"{self.global_hash[:32]}.json"

    @classmethod
    def open(cls, root: Path, global_hash: str) -> Cache:
        """The cache at ``root`` for builds with these global inputs. Each set of global
        inputs (say, the site and its local preview) keeps a manifest of its own, so they
        do not undo each other; the objects are shared."""
        cache = cls(root, global_hash)
        try:
            data = json.loads(cache.manifest.read_bytes())
        except FileNotFoundError:
            return cache
        except (OSError, ValueError):
            return cache._discard("cannot be read")
        if not isinstance(data, dict) or "format" not in data:
            return cache._discard("is not a manifest")
        if data["format"] != FORMAT:
            return cache  # an older jdgen's: start afresh, nothing is wrong
        try:
            files = {str(k): [int(v[0]), int(v[1]), str(v[2])] for k, v in data["files"].items()}
            roles = {str(k): RoleState(*v) for k, v in data["roles"].items()}
            pages = {str(k): str(v) for k, v in data["pages"].items()}
            site, marker = str(data["site"]), str(data["marker"])
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return cache._discard("is incomplete")
        cache.files, cache.roles, cache.pages, cache.site, cache.marker = (
            files,
            roles,
            pages,
            site,
            marker,
        )
        return cache

    def _discard(self, why: str) -> Cache:
        self.problems.append(
            Problem(
                f"the build cache's manifest {why}; it was discarded and every role is "
                "rendered again",
                Position(relpath(self.manifest)),
                severity=Severity.WARNING,
                hint=f"nothing to do; deleting {relpath(self.root)} does the same",
            )
        )
        return self

    def save(self) -> None:
        files = {k: v for k, v in self.files.items() if k in self._seen}
        roles = {
            k: [s.families, s.digest, s.details, s.published, s.valid_through, s.uses, s.uses_state]
            for k, s in sorted(self.roles.items())
        }
        data = {
            "format": FORMAT,
            "jdgen": __version__,
            "global": self.global_hash,
            "files": dict(sorted(files.items())),
            "roles": roles,
            "pages": self.pages,
            "site": self.site,
            "marker": self.marker,
        }
        write_atomic(self.manifest, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        # Keep the few most recent manifests; older ones belong to templates long gone.
        others = sorted(self.manifest.parent.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
        for old in others[:-KEEP_MANIFESTS]:
            if old != self.manifest:
                old.unlink(missing_ok=True)

    # -- dependencies -------------------------------------------------------------------

    def content_hash(self, rel: str, snapshot: Snapshot) -> str:
        """The content hash of a project file, re-read only if its size or mtime moved."""
        stat = snapshot.stats[rel]
        known = self.files.get(rel)
        self._seen.add(rel)
        if known is not None and (known[0], known[1]) == stat:
            return str(known[2])
        digest = sha256((snapshot.root / rel).read_bytes())
        self.files[rel] = [stat[0], stat[1], digest]
        return digest

    def digest(self, files: Iterable[str], snapshot: Snapshot) -> str:
        """One hash over the contents of a role's dependency files."""
        h = hashlib.sha256()
        for rel in sorted(set(files)):
            h.update(f"{rel}\0{self.content_hash(rel, snapshot)}\n".encode())
        return h.hexdigest()

    # -- objects ------------------------------------------------------------------------

    def put(self, data: bytes) -> str:
        """Store bytes; their hash names them (:func:`put_object`). Bytes this build has
        stored already (the set of templates and strings most roles share) are not
        looked at again."""
        digest = sha256(data)
        if digest not in self._stored:
            put_object(self.objects, data, digest)
            self._stored.add(digest)
        return digest

    def put_pack(self, files: dict[str, bytes]) -> tuple[str, dict[str, str]]:
        return put_pack(self.objects, files)

    def get_pack(self, digest: str) -> dict[str, bytes]:
        """The files of a pack, checked against its name (:class:`CacheMiss` if not)."""
        try:
            return unpack(self.get(digest))
        except (ValueError, TypeError):  # pragma: no cover - the bytes match their hash
            raise CacheMiss(digest) from None

    def object_path(self, digest: str) -> Path:
        return self.objects / digest[:2] / digest[2:]

    def put_json(self, value: Any) -> str:
        return self.put(
            json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        )

    def get(self, digest: str) -> bytes:
        """The bytes of an object, checked against its name; raises :class:`CacheMiss`
        (and removes a damaged object) when they are missing or do not match."""
        path = self.object_path(digest)
        try:
            data = path.read_bytes()
        except OSError:
            self._stored.discard(digest)  # to be written again
            raise CacheMiss(digest) from None
        if sha256(data) != digest:
            path.unlink(missing_ok=True)
            self._stored.discard(digest)
            raise CacheMiss(digest)
        return data

    def get_json(self, digest: str) -> Any:
        try:
            return json.loads(self.get(digest))
        except ValueError:  # pragma: no cover - the bytes match their hash: only a bug
            raise CacheMiss(digest) from None

    def details(self, role: str) -> Details:
        """A role's outputs, facts and warnings; :class:`CacheMiss` if they are lost."""
        try:
            outputs, facts, warnings, pack, feeds = self.get_json(self.roles[role].details)
        except (TypeError, ValueError) as exc:  # an older build's: rendered again
            raise CacheMiss(self.roles[role].details) from exc
        return Details(outputs, facts, warnings, pack, feeds)


def _holds(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def global_hash(files: dict[str, Path], extra: str = "") -> str:
    """One hash over the contents of the files that shape every page, by their names
    (relative names, so that a cache restored elsewhere still matches)."""
    h = hashlib.sha256(f"jdgen {__version__} format {FORMAT}\n{extra}\n".encode())
    for name in sorted(files):
        h.update(name.encode() + b"\0" + sha256(files[name].read_bytes()).encode() + b"\n")
    return h.hexdigest()


def global_files(project: Project, snapshot: Snapshot) -> tuple[dict[str, Path], dict[str, Path]]:
    """The files that shape every page, by names that do not depend on the machine: the
    config, conventions and the like; and apart, the templates and template catalogs,
    which each role tracks by what it used (the project's from ``snapshot``, which has
    already walked its locales)."""
    files: dict[str, Path] = {}
    locales = project.config.locales_dir.strip("/") + "/"
    for rel in snapshot.stats:
        if rel.startswith(locales) and not rel.rsplit("/", 1)[-1].startswith(ROLE_DOMAIN_PREFIX):
            files[rel] = project.root / rel
    own_locales = (project.root / project.config.locales_dir).resolve()
    bases = [("templates", d) for d in project.template_dirs] + [
        ("locales", d) for d in project.locale_dirs if d != own_locales
    ]
    for i, (kind, base) in enumerate(bases):
        for path in sorted(base.rglob("*")) if base.is_dir() else []:
            if path.is_file() and not path.name.startswith((ROLE_DOMAIN_PREFIX, ".")):
                files[f"{kind}{i}/{path.relative_to(base).as_posix()}"] = path
    if project.config_path:
        files[CONFIG_NAME] = project.config_path
    tracked = {
        name: path
        for name, path in files.items()
        if path.suffix == ".j2" or path.name in (f"{TEMPLATE_DOMAIN}.po", f"{TEMPLATE_DOMAIN}.pot")
    }
    return {n: p for n, p in files.items() if n not in tracked}, tracked


def forget_made(cache: Cache, digests: set[str], published: list[str], attempt: int) -> None:
    """Forget whatever made the objects ``digests`` (roles' outputs, pages made from all
    postings), so that the next try makes them again."""
    if attempt == 2:
        lost = relpath(cache.object_path(min(digests)))
        raise OutputError(  # pragma: no cover - only if the disk keeps losing files
            Problem(f"the build cache keeps losing files, such as {lost}")
        )
    for role_id in published:
        with contextlib.suppress(CacheMiss):
            details = cache.details(role_id)
            if {details.pack, details.feeds} & digests:
                cache.object_path(cache.roles[role_id].details).unlink(missing_ok=True)
    cache.pages = {}
