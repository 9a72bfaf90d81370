"""Build the careers site: every role × locale × format, index pages, sitemap, feed.

A build is:
1. plan: find the roles, and reuse every role whose files are unchanged (cache.py);
2. render the rest, in parallel with ``jobs`` > 1 (each output depends only on its own
   inputs, so the result is the same whatever the order or the number of processes);
3. assemble the pages made from all roles (indexes, sitemap, feed), which are cheap;
4. publish: copy every file from the cache (checked against its name) into a new tree
   beside the output and swap it in; of a few changed files, only those are copied, the
   rest linked (publish.py). A failed, interrupted or killed build leaves the site as it was.

The same inputs give a byte-identical tree: nothing depends on the machine or the order
of work, and the clock only through ``today`` (the calendar's, unless the caller gives a
date: ``--today`` or ``SOURCE_DATE_EPOCH`` for a reproducible build).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jdgen.errors import (
    InvalidInputError,
    JdgenError,
    OutputError,
    Position,
    Problem,
    Problems,
    Severity,
)
from jdgen.foundation.locales import parse_locale
from jdgen.foundation.write import (
    MARKER,
    check_output_dir,
    compare_tree,
    remove_stale_staging,
    sha256,
    staging_beside,
    writing,
)
from jdgen.project.config import CONFIG_NAME, Project
from jdgen.rendering.renderer import Renderer
from jdgen.site.cache import (
    Cache,
    CacheMiss,
    Details,
    RoleState,
    Snapshot,
    forget_made,
    global_files,
    global_hash,
)
from jdgen.site.facts import Facts
from jdgen.site.feeds.assemble import cached_entries
from jdgen.site.indexes import PageMemo, site_feeds, site_pages
from jdgen.site.notices import config_warnings, expired_warning, site_locales
from jdgen.site.publish import page_changes, publish
from jdgen.site.roles import Progress, RenderPlan, RoleResult, render_role
from jdgen.site.workers import render_roles, stored

CACHE_DIR = ".jdgen-cache"


@dataclass
class BuildReport:
    """What a build did."""

    out: Path
    rendered: int = 0  # roles rendered
    reused: int = 0  # roles taken from the cache
    files: int = 0  # files in the site
    changed: bool = False  # whether the site on disk was replaced
    expired: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)  # with check=True
    #: The pages this build added, updated and removed, as URLs, for CI to tell search
    #: engines and job boards (Google's Indexing API); jdgen itself calls nobody.
    changes: dict[str, list[str]] = field(
        default_factory=lambda: {"added": [], "updated": [], "removed": []}
    )


@writing()  # a full disk or a read-only output: a message, not a traceback
def build_site(
    project: Project,
    out: Path | None = None,
    *,
    jobs: int = 1,
    today: dt.date | None = None,
    check: bool = False,
    progress: Progress | None = None,
    base_url: str | None = None,
) -> BuildReport:
    """Build (or, with ``check``, compare) the site of ``project`` in ``out``.

    Raises :class:`~jdgen.errors.JdgenError` with every problem found; then nothing in
    ``out`` has changed. ``base_url`` overrides the config's (for a local preview).
    """
    config = project.config
    base_url = base_url or config.base_url
    if not base_url:
        raise InvalidInputError(
            Problem(
                "the site needs a base_url",
                Position(project.display(project.config_path)) if project.config_path else None,
                hint=f"add base_url: https://careers.example.com/ to {CONFIG_NAME}",
            )
        )
    out = (out or project.root / "site").absolute()
    if out.is_symlink():  # build into what the link points at; the link stays as it is
        out = out.resolve()
    if not check:
        check_output_dir(out, (project.root, Path.cwd()))
        remove_stale_staging(out)  # what builds killed part-way left, even if nothing changes
    day = project.today(today)
    renderer = Renderer(project, day)
    problems = Problems()
    infos = []
    for tag in config.locales:
        try:
            infos.append(renderer.locale(tag))
        except InvalidInputError as exc:
            problems.extend(exc.problems)
    problems.extend(renderer.index.file_problems())
    problems.raise_errors()
    default = parse_locale(config.default_locale).tag
    locales, unlisted = site_locales(project, infos, config.fallback_pages, default)
    plan = RenderPlan(
        project.root,
        tuple(locales),
        default,
        base_url.rstrip("/") + "/",
        day,
        config.publish,
        config.fallback_pages,
        config.publish_formats,
        config.feeds,
    )

    snapshot = Snapshot.of(project.root, [project.roles_dir, project.root / config.locales_dir])
    shared, tracked = global_files(project, snapshot)
    cache = Cache.open(
        project.root / CACHE_DIR,
        global_hash(shared, repr((plan.locales, plan.default, plan.base_url))),
    )
    pages_key = global_hash(tracked)  # the pages made from all postings use them all
    paths = renderer.index.files
    ids = sorted(paths)
    relative = {r: p.relative_to(project.root).as_posix() for r, p in paths.items()}

    def dependencies(role_id: str, families: Sequence[str]) -> list[str]:
        """A role's file, its families' files, and every catalog named after them."""
        owners = (role_id, *families)
        found = [relative[o] for o in owners if o in relative]
        for owner in owners:
            found.extend(snapshot.catalogs.get(owner, []))
        return found

    uses_now: dict[str, str] = {}

    def uses_changed(state: RoleState) -> bool:
        """Whether a template or template string the role used is not what it was."""
        if state.uses not in uses_now:
            try:
                uses_now[state.uses] = renderer.uses_state(cache.get_json(state.uses))
            except (CacheMiss, JdgenError, TypeError, ValueError):  # rendered again, and told
                uses_now[state.uses] = ""
        return uses_now[state.uses] != state.uses_state

    stale = []
    for role_id in ids:
        state = cache.roles.get(role_id)
        if (
            state is None
            or any(f not in relative for f in state.families)
            or cache.digest(dependencies(role_id, state.families), snapshot) != state.digest
            or uses_changed(state)
        ):
            stale.append(role_id)
    report = BuildReport(out, rendered=len(stale), reused=len(ids) - len(stale))
    early = [*cache.problems, *config_warnings(project, today, base_url), *unlisted]
    report.warnings.extend(early)
    marker = out / MARKER
    on_disk = sha256(marker.read_bytes()) if marker.is_file() else None
    # With no site of the last build's on disk, the whole site is new: the processes that
    # render the roles write their pages straight into its staging directory.
    whole = not check and bool(stale) and not (cache.site and on_disk == cache.marker)
    with contextlib.ExitStack() as stack:
        staging = stack.enter_context(staging_beside(out, "building")) if whole else None
        staged: set[str] = set()

        def store(result: RoleResult) -> None:
            if result.problems:
                problems.extend(result.problems)
                return
            if staging is not None:
                staged.update(result.files)
            until = result.facts[0]["valid_through"] if result.facts else None
            cache.roles[result.role] = RoleState(
                result.families,
                cache.digest(dependencies(result.role, result.families), snapshot),
                cache.put_json(
                    [result.files, result.facts, result.warnings, result.pack, result.feeds]
                ),
                result.published,
                until,
                cache.put_json(result.uses),
                result.uses_state,
            )

        done, total = len(ids) - len(stale), len(ids)
        for result in render_roles(
            renderer, plan, stale, jobs, progress, done, total, cache.objects, staging
        ):
            store(result)
        for gone in set(cache.roles) - set(ids):
            del cache.roles[gone]
        if problems.errors:
            cache.save()  # keep what did render, for the next try
            problems.raise_errors()

        def details_of(role_id: str) -> Details:
            """A role's details from the cache; rendered again if the cache lost them."""
            try:
                return cache.details(role_id)
            except CacheMiss:
                report.rendered, report.reused = report.rendered + 1, report.reused - 1
                store(stored(render_role(renderer, plan, role_id), cache.objects, staging))
                problems.raise_errors()
                return cache.details(role_id)

        return _finish(
            cache, renderer, plan, ids, report, early, details_of, check, staging, staged, pages_key
        )


