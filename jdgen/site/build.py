"""Build the careers site: every role × locale × format, index pages, sitemap, feed.

A build is:
1. plan: find the roles, and reuse every role whose files are unchanged (cache.py);
2. render the rest, in parallel with ``jobs`` > 1 (each output depends only on its own
   inputs, so the result is the same whatever the order or the number of processes);
3. assemble the pages made from all roles (indexes, sitemap, feed), which are cheap;
4. write: link every file from the cache into a new tree beside the output and swap it
   in (write.py). A failed or interrupted build leaves the previous site as it was.

The same inputs give a byte-identical tree: nothing depends on the clock (``today``
comes from the config or the caller), the machine, or the order of work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jdgen.errors import InvalidInputError, Position, Problem, Problems, Severity
from jdgen.foundation.locales import parse_locale
from jdgen.foundation.write import (
    MARKER,
    check_output_dir,
    compare_tree,
    sha256,
)
from jdgen.i18n.catalogs import ROLE_DOMAIN_PREFIX
from jdgen.project.config import CONFIG_NAME, Project
from jdgen.rendering.renderer import Renderer
from jdgen.rendering.templates import render_template
from jdgen.site.cache import Cache, RoleState, Snapshot, global_hash
from jdgen.site.pages import (
    Facts,
    feed,
    group_postings,
    page_url,
    relative,
    robots,
    sitemap,
    switcher,
)
from jdgen.site.publish import publish
from jdgen.site.roles import Progress, RenderPlan, page_context, render_roles

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


def _global_files(project: Project, snapshot: Snapshot) -> dict[str, Path]:
    """Every file that shapes every page, by a name that does not depend on the machine:
    templates, template catalogs and conventions (the project's from ``snapshot``, which
    has already walked its locales), and the config."""
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
    return files


def _below(tag: str, path: str) -> str:
    """The link from a locale's index (``es/index.html``) to one of its postings."""
    if path.startswith(tag + "/"):
        return page_url(path[len(tag) + 1 :])
    return relative(f"{tag}/index.html", path)  # pragma: no cover - postings live below


