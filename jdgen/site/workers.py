"""The site build's workers: stale roles rendered in a pool of processes, chunks of
roles per task sharing a renderer, and each role's outputs stored as one pack (and, for
a new site, written into the staging directory by the process that rendered them)."""

from __future__ import annotations

import signal
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from jdgen.foundation.write import write_tree
from jdgen.rendering.renderer import Renderer
from jdgen.site.cache import put_pack
from jdgen.site.feeds.assemble import store_entries
from jdgen.site.roles import Progress, RenderPlan, RoleResult, render_role

CHUNK = 64  # roles per task in a process pool: enough to amortize each worker's setup


def stored(result: RoleResult, objects: Path, staging: Path | None) -> RoleResult:
    """``result`` with its outputs stored as one pack in the cache's ``objects`` and, when
    a new site is being staged, written into ``staging`` too: by the process that
    rendered them, so that the writing is shared out like the rendering."""
    if not result.problems:
        result.pack, result.files = put_pack(objects, result.outputs)
        if result.feed_parts:
            result.feeds = store_entries(objects, result.feed_parts)
        if staging is not None:
            write_tree(staging, result.outputs)
    result.outputs, result.feed_parts = {}, {}
    return result


def render_chunk(
    plan: RenderPlan, role_ids: Sequence[str], objects: Path, staging: Path | None
) -> list[RoleResult]:
    """A worker's task: a few roles with one renderer, so its setup is shared."""
    from jdgen.project.config import find_project

    renderer = Renderer(find_project(plan.root), plan.today)
    return [stored(render_role(renderer, plan, role_id), objects, staging) for role_id in role_ids]


def split_chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def render_roles(
    renderer: Renderer,
    plan: RenderPlan,
    stale: list[str],
    jobs: int,
    progress: Progress | None,
    done: int,
    total: int,
    objects: Path,
    staging: Path | None = None,
) -> Iterable[RoleResult]:
    """Render and store the ``stale`` roles (:func:`stored`), in ``jobs`` processes."""
    if progress:
        progress(done, total)
    if jobs <= 1 or len(stale) <= CHUNK:
        for role_id in stale:
            yield stored(render_role(renderer, plan, role_id), objects, staging)
            done += 1
            if progress:
                progress(done, total)
        return
    chunks = split_chunks(stale, CHUNK)
    # Workers leave Ctrl-C to this process, which stops them: one message, no worker's
    # traceback.
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    try:
        n = len(chunks)
        for results in pool.map(render_chunk, [plan] * n, chunks, [objects] * n, [staging] * n):
            yield from results
            done += len(results)
            if progress:
                progress(done, total)
    except BaseException:
        # Stop the chunks under way too: they would go on writing into the staging
        # directory that is about to be removed.
        workers = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        raise
    pool.shutdown()


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
