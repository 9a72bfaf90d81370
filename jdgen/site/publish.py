"""Publishing a build: make the output directory hold exactly the new files, all at once
or not at all, from the objects already in the cache.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from jdgen.foundation.write import (
    MARKER,
    inside,
    staging_beside,
    swap_in,
)
from jdgen.site.cache import Cache

PATCH_LIMIT = 200  # up to this many changed files (or 5% of the site) are patched in place


def link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed: copy instead
        shutil.copyfile(source, target)


def publish(cache: Cache, files: dict[str, str], out: Path, previous: dict[str, str]) -> None:
    """Make ``out`` hold exactly ``files``, all at once or not at all.

    Every file is already in the cache. When the site on disk is the previous build and
    only a few files differ, the new and changed files are staged beside it and renamed
    into place, with Ctrl-C held back until the last one (the marker) is in; otherwise a
    whole new tree of links is staged and swapped in. Either way a build that fails or is
    interrupted before this point leaves the previous site exactly as it was.
    """
    changed = {rel: d for rel, d in files.items() if previous.get(rel) != d}
    removed = sorted(set(previous) - set(files))
    patch = bool(previous) and len(changed) + len(removed) <= max(PATCH_LIMIT, len(files) // 20)
    with staging_beside(out, "building") as staging:
        for rel, digest in sorted((changed if patch else files).items()):
            link(cache.object_path(digest), inside(staging, rel, "the site"))
        if not patch:
            swap_in(staging, out)
            return
        with signals_held():
            for rel in sorted(changed, key=lambda r: r == MARKER):  # the marker last
                (out / rel).parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / rel, out / rel)
            for rel in removed:
                (out / rel).unlink(missing_ok=True)
                prune(out, (out / rel).parent)


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
