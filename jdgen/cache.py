"""The build cache: what a site build can reuse from the last one.

Outputs are stored by content (``objects/ab/cdef…``, the SHA-256 of their bytes) and
linked into the site, so an unchanged page costs a hard link, not a render or a
write. A manifest records, for each role, the files its outputs depend on (its file,
its families, its catalogs, including those that do not exist yet) with their size,
mtime and hash, and the facts the index pages need. A role whose files are unchanged
is not even parsed. Everything else that shapes every page (templates, the template
catalogs, conventions, the config, jdgen's version) goes into one global hash: when
it changes, every role is rendered again.

The cache holds nothing machine-specific beyond file timestamps, which only decide
whether to re-hash a file, never what is built; it is safe to keep between CI runs.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .write import write_atomic

FORMAT = 1
ABSENT = "-"
KEEP_MANIFESTS = 4


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str:
    try:
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return ABSENT


@dataclass
class Snapshot:
    """The size and mtime of every file under some directories, from one walk."""

    stats: dict[str, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, directories: Iterable[Path]) -> Snapshot:
        snap = cls()
        for directory in directories:
            snap._walk(directory)
        return snap

    def _walk(self, directory: Path) -> None:
        try:
            entries = list(os.scandir(directory))
        except (FileNotFoundError, NotADirectoryError):
            return
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                self._walk(Path(entry.path))
            elif entry.is_file():
                st = entry.stat()
                self.stats[os.path.abspath(entry.path)] = (st.st_mtime_ns, st.st_size)

    def stat(self, path: str) -> tuple[int, int] | None:
        return self.stats.get(path)


Dep = list[Any]  # [mtime_ns, size, sha256] or [0, 0, ABSENT]


def dependency(path: Path, snapshot: Snapshot) -> Dep:
    stat = snapshot.stat(str(path))
    if stat is None:
        return [0, 0, ABSENT]
    return [stat[0], stat[1], file_hash(path)]


@dataclass
class Entry:
    """What the last build made of one role."""

    deps: dict[str, Dep]
    outputs: dict[str, str]  # site path → object hash
    facts: list[dict[str, Any]]
    warnings: list[str]
    published: bool = True  # False for a role family

    def fresh(self, snapshot: Snapshot, root: Path) -> bool:
        """Whether every file it was made from is unchanged (re-hashing only when the
        size or mtime moved, and remembering the new ones when the content did not).
        Dependencies are named relative to the project ``root``."""
        for name, (mtime, size, digest) in self.deps.items():
            path = str(root / name)
            stat = snapshot.stat(path)
            if stat is None:
                if digest != ABSENT:
                    return False
                continue
            if digest == ABSENT:
                return False
            if stat == (mtime, size):
                continue
            if file_hash(Path(path)) != digest:
                return False
            self.deps[name] = [stat[0], stat[1], digest]
        return True


@dataclass
class Cache:
    """The cache directory: objects, and the manifest of the last build."""

    root: Path
    global_hash: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    #: The pages made from all postings, by the key of what they were made from.
    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The site the last build wrote: path → object.
    site: dict[str, str] = field(default_factory=dict)

    @property
    def objects(self) -> Path:
        return self.root / "objects"

    @classmethod
    def open(cls, root: Path, global_hash: str) -> Cache:
        """The cache at ``root`` for builds with these global inputs. Each set of global
        inputs (say, the site and its local preview) keeps a manifest of its own, so they
        do not undo each other; the objects are shared."""
        cache = cls(root, global_hash)
        try:
            data = json.loads(cache.manifest.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return cache
        if data.get("format") != FORMAT:
            return cache
        for role, item in data.get("roles", {}).items():
            cache.entries[role] = Entry(**item)
        cache.pages = data.get("pages", {})
        cache.site = data.get("site", {})
        return cache

    @property
    def manifest(self) -> Path:
        return self.root / "manifests" / f"{self.global_hash[:32]}.json"

    def save(self) -> None:
        data = {
            "format": FORMAT,
            "jdgen": __version__,
            "global": self.global_hash,
            "roles": {k: vars(v) for k, v in sorted(self.entries.items())},
            "pages": self.pages,
            "site": self.site,
        }
        write_atomic(
            self.manifest,
            json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        )
        # Keep the few most recent manifests; older ones belong to templates long gone.
        others = sorted(self.manifest.parent.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
        for old in others[:-KEEP_MANIFESTS]:
            if old != self.manifest:
                old.unlink(missing_ok=True)

    def put(self, data: bytes) -> str:
        """Store bytes; their hash names them."""
        digest = sha256(data)
        path = self.object_path(digest)
        if not path.exists():
            # No fsync: an object is only ever read through the manifest written after it,
            # and a lost one is rendered again. Written under a temporary name, so that a
            # name always holds complete contents.
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o444)
            except FileNotFoundError:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o444)
            with os.fdopen(fd, "wb") as handle:  # read-only: linked into sites as they are
                handle.write(data)
            os.replace(tmp, path)
        return digest

    def object_path(self, digest: str) -> Path:
        return self.objects / digest[:2] / digest[2:]


def global_hash(files: dict[str, Path], extra: str = "") -> str:
    """One hash over the contents of the files that shape every page, by their names
    (relative names, so that a cache restored elsewhere still matches)."""
    h = hashlib.sha256(f"jdgen {__version__} format {FORMAT}\n{extra}\n".encode())
    for name in sorted(files):
        h.update(name.encode() + b"\0" + file_hash(files[name]).encode() + b"\n")
    return h.hexdigest()
