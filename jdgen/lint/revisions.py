"""``jdgen diff ROLE --rev A..B``: a role's change log between two git revisions, by
meaning, for the reviewer of a pull request.

The changes themselves come from :mod:`jdgen.project.changes`. This adds what needs the
laws and the catalogs: the pay laws to check again when pay or places changed, and per
locale the translations that the next ``jdgen i18n update`` will mark fuzzy (their source
text changed). It is rendered like every document, from ``revision-diff.md.j2``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po

from jdgen.errors import NotFoundError, Position, Problem
from jdgen.i18n.catalogs import catalog_paths, role_domain
from jdgen.i18n.localize import Content
from jdgen.project.changes import Change, compare_roles, inflation
from jdgen.project.config import Project
from jdgen.project.history import project_at, split_range
from jdgen.project.keys import stable_context
from jdgen.project.model import Role
from jdgen.project.resolve import ResolvedRole, RoleIndex
from jdgen.rendering.renderer import Rendered, Renderer

TEMPLATE = "revision-diff.md.j2"
#: A marker a pull-request bot can find to update its comment instead of adding one.
GITHUB_MARKER = "<!-- jdgen diff -->"


@dataclass
class RevisionLog:
    """The change log of one role between two revisions."""

    role: str
    first: str
    second: str  # "" for the work tree
    new_role: bool = False
    changes: list[Change] = field(default_factory=list)
    laws: list[str] = field(default_factory=list)
    #: locale → how many translated texts go fuzzy there
    fuzzy: dict[str, int] = field(default_factory=dict)

    @property
    def inflation(self) -> bool:
        return inflation(self.changes)


def _texts(index: RoleIndex, role_id: str) -> dict[str, str]:
    """The role file's own texts by catalog key (msgctxt)."""
    path = index.files.get(role_id)
    if path is None:
        return {}
    texts, _ = index.own_texts(path)
    sources = {p: t for p, (t, _) in texts.items()}
    return {stable_context(role_id, p, sources.get): t for p, (t, _) in texts.items()}


def _resolve(index: RoleIndex, role_id: str) -> ResolvedRole | None:
    if role_id not in index.files:
        return None
    return index.resolve(role_id, family_ok=True)


def _laws_for(role: Role) -> list[str]:
    """The pay-transparency laws that reach the role, by each law's own coverage test."""
    from jdgen.lint.coverage import Coverage, coverage
    from jdgen.lint.laws import laws

    return sorted({law.name for law in laws() if isinstance(coverage(law, role), Coverage)})


def _fuzzy(
    project: Project, renderer: Renderer, role_id: str, changed: dict[str, str]
) -> dict[str, int]:
    """Per configured locale, how many of the changed texts have a translation there."""
    out: dict[str, int] = {}
    for tag in project.config.locales:
        info = renderer.locale(tag)
        count = 0
        for path in catalog_paths(info, role_domain(role_id), project.locale_dirs)[:1]:
            with path.open("rb") as f:
                catalog = read_po(f, abort_invalid=False)
            for key, old_text in changed.items():
                message = catalog.get(old_text, context=key)
                if message is not None and message.string and not message.fuzzy:
                    count += 1
        if count:
            out[info.tag] = count
    return out


def revision_log(project: Project, role_id: str, revisions: str) -> RevisionLog:
    """What changed in ``role_id`` over ``revisions`` (``A..B``; ``A`` alone: up to the
    work tree)."""
    first, second = split_range(revisions)
    log = RevisionLog(role_id, first, second)
    renderer = Renderer(project)
    with project_at(project, first) as old_p, project_at(project, second) as new_p:
        old_index, new_index = RoleIndex.of(old_p), RoleIndex.of(new_p)
        new = _resolve(new_index, role_id)
        if new is None:
            raise NotFoundError(
                Problem(
                    f'no role "{role_id}" at {second or "the work tree"}',
                    Position(str(project.roles_dir)),
                    hint="name a role that exists at the later revision",
                )
            )
        old = _resolve(old_index, role_id)
        if old is None:
            log.new_role = True
            old_texts: dict[str, str] = {}
        else:
            log.changes = compare_roles(old.role, new.role)
            old_texts = _texts(old_index, role_id)
        new_texts = _texts(new_index, role_id)
        if any(c.what in ("pay", "places") for c in log.changes) or log.new_role:
            log.laws = _laws_for(new.role)
    changed = {k: t for k, t in old_texts.items() if k in new_texts and new_texts[k] != t}
    log.fuzzy = _fuzzy(project, renderer, role_id, changed)
    return log


def render_log(
    project: Project, log: RevisionLog, locale: str | None = None, fmt: str = "markdown"
) -> Rendered:
    """The change log as a document; ``fmt`` ``github`` is Markdown for a pull-request
    comment, with a marker a bot can find."""
    renderer = Renderer(project)
    resolved = renderer.index.resolve(log.role, family_ok=True)
    tag = locale or resolved.role.language
    changes = [
        Change(c.what, Content(c.field), Content(c.before), Content(c.after)) for c in log.changes
    ]
    extra = {"log": log, "changes": changes, "laws": [Content(n) for n in log.laws]}
    rendition = renderer.rendition_with(resolved, tag, "revision-diff", TEMPLATE, extra)
    localizer = renderer.localizer(tag)
    body = "markdown" if fmt == "github" else fmt
    text = renderer.format(rendition.document, body, localizer)
    if fmt == "github":
        text = f"{GITHUB_MARKER}\n{text}"
    return Rendered(text, rendition.document, localizer.info.tag, "revision-diff", fmt, ())


def log_for(project: Project, role_ref: str, revisions: str) -> RevisionLog:
    """The role's id from a reference (an id or a path), then its log."""
    role_id = Path(role_ref).stem if role_ref.endswith((".yaml", ".yml")) else role_ref
    return revision_log(project, role_id, revisions)