def _finish(
    cache: Cache,
    renderer: Renderer,
    plan: RenderPlan,
    ids: list[str],
    report: BuildReport,
    early: list[Problem],
    details_of: Callable[[str], Details],
    check: bool,
    staging: Path | None,
    staged: set[str],
    pages_key: str,
) -> BuildReport:
    """Once every role is rendered or reused: assemble the site and publish it (or, with
    ``check``, compare it), unless the site on disk is already this very site."""
    out = report.out
    day = plan.today
    # Everything the site is made of, in one key: if it is the last build's, so is the site.
    published = [r for r in ids if cache.roles[r].published]
    expired = {
        r
        for r in published
        if (until := cache.roles[r].valid_through) and dt.date.fromisoformat(until) < day
    }
    report.expired = [
        expired_warning(renderer.project, renderer.index.files[r], cache.roles[r].valid_through)
        for r in sorted(expired)
    ]
    state_key = sha256(
        repr(
            (plan, pages_key, [(r, cache.roles[r].details, r in expired) for r in published])
        ).encode()
    )
    marker = out / MARKER
    if state_key == cache.pages.get("state") and not check:
        report.files = int(cache.pages.get("count", "0"))
        if marker.is_file() and sha256(marker.read_bytes()) == cache.marker:
            with contextlib.suppress(CacheMiss):  # else: assemble the site again below
                if "warnings" in cache.pages:  # told again on every build, as CI needs
                    report.warnings += [
                        Problem.from_json(w) for w in cache.get_json(cache.pages["warnings"])
                    ]
                return report  # the site on disk is this very site: nothing else to read

    for attempt in range(3):
        try:
            memo = PageMemo(repr(plan))
            files, sources, warnings = _assemble(
                cache, renderer, plan, published, expired, state_key, details_of, memo
            )
            report.warnings = [*early, *warnings]
            report.files = len(files)
            if check:
                cache.save()
                report.differences = compare_tree(files, out)
                return report
            on_disk = sha256(marker.read_bytes()) if marker.is_file() else None
            if on_disk != files[MARKER]:
                previous: dict[str, str] = {}
                if cache.site and on_disk == cache.marker:
                    with contextlib.suppress(CacheMiss):
                        previous = cache.get_json(cache.site)
                publish(cache, files, sources, out, previous, staging, staged)
                report.changed = True
            break
        except CacheMiss as miss:
            # A damaged or lost output: nothing is published yet. Render again whatever
            # it came from, and try once more.
            forget_made(cache, miss.digests, published, attempt)
    last: dict[str, str] = {}
    if cache.site:
        with contextlib.suppress(CacheMiss):
            last = cache.get_json(cache.site)
    report.changes = page_changes(last, files, plan.base_url)
    try:
        cache.site, cache.marker = cache.put_json(files), files[MARKER]
        cache.save()
    except (OutputError, OSError) as exc:
        # The site is published: a cache that cannot be saved costs the next build time.
        why = exc.problems[0] if isinstance(exc, OutputError) else Problem(str(exc))
        report.warnings.append(
            Problem(
                f"the build cache could not be saved: {why.message}; the site is built, "
                "and the next build renders every role again",
                why.position,
                severity=Severity.WARNING,
                hint=why.hint,
            )
        )
    return report