def _site_pages(renderer: Renderer, plan: RenderPlan, items: list[Facts]) -> dict[str, bytes]:
    """The pages made from all postings: indexes, the front page, sitemap, robots, feed."""
    pages: dict[str, bytes] = {}
    index_paths = {tag: f"{tag}/index.html" for tag in plan.locales}
    for tag in plan.locales:
        page = index_paths[tag]
        env = renderer.environment(tag)
        localizer = renderer.localizer(tag)
        mine = [f for f in items if f.locale == tag]
        groups = [
            (
                name,
                [
                    {"href": _below(tag, f.path), "title": f.title, "details": f.details}
                    for f in group
                ],
            )
            for name, group in group_postings(mine)
        ]
        context = page_context(renderer, plan, tag, page, index_paths, "index.html")
        context.update(title=localizer.pgettext("site", "Open positions"), groups=groups)
        pages[page] = render_template(env, "site/index.html.j2", context).encode()
    env = renderer.environment(plan.default)
    front = page_context(renderer, plan, plan.default, "index.html", index_paths, "index.html")
    front.update(
        title=renderer.localizer(plan.default).pgettext("site", "Careers"),
        switcher=switcher("index.html", index_paths, ""),
    )
    pages["index.html"] = render_template(env, "site/root.html.j2", front).encode()
    by_role: dict[str, dict[str, str]] = {}
    for f in items:
        by_role.setdefault(f.role, {})[f.locale] = f.path
    sets: list[tuple[dict[str, str], str | None]] = [(index_paths, "index.html")]
    sets += [(by_role[role], None) for role in sorted(by_role)]
    pages["sitemap.xml"] = sitemap(plan.base_url, sets, plan.default).encode()
    pages["robots.txt"] = robots(plan.base_url).encode()
    pages["postings.json"] = feed(items, plan.base_url, plan.today.isoformat()).encode()
    source, _, _ = env.loader.get_source(env, "default:style.css")  # type: ignore[union-attr]
    pages["assets/style.css"] = source.encode()
    return pages


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
    if not check:
        check_output_dir(out, (project.root, Path.cwd()))
    day = project.today(today)
    renderer = Renderer(project, day)
    problems = Problems()
    locales = []
    for tag in config.locales:
        try:
            locales.append(renderer.locale(tag).tag)
        except InvalidInputError as exc:
            problems.extend(exc.problems)
    problems.extend(renderer.index.file_problems())
    problems.raise_errors()
    plan = RenderPlan(
        project.root,
        tuple(locales),
        parse_locale(config.default_locale).tag,
        base_url.rstrip("/") + "/",
        day,
    )

    snapshot = Snapshot.of(project.root, [project.roles_dir, project.root / config.locales_dir])
    cache = Cache.open(
        project.root / CACHE_DIR,
        global_hash(
            _global_files(project, snapshot), repr((plan.locales, plan.default, plan.base_url))
        ),
    )
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

    stale = []
    for role_id in ids:
        state = cache.roles.get(role_id)
        if (
            state is None
            or any(f not in relative for f in state.families)
            or cache.digest(dependencies(role_id, state.families), snapshot) != state.digest
        ):
            stale.append(role_id)
    report = BuildReport(out, rendered=len(stale), reused=len(ids) - len(stale))

    for result in render_roles(
        renderer, plan, stale, jobs, progress, len(ids) - len(stale), len(ids)
    ):
        if result.problems:
            problems.extend(result.problems)
            continue
        outputs = {rel: cache.put(data) for rel, data in result.outputs.items()}
        until = result.facts[0]["valid_through"] if result.facts else None
        cache.roles[result.role] = RoleState(
            result.families,
            cache.digest(dependencies(result.role, result.families), snapshot),
            cache.put_json([outputs, result.facts, result.warnings]),
            result.published,
            until,
        )
    for gone in set(cache.roles) - set(ids):
        del cache.roles[gone]
    if problems.errors:
        cache.save()  # keep what did render, for the next try
        problems.raise_errors()

    # Everything the site is made of, in one key: if it is the last build's, so is the site.
    published = [r for r in ids if cache.roles[r].published]
    expired = {
        r
        for r in published
        if (until := cache.roles[r].valid_through) and dt.date.fromisoformat(until) < day
    }
    report.expired = [
        _expired(project, paths[r], cache.roles[r].valid_through) for r in sorted(expired)
    ]
    state_key = sha256(
        repr((plan, [(r, cache.roles[r].details, r in expired) for r in published])).encode()
    )
    marker = out / MARKER
    if state_key == cache.pages.get("state") and not check:
        report.files = int(cache.pages.get("count", "0"))
        if marker.is_file() and sha256(marker.read_bytes()) == cache.marker:
            if "warnings" in cache.pages:  # told again on every build, as CI needs
                report.warnings = [
                    Problem.from_json(w) for w in cache.get_json(cache.pages["warnings"])
                ]
            return report  # the site on disk is this very site: nothing else to read

    # Assemble: everything that is still open, and the pages made from all of it.
    files: dict[str, str] = {}
    items: list[Facts] = []
    for role_id in published:
        details = cache.details(role_id)
        report.warnings.extend(Problem.from_json(w) for w in details.warnings)
        if role_id in expired:
            continue
        items.extend(Facts.from_json(f) for f in details.facts)
        files.update(details.outputs)
    # The pages made from every posting change only when a posting does: they are kept
    # under the state key (the plan, and every open posting's details).
    if state_key not in cache.pages:
        pages = {rel: cache.put(data) for rel, data in _site_pages(renderer, plan, items).items()}
        cache.pages = {state_key: cache.put_json(pages)}
    files.update(cache.get_json(cache.pages[state_key]))
    site_id = sha256(repr(sorted(files.items())).encode())
    files[MARKER] = cache.put(f"Built by jdgen; replaced on every build. {site_id}\n".encode())
    report.files = len(files)
    cache.pages.update(
        state=state_key,
        count=str(len(files)),
        warnings=cache.put_json([w.to_json() for w in report.warnings]),
    )

    if check:
        cache.save()
        report.differences = compare_tree(files, out)
        return report
    on_disk = sha256(marker.read_bytes()) if marker.is_file() else None
    if on_disk != files[MARKER]:
        previous = cache.get_json(cache.site) if cache.site and on_disk == cache.marker else {}
        publish(cache, files, out, previous)
        report.changed = True
    cache.site, cache.marker = cache.put_json(files), files[MARKER]
    cache.save()
    return report


def _expired(project: Project, path: Path, until: str | None) -> Problem:
    return Problem(
        f"left out: the posting expired on {until}",
        Position(project.display(path)),
        "valid_through",
        hint="update valid_through or remove the role",
        severity=Severity.WARNING,
    )
