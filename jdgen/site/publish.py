"""Publishing a build: make the output directory hold exactly the new files, all at once
or not at all, from the objects already in the cache.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from jdgen.foundation.write import (
    MARKER,
    fresh_path,
    inside,
    staging_beside,
    swap_in,
    write_tree,
)
from jdgen.site.cache import Cache, CacheMiss
from jdgen.site.feeds.assemble import is_feed
from jdgen.site.pages import page_url

PATCH_LIMIT = 200  # up to this many changed files (or 5% of the site) are patched in place


def copy_out(
    cache: Cache, pack: str, files: Collection[str], staging: Path, made: set[str]
) -> None:
    """Write ``files`` from the pack ``pack`` into ``staging``, checked against its name on
    the way (a :class:`~jdgen.site.cache.CacheMiss` if it is damaged). Copies, never links:
    the published site shares no file with the cache."""
    data = cache.get_pack(pack)
    write_tree(staging, {rel: data[rel] for rel in files}, made)


#: What the marker says while a site is being patched: a build that dies part-way leaves
#: it behind, and the next build, finding a marker it did not write, rebuilds the site.
PATCHING = b"Being patched by jdgen; the next build replaces it whole.\n"


def publish(
    cache: Cache,
    files: dict[str, str],
    sources: dict[str, str],
    out: Path,
    previous: dict[str, str],
    staging: Path | None = None,
    staged: Collection[str] = (),
) -> None:
    """Make ``out`` hold exactly ``files`` (path → SHA-256), all at once or not at all.

    Every file is in the cache, in the pack ``sources`` names, and is checked as it is
    copied out. When the site on disk is the previous build and only a few files differ,
    the new and changed files are staged beside it and renamed into place: the marker
    first says the site is being patched, and the new marker goes in last, with Ctrl-C
    held back in between, so a site left half-patched by a crash is known as such and
    rebuilt whole by the next build. Otherwise a whole new tree is staged and swapped in:
    in ``staging``, if the build has begun one, where the files ``staged`` are already
    written. Either way a build that fails or is interrupted before this point leaves the
    previous site exactly as it was.
    """
    changed = {rel: d for rel, d in files.items() if previous.get(rel) != d}
    removed = sorted(set(previous) - set(files))
    patch = bool(previous) and len(changed) + len(removed) <= max(PATCH_LIMIT, len(files) // 20)
    with contextlib.ExitStack() as stack:
        if staging is None:
            staging = stack.enter_context(staging_beside(out, "building"))
        for rel in sorted(set(staged) - set(files)):  # an expired posting's pages, say
            os.unlink(fresh_path(staging, rel))
            prune(staging, (staging / rel).parent)
        wanted: dict[str, list[str]] = {}
        for rel in sorted(changed if patch else set(files) - set(staged)):
            wanted.setdefault(sources[rel], []).append(rel)
        missing: list[str] = []
        made: set[str] = set()
        for pack, rels in sorted(wanted.items()):
            try:
                copy_out(cache, pack, rels, staging, made)
            except CacheMiss as miss:  # all of them at once: one more render repairs them
                missing.extend(miss.digests)
        if missing:
            raise CacheMiss(*missing)
        if not patch:
            swap_in(staging, out)
            return
        targets = {rel: inside(out, rel, "the site") for rel in sorted(changed) if rel != MARKER}
        patching = staging / f"{MARKER}.patching"
        patching.write_bytes(PATCHING)
        with signals_held():
            os.replace(patching, out / MARKER)
            for rel, target in targets.items():
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / rel, target)
            for rel in removed:
                (out / rel).unlink(missing_ok=True)
                prune(out, (out / rel).parent)
            os.replace(staging / MARKER, out / MARKER)


def prune(root: Path, directory: Path) -> None:
    """Remove directories left empty by removed files, up to ``root``."""
    while directory != root and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back Ctrl-C (and SIGTERM) while the site is being changed in place."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives them
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def page_changes(
    before: dict[str, str], after: dict[str, str], base_url: str
) -> dict[str, list[str]]:
    """The HTML pages and job-board feeds added, updated and removed between two sites
    (path → content)."""

    def urls(paths: Iterable[str]) -> list[str]:
        return sorted(base_url + page_url(p) for p in paths if p.endswith(".html") or is_feed(p))

    return {
        "added": urls(set(after) - set(before)),
        "updated": urls(p for p in set(after) & set(before) if after[p] != before[p]),
        "removed": urls(set(before) - set(after)),
    }