def _assemble(
    cache: Cache,
    renderer: Renderer,
    plan: RenderPlan,
    published: list[str],
    expired: set[str],
    state_key: str,
    details_of: Callable[[str], Details],
    memo: PageMemo,
) -> tuple[dict[str, str], dict[str, str], list[Problem]]:
    """The site's files (path → SHA-256) and the packs holding them (path → object), from
    every open posting's details and the pages made from all of them; and the warnings
    the postings carry."""
    files: dict[str, str] = {}
    sources: dict[str, str] = {}
    items: list[Facts] = []
    warnings: list[Problem] = []
    entries: list[str] = []  # each open posting's feed entries (cache objects)
    for role_id in published:
        details = details_of(role_id)
        warnings.extend(Problem.from_json(w) for w in details.warnings)
        if role_id in expired:
            continue
        items.extend(Facts.from_json(f) for f in details.facts)
        if details.feeds:
            entries.append(details.feeds)
        files.update(details.outputs)
        sources.update(dict.fromkeys(details.outputs, details.pack))
    # The pages made from every posting change only when a posting does: they are kept
    # under the state key (the plan, and every open posting's details).
    pages = None
    if state_key in cache.pages:
        with contextlib.suppress(CacheMiss, ValueError):
            pages, pack = cache.get_json(cache.pages[state_key])
    if pages is None:
        if "memo" in cache.pages:  # the listing pages of the last assembly
            with contextlib.suppress(CacheMiss, ValueError):
                saved, made = cache.get_json(cache.pages["memo"])
                memo.load(cache.get_pack(saved), cache.get_pack(made))
        made = site_pages(renderer, plan, items, memo)
        made.update(site_feeds(renderer, plan, items, cached_entries(cache, entries)))
        pack, pages = cache.put_pack(made)
        saved, _ = cache.put_pack(memo.new)
        cache.pages = {state_key: cache.put_json([pages, pack])}
        cache.pages["memo"] = cache.put_json([saved, pack])
    files.update(pages)
    sources.update(dict.fromkeys(pages, pack))
    site_id = sha256(repr(sorted(files.items())).encode())
    marker = {MARKER: f"Built by jdgen; replaced on every build. {site_id}\n".encode()}
    pack, marked = cache.put_pack(marker)
    files.update(marked)
    sources[MARKER] = pack
    cache.pages.update(
        state=state_key,
        count=str(len(files)),
        warnings=cache.put_json([w.to_json() for w in warnings]),
    )
    return files, sources, warnings
