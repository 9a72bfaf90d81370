"""Publishing a build: make the output directory hold exactly the new files, all at once
or not at all, from the objects already in the cache.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from jdgen.foundation.write import (
    fresh_path,
    make_below,
    staging_beside,
    swap_in,
    write_tree,
)
from jdgen.site.cache import Cache, CacheMiss
from jdgen.site.feeds.assemble import is_feed
from jdgen.site.pages import page_url

PATCH_LIMIT = 200  # up to this many changed files (or 5% of the site): the rest is linked


def copy_out(
    cache: Cache, pack: str, files: Collection[str], staging: Path, made: set[str]
) -> None:
    """Write ``files`` from the pack ``pack`` into ``staging``, checked against its name on
    the way (a :class:`~jdgen.site.cache.CacheMiss` if it is damaged). Copies, never links:
    the published site shares no file with the cache."""
    data = cache.get_pack(pack)
    write_tree(staging, {rel: data[rel] for rel in files}, made)


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
    copied out. A whole new tree is staged beside the site and swapped in, always: in
    ``staging``, if the build has begun one, where the files ``staged`` are already
    written. When the site on disk is the previous build and only a few files differ,
    only those are copied out; the others are linked from the site on disk. A build
    that fails, is interrupted or is killed at any point leaves the previous site, or
    the new one, whole: never a mix.
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
        if patch:
            # A few files changed: the rest of the new tree is the site on disk, linked
            # (not copied) into it. Patching the site in place was not safe: a build
            # killed (kill -9, a power cut) between two renames left a mixed site.
            keep = sorted(set(files) - set(changed) - set(staged))
            link_unchanged(out, staging, keep, made)
        swap_in(staging, out)


def link_unchanged(out: Path, staging: Path, rels: Iterable[str], made: set[str]) -> None:
    """Hard-link the files ``rels`` of the published site ``out`` into ``staging``: no
    copy of their bytes. Nothing ever writes into a published file (a build replaces the
    tree, a file by a rename), so the two trees can share them. Where the file system
    cannot link, the file is copied."""
    top = os.fspath(staging)
    for rel in rels:
        # Checked by its text only (a system call per file would cost more than the link);
        # a link in the site is linked as a link, never followed out of it.
        source = fresh_path(out, rel)
        target = fresh_path(staging, rel)
        parent = os.path.dirname(target)
        if parent not in made:
            make_below(top, parent)
            made.add(parent)
        try:
            os.link(source, target, follow_symlinks=False)
        except OSError:
            shutil.copyfile(source, target)


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
